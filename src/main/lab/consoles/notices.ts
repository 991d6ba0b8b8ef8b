import type { BackendExit } from './backends/types';

/**
 * Lines the session writes into the terminal itself when its stream ends, so the reason stays
 * in the scrollback and in the replay. Injectable, so the caller can localise them.
 */
export interface ConsoleNotices {
  /** The guest stopped or restarted, or its engine went away; the session waits for reconnect(). */
  lost(exit: Extract<BackendExit, { kind: 'lost' }>): string;
  /** The program in the console ended by itself (e.g. the user typed `exit`). */
  exited(exit: Extract<BackendExit, { kind: 'exited' }>): string;
  /** Input arrived while nothing is connected: it is dropped, never kept to run later. */
  refused(): string;
}

export const englishNotices: ConsoleNotices = {
  lost: () => '\r\n[disconnected — waiting for the guest]\r\n',
  exited: ({ exitCode }) =>
    exitCode === null || exitCode === 0
      ? '\r\n[the shell ended]\r\n'
      : `\r\n[the shell ended with exit code ${exitCode}]\r\n`,
  refused: () =>
    '\r\n[not connected: what you type is not sent. Start the guest or press Reconnect, then type again]\r\n',
};

export function noticeFor(notices: ConsoleNotices, exit: BackendExit): string {
  return exit.kind === 'lost' ? notices.lost(exit) : notices.exited(exit);
}
