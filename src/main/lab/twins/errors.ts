import type { ErrorCode } from '@shared/errors';
import { defineErrors } from '../errors';

/**
 * Every sentence the twin, console-run and compare code can show a user: i18n key
 * `twins.error.<name>`, the API error code and the English text (both the catalog entry and the
 * ApiError message). Each says what to do next.
 */
export const twinErrorCatalog = {
  templateNotFound: {
    code: 'not-found',
    text: 'There is no template "{{templateId}}". Refresh the template list and pick one of them.',
  },
  templateHasNoContainer: {
    code: 'bad-input',
    text: 'The template "{{templateId}}" has no container side, so it cannot make a twin. Pick a template that describes both a container and a VM.',
  },
  templateHasNoVm: {
    code: 'bad-input',
    text: 'The template "{{templateId}}" has no VM side, so it cannot make a twin. Pick a template that describes both a container and a VM.',
  },
  cancelled: {
    code: 'conflict',
    text: 'Creating the twin "{{name}}" was cancelled; what had been made was removed.',
  },
  hostTerminalOff: {
    code: 'forbidden',
    text: 'The host terminal is switched off on this computer (TWINLAB_HOST_TERMINAL=0). Use a terminal program instead, or start Twinlab without that setting.',
  },
  guestNotFound: {
    code: 'not-found',
    text: 'There is no guest "{{id}}" any more. Refresh the list.',
  },
  runNotOpen: {
    code: 'conflict',
    text: 'The console of this guest is not open (is the guest running?). Start the guest, then run the command again.',
  },
  runReadOnly: {
    code: 'bad-input',
    text: "A log view takes no input. Run the command in the guest's shell instead.",
  },
  runTimeout: {
    code: 'conflict',
    text: 'The command did not finish within {{seconds}} s, so it was interrupted (Ctrl+C). Try a shorter command, or look at the console.',
  },
  runFailed: {
    code: 'internal',
    text: 'The command could not be typed into the console: {{detail}}',
  },
  probeTimeout: {
    code: 'conflict',
    text: 'The probe did not finish within {{seconds}} s, so it was stopped; the console was not touched. Try a shorter command, or run it in the console yourself.',
  },
  probeShellStarting: {
    code: 'conflict',
    text: "This VM's probe shell answered before but not within {{seconds}} s now: the guest is starting again. Nothing was typed into its console. Wait until its console shows a prompt, then try again.",
  },
  probeFailed: {
    code: 'internal',
    text: 'The probe could not run beside the console: {{detail}}. Check that the guest is running, then measure again.',
  },
  consoleBusy: {
    code: 'conflict',
    text: 'The console is busy (a program is running or a line is half typed): finish or clear the line, then try again.',
  },
  consoleBusyNoProbeChannel: {
    code: 'conflict',
    text: 'This VM has no probe channel that answers (it was made by an older Twinlab, or its guest does not start the probe shell), so the probe is typed into its console, and the console is busy: finish or clear the line, then try again. A VM created again gets the channel.',
  },
  probeLeftRunning: {
    code: 'conflict',
    text: 'The probe did not finish within {{seconds}} s; it was left running in the console, nothing was interrupted. Look at the console, then try again.',
  },
  twinNotFound: {
    code: 'not-found',
    text: 'There is no twin "{{twinId}}" any more (its parts were removed). Refresh the Lab page.',
  },
  startPartial: {
    code: 'conflict',
    text: 'The twin "{{name}}" did not start completely; not started: {{parts}}. Start that part from its own card, or look at the Host page.',
  },
  stopPartial: {
    code: 'conflict',
    text: 'The twin "{{name}}" did not stop completely; still running: {{parts}}. Stop that part from its own card.',
  },
  deletePartial: {
    code: 'conflict',
    text: 'The twin "{{name}}" was only partly deleted; what remains: {{parts}}. Press Delete twin again, or remove that part from its own card.',
  },
} as const satisfies Record<string, { code: ErrorCode; text: string }>;

export type TwinErrorName = keyof typeof twinErrorCatalog;

const twinErrors = defineErrors('twins.error', twinErrorCatalog);
export const twinError = twinErrors.error;
/** The key and English sentence, for results that carry an error without throwing (console.run). */
export const twinMessage = twinErrors.message;
export const twinErrorsEnglish = twinErrors.english;
