import { endsWithPrompt } from './terminal-text';

export interface ReadyRecord {
  id: string;
  readyMs: number;
  at: string;
}

/** Enough of the latest output to see a prompt line with escape sequences split across chunks. */
const tailChars = 512;

/**
 * The container equivalent of the VMs' BootWatch: armed for a console session right before the
 * container starts, it records the time to the first shell prompt that console shows. Keeps the
 * latest record per guest.
 */
export class PromptWatch {
  readonly #armed = new Map<string, { id: string; startedAtMs: number; tail: string }>();
  readonly #latest = new Map<string, ReadyRecord>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * `startedAtMs` (on the `now` clock) when the start was asked for before the console could open:
   * a system container's exec needs it running, so its console is armed after the fact.
   */
  arm(sessionId: string, guestId: string, startedAtMs = this.now()): void {
    this.#armed.set(sessionId, { id: guestId, startedAtMs, tail: '' });
  }

  feed(sessionId: string, text: string): void {
    const armed = this.#armed.get(sessionId);
    if (!armed) return;
    armed.tail = (armed.tail + text).slice(-tailChars);
    if (!endsWithPrompt(armed.tail)) return;
    this.#armed.delete(sessionId);
    this.#latest.set(armed.id, {
      id: armed.id,
      readyMs: Math.max(0, Math.round(this.now() - armed.startedAtMs)),
      at: this.clock().toISOString(),
    });
  }

  latest(guestId: string): ReadyRecord | undefined {
    return this.#latest.get(guestId);
  }
}
