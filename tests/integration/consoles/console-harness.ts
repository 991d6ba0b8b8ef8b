import { setTimeout as delay } from 'node:timers/promises';
import { ConsoleManager } from '../../../src/main/lab/consoles/console-manager';
import type { ConnectBackend } from '../../../src/main/lab/consoles/backends/types';
import type { SessionState, StateDetail } from '../../../src/main/lab/consoles/console-session';
import type { ConsoleLimits } from '../../../src/main/lab/consoles/limits';

/** Most text a viewer keeps for waitFor(); a flood is checked as it streams instead. */
const keptChars = 1024 * 1024;

/**
 * Plays the renderer's part: attaches, receives data events (dropping those already in the
 * replay, by offset), acks what it "rendered" — at once, later or not at all.
 */
export class Viewer {
  text = '';
  receivedChars = 0;
  /** 'auto' acks each batch at once; 'manual' leaves acking to the test. */
  ackMode: 'auto' | 'manual' = 'auto';
  /** Off for floods: the check then runs on the chunks as they stream past. */
  keepText = true;
  onChunk: ((data: string) => void) | undefined;
  #attachedAt = 0;

  constructor(
    readonly manager: ConsoleManager,
    readonly id: string,
  ) {}

  attach(): string {
    const { replay, offset } = this.manager.attach(this.id);
    this.#attachedAt = offset;
    this.text = replay.slice(-keptChars);
    return replay;
  }

  detach(): void {
    this.manager.detach(this.id);
  }

  receive(data: string, offset: number): void {
    if (offset < this.#attachedAt) return;
    this.receivedChars += data.length;
    this.onChunk?.(data);
    if (this.keepText) this.text = (this.text + data).slice(-keptChars);
    if (this.ackMode === 'auto') this.manager.ack(this.id, data.length);
  }

  type(input: string): void {
    this.manager.write(this.id, input);
  }

  /** Waits until the output after `since` (a position in `text`) matches; returns that output. */
  async waitFor(pattern: string | RegExp, timeoutMs = 15_000, since = 0): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = this.text.slice(since);
      if (typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen)) return seen;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${String(pattern)}; output so far: ${JSON.stringify(seen.slice(-600))}`,
        );
      }
      await delay(20);
    }
  }

  /** Types a command and waits for the output it should print; the echo of the typed line never matches. */
  async run(command: string, expected: string | RegExp, timeoutMs?: number): Promise<string> {
    const mark = this.text.length;
    this.type(`${command}\r`);
    return this.waitFor(expected, timeoutMs, mark);
  }
}

export class Harness {
  readonly manager: ConsoleManager;
  readonly states: Array<{ id: string; state: SessionState; detail?: StateDetail }> = [];
  readonly #viewers = new Map<string, Viewer>();

  constructor(limits?: Partial<ConsoleLimits>) {
    this.manager = new ConsoleManager({
      onData: (id, data, offset) => this.#viewers.get(id)?.receive(data, offset),
      onState: (id, state, detail) => this.states.push({ id, state, ...(detail && { detail }) }),
      ...(limits && { limits }),
    });
  }

  /** Opens a session and attaches a viewer to it, like a console tab does. */
  async open(connect: ConnectBackend, title = 'test', cols = 100, rows = 30): Promise<Viewer> {
    const { id } = await this.manager.open({ connect, title, cols, rows });
    const viewer = new Viewer(this.manager, id);
    this.#viewers.set(id, viewer);
    viewer.attach();
    return viewer;
  }

  async waitForState(id: string, state: SessionState, timeoutMs = 30_000): Promise<StateDetail | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const info = this.manager.info(id);
      if (info.state === state) return info.detail;
      await delay(20);
    }
    throw new Error(
      `session ${id} did not reach ${state} within ${timeoutMs} ms (it is ${this.manager.info(id).state})`,
    );
  }

  closeAll(): Promise<void> {
    return this.manager.closeAll();
  }
}

/** Polls until `check` stops throwing. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(everyMs);
    }
  }
}
