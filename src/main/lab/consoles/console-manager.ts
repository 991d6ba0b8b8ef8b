import { randomUUID } from 'node:crypto';
import { createLogger } from '../log';
import type { ConnectBackend } from './backends/types';
import {
  ConsoleSession,
  type AttachResult,
  type SessionInfo,
  type SessionState,
  type StateDetail,
} from './console-session';
import { ConsoleError } from './errors';
import { defaultConsoleLimits, type ConsoleLimits } from './limits';
import { englishNotices, type ConsoleNotices } from './notices';
import { checkTerminalSize } from './terminal-size';

export interface ConsoleManagerOptions {
  /** Every piece of output of every session, whether a viewer is attached or not. */
  onOutput?(sessionId: string, text: string): void;
  /** Output for an attached viewer; `offset` is the stream position of its first character. */
  onData(sessionId: string, data: string, offset: number): void;
  onState(sessionId: string, state: SessionState, detail?: StateDetail): void;
  limits?: Partial<ConsoleLimits>;
  notices?: Partial<ConsoleNotices>;
}

export interface OpenOptions {
  /** Makes the backend; called again by reconnect(). */
  connect: ConnectBackend;
  title: string;
  owner?: string;
  /** A log follower: shown like a console, takes no input. */
  readOnly?: boolean;
  cols: number;
  rows: number;
  /** Notices in the viewer's language, when it differs from the manager's. */
  notices?: Partial<ConsoleNotices>;
}

const log = createLogger('consoles');

/**
 * Every embedded terminal's session lives here, in main, keyed by id: it outlives the view that
 * shows it (detach / attach with replay), survives its guest restarting (disconnected → reconnect)
 * and keeps main's memory bounded under any output rate. No transport in here: the owner wires
 * onData / onState to its event bus and the methods to its API.
 */
export class ConsoleManager {
  readonly #sessions = new Map<string, ConsoleSession>();
  readonly #limits: ConsoleLimits;
  readonly #notices: ConsoleNotices;

  constructor(private readonly options: ConsoleManagerOptions) {
    this.#limits = { ...defaultConsoleLimits, ...options.limits };
    this.#notices = { ...englishNotices, ...options.notices };
  }

  get limits(): Readonly<ConsoleLimits> {
    return this.#limits;
  }

  /** Starts a session and connects it. A session starts detached: attach() to see its output. */
  async open(options: OpenOptions): Promise<SessionInfo> {
    const size = checkTerminalSize(options.cols, options.rows);
    if (this.#sessions.size >= this.#limits.maxSessions) {
      throw new ConsoleError(
        'session-limit',
        `Too many consoles are open (${this.#limits.maxSessions}). Close a console you no longer use, then try again.`,
        { limit: this.#limits.maxSessions },
      );
    }
    const id = randomUUID();
    const session = new ConsoleSession({
      id,
      title: options.title,
      ...(options.owner !== undefined && { owner: options.owner }),
      ...(options.readOnly && { readOnly: true }),
      size,
      connect: options.connect,
      limits: this.#limits,
      notices: { ...this.#notices, ...options.notices },
      hooks: {
        output: (text) => this.#guard('onOutput', () => this.options.onOutput?.(id, text)),
        data: (text, offset) => this.#guard('onData', () => this.options.onData(id, text, offset)),
        state: (state, detail) => this.#guard('onState', () => this.options.onState(id, state, detail)),
      },
    });
    // Registered before connecting, so concurrent opens count against the cap.
    this.#sessions.set(id, session);
    try {
      await session.connect();
    } catch (error) {
      this.#sessions.delete(id);
      await session.close(this.#limits.disposeTimeoutMs);
      throw error;
    }
    return session.info();
  }

  /** Takes over the session's view: returns the replay, resets flow control, starts data events. */
  attach(id: string): AttachResult {
    return this.#get(id).attach();
  }

  /** The view went away (remount, window closed): output only fills the replay until the next attach. */
  detach(id: string): void {
    this.#get(id).detach();
  }

  write(id: string, data: string): void {
    this.#get(id).write(data);
  }

  resize(id: string, cols: number, rows: number): void {
    this.#get(id).resize(cols, rows);
  }

  /**
   * The viewer has rendered `chars` more characters. An ack can arrive after the session closed (the
   * view was still rendering what was in flight); there is nothing left to release then.
   */
  ack(id: string, chars: number): void {
    this.#sessions.get(id)?.ack(chars);
  }

  /** Connects a disconnected session again (its guest is back); same id, same scrollback. */
  async reconnect(id: string): Promise<SessionInfo> {
    const session = this.#get(id);
    await session.connect();
    return session.info();
  }

  /** Ends the session and its program. Closing an unknown (e.g. already closed) id does nothing. */
  async close(id: string): Promise<void> {
    const session = this.#sessions.get(id);
    if (!session) return;
    this.#sessions.delete(id);
    await session.close(this.#limits.disposeTimeoutMs);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#sessions.keys()].map((id) => this.close(id)));
  }

  info(id: string): SessionInfo {
    return this.#get(id).info();
  }

  list(filter?: { owner?: string }): SessionInfo[] {
    return [...this.#sessions.values()]
      .filter((session) => filter?.owner === undefined || session.owner === filter.owner)
      .map((session) => session.info());
  }

  /** The session object itself, for diagnostics and tests. */
  session(id: string): ConsoleSession {
    return this.#get(id);
  }

  #get(id: string): ConsoleSession {
    const session = this.#sessions.get(id);
    if (!session)
      throw new ConsoleError(
        'unknown-session',
        `There is no console session ${id}; it may have been closed.`,
        { session: id },
      );
    return session;
  }

  /** A throwing listener must not break the session, nor crash main from inside a timer. */
  #guard(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      log.error(`console ${what} listener failed`, error);
    }
  }
}
