import { ApiError, type ErrorCode, type ErrorParams } from '@shared/errors';

/** What went wrong with a console, finer than the API's error code (the UI picks its sentence by `key`). */
export type ConsoleErrorKind =
  | 'no-shell'
  | 'not-running'
  | 'unknown-session'
  | 'session-closed'
  | 'session-limit'
  | 'bad-size'
  | 'input-too-large';

const apiCodes: Record<ConsoleErrorKind, ErrorCode> = {
  'no-shell': 'not-found',
  'not-running': 'conflict',
  'unknown-session': 'not-found',
  'session-closed': 'conflict',
  'session-limit': 'conflict',
  'bad-size': 'bad-input',
  'input-too-large': 'too-large',
};

/** i18n keys, e.g. `console.noShell`: the renderer turns them into a sentence that says what to do next. */
const keyOf = (kind: ConsoleErrorKind) =>
  `console.${kind.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}`;

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
    super(apiCodes[kind], keyOf(kind), message, params);
  }
}

export function isConsoleError(error: unknown, kind?: ConsoleErrorKind): error is ConsoleError {
  return error instanceof ConsoleError && (kind === undefined || error.kind === kind);
}
