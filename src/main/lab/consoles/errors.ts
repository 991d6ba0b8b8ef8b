import { ApiError, type ErrorParams } from '@shared/errors';
import { defineErrors, type ErrorEntry } from '../errors';

/** What went wrong with a console, finer than the API's error code (the UI picks its sentence by `key`). */
export type ConsoleErrorKind =
  | 'no-shell'
  | 'not-running'
  | 'unknown-session'
  | 'session-closed'
  | 'session-limit'
  | 'bad-size'
  | 'input-too-large';

/**
 * The sentence the renderer shows for each kind (i18n key `console.<name>`, the same English text as
 * en.json) and its API code. The ApiError's own message stays the specific English one the caller
 * writes (which container, which size), for logs and callers without a catalog.
 */
export const consoleErrorCatalog = {
  noShell: {
    code: 'not-found',
    text: 'This image has no shell (bash or sh), so Twinlab cannot open a console in it. Use an image with a shell, or read its Logs tab.',
  },
  notRunning: { code: 'conflict', text: 'The container is not running. Start it to open a console.' },
  unknownSession: { code: 'not-found', text: 'This console session no longer exists. Open a new console.' },
  sessionClosed: { code: 'conflict', text: 'This console session has ended. Open a new console.' },
  sessionLimit: {
    code: 'conflict',
    text: 'Too many consoles are open ({{limit}}). End a console you no longer use, then try again.',
  },
  badSize: {
    code: 'bad-input',
    text: 'The console cannot be {{cols}} × {{rows}} characters. Make the window larger, then try again.',
  },
  inputTooLarge: {
    code: 'too-large',
    text: 'That was too much input at once. Wait until the console has taken what you sent, or paste less.',
  },
} as const satisfies Record<string, ErrorEntry>;

const consoleErrors = defineErrors('console', consoleErrorCatalog);
export const consoleErrorsEnglish = consoleErrors.english;

/** `no-shell` → `noShell`, the catalog name of a kind. */
const nameOf = (kind: ConsoleErrorKind) =>
  kind.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) as keyof typeof consoleErrorCatalog;

/**
 * A console failure the user can act on. It is an ApiError, so the router passes it to the renderer
 * as `{ code, key, message, params }` without a wrapper in every handler; `kind` is for main-side code.
 */
export class ConsoleError extends ApiError {
  constructor(
    readonly kind: ConsoleErrorKind,
    message: string,
    params?: ErrorParams,
  ) {
    super(consoleErrorCatalog[nameOf(kind)].code, consoleErrors.key(nameOf(kind)), message, params);
  }
}

export function isConsoleError(error: unknown, kind?: ConsoleErrorKind): error is ConsoleError {
  return error instanceof ConsoleError && (kind === undefined || error.kind === kind);
}
