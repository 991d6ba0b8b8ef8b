import type {
  ConsoleAttachResult,
  ConsoleSessionInfo,
  ConsoleState,
  ConsoleStateDetail,
} from '@shared/consoles';
import type { BackendExit, ConnectBackend, ConsoleBackend } from './backends/types';
import { ConsoleError } from './errors';
import { FlowControl } from './flow-control';
import { InputWriter } from './input-writer';
import type { ConsoleLimits } from './limits';
import { noticeFor, type ConsoleNotices } from './notices';
import { OutputBatcher } from './output-batcher';
import { ReplayBuffer } from './replay-buffer';
import { checkTerminalSize, type TerminalSize } from './terminal-size';

type SessionState = ConsoleState;
type StateDetail = ConsoleStateDetail;
type SessionInfo = ConsoleSessionInfo;
type AttachResult = ConsoleAttachResult;

export type {
  ConsoleState as SessionState,
  ConsoleStateDetail as StateDetail,
  ConsoleSessionInfo as SessionInfo,
  ConsoleAttachResult as AttachResult,
};

export interface SessionHooks {
  /** Every piece of output, viewer or not (e.g. for a boot timer). */
  output(text: string): void;
  data(text: string, offset: number): void;
  state(state: SessionState, detail?: StateDetail): void;
}

export interface SessionSetup {
  id: string;
  title: string;
  owner?: string;
  /** A log follower: shown like a console, takes no input. */
  readOnly?: boolean;
  size: TerminalSize;
  connect: ConnectBackend;
  limits: ConsoleLimits;
  notices: ConsoleNotices;
  hooks: SessionHooks;
}

/**
 * One console: a backend that may come and go (reconnect), with its output decoded, batched, kept
 * for replay and, while a viewer is attached, sent to it under flow control. Without a viewer the
 * output only goes into the bounded replay ring and the backend runs freely: nothing piles up.
 */
export class ConsoleSession {
  readonly id: string;
  readonly title: string;
  readonly owner: string | undefined;
  readonly createdAt = new Date().toISOString();
  #state: SessionState = 'connecting';
  #detail: StateDetail | undefined;
  #size: TerminalSize;
  #backend: ConsoleBackend | undefined;
  #connecting: Promise<void> | undefined;
  #attached = false;
  /** The refusal notice was printed since the console was last open. */
  #refusalShown = false;
  /** The lost notice is on screen and the guest has said nothing since: a failed retry adds no second one. */
  #lostNoticeShown = false;
  /** Characters produced so far (the position of the next one). */
  #offset = 0;
  readonly #setup: SessionSetup;
  readonly #replay: ReplayBuffer;
  readonly #flow: FlowControl;
  readonly #batcher: OutputBatcher;
  readonly #input: InputWriter;

  constructor(setup: SessionSetup) {
    this.#setup = setup;
    this.id = setup.id;
    this.title = setup.title;
    this.owner = setup.owner;
    this.#size = setup.size;
    this.#replay = new ReplayBuffer(setup.limits.replayChars);
    this.#flow = new FlowControl(setup.limits, undefined);
    this.#batcher = new OutputBatcher(setup.limits, (text) => this.#deliver(text));
    this.#input = new InputWriter(setup.limits);
  }

  get state(): SessionState {
    return this.#state;
  }

  /** Backend in use, for diagnostics and tests; undefined unless open. */
  get backend(): ConsoleBackend | undefined {
    return this.#backend;
  }

  info(): SessionInfo {
    return {
      id: this.id,
      title: this.title,
      ...(this.owner !== undefined && { owner: this.owner }),
      state: this.#state,
      ...(this.#detail && { detail: this.#detail }),
      cols: this.#size.cols,
      rows: this.#size.rows,
      attached: this.#attached,
      paused: this.#flow.paused,
      unackedChars: this.#flow.unacked,
      createdAt: this.createdAt,
      readOnly: this.#setup.readOnly ?? false,
    };
  }

  /** Connects (open) or connects again (reconnect); a no-op while open, joins one under way. */
  connect(): Promise<void> {
    if (this.#state === 'closed') return Promise.reject(this.#closedError());
    if (this.#state === 'open') return Promise.resolve();
    this.#connecting ??= this.#connectBackend().finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  attach(): AttachResult {
    this.#assertNotClosed();
    // Everything produced so far goes into the replay; from here on output is sent as data events.
    this.#batcher.flush();
    this.#attached = true;
    this.#flow.reset(); // the new viewer owes nothing
    return {
      replay: this.#replay.text(),
      offset: this.#offset,
      state: this.#state,
      ...(this.#detail && { detail: this.#detail }),
      cols: this.#size.cols,
      rows: this.#size.rows,
    };
  }

  detach(): void {
    this.#attached = false;
    this.#flow.reset(); // nobody will ack now; the replay ring bounds what is kept
  }

  /**
   * Input while not open is dropped, never queued for later, and the terminal says so once per
   * outage: keys typed into a stopped guest's console must not run when it starts again.
   */
  write(data: string): void {
    this.#assertNotClosed();
    if (this.#setup.readOnly) return;
    if (this.#state === 'open') return this.#input.write(data);
    if (this.#refusalShown) return;
    this.#refusalShown = true;
    this.#batcher.push(this.#setup.notices.refused());
    this.#batcher.flush();
  }

  resize(cols: number, rows: number): void {
    this.#assertNotClosed();
    const size = checkTerminalSize(cols, rows);
    if (size.cols === this.#size.cols && size.rows === this.#size.rows) return;
    this.#size = size;
    this.#backend?.resize(size.cols, size.rows);
  }

  ack(chars: number): void {
    if (this.#attached && Number.isFinite(chars) && chars > 0) this.#flow.acked(chars);
  }

  async close(disposeTimeoutMs: number): Promise<void> {
    if (this.#state === 'closed') return;
    const backend = this.#backend;
    this.#backend = undefined;
    this.#flow.setTarget(undefined);
    this.#input.setSink(undefined);
    this.#batcher.dispose();
    this.#replay.clear();
    this.#attached = false;
    this.#setState('closed', { reason: 'closed' });
    if (backend) await disposeWithin(backend, disposeTimeoutMs);
  }

  async #connectBackend(): Promise<void> {
    this.#setState('connecting');
    const requested = { ...this.#size };
    let backend: ConsoleBackend;
    try {
      backend = await this.#setup.connect(requested);
    } catch (error) {
      if (this.#state !== 'closed') this.#setState('disconnected', connectFailure(error));
      throw error;
    }
    if (this.#state === 'closed') {
      await disposeWithin(backend, this.#setup.limits.disposeTimeoutMs);
      throw this.#closedError();
    }
    this.#backend = backend;
    backend.onData((chunk) => {
      if (this.#backend !== backend || chunk.length === 0) return;
      this.#lostNoticeShown = false;
      this.#batcher.push(chunk);
    });
    backend.onExit((exit) => {
      if (this.#backend === backend) this.#backendEnded(backend, exit);
    });
    this.#flow.setTarget(backend);
    this.#input.setSink((piece) => backend.write(piece));
    if (this.#size.cols !== requested.cols || this.#size.rows !== requested.rows) {
      backend.resize(this.#size.cols, this.#size.rows); // resized while connecting
    }
    this.#setState('open');
  }

  #backendEnded(backend: ConsoleBackend, exit: BackendExit): void {
    this.#backend = undefined;
    this.#flow.setTarget(undefined);
    this.#input.setSink(undefined);
    this.#batcher.endStream();
    if (exit.kind !== 'lost' || !this.#lostNoticeShown)
      this.#batcher.push(noticeFor(this.#setup.notices, exit));
    this.#lostNoticeShown = exit.kind === 'lost';
    this.#batcher.flush();
    this.#setState(
      'disconnected',
      exit.kind === 'lost'
        ? { reason: 'lost', message: exit.message }
        : { reason: 'exited', exitCode: exit.exitCode },
    );
    void backend.dispose();
  }

  #deliver(text: string): void {
    this.#replay.append(text);
    this.#setup.hooks.output(text);
    const offset = this.#offset;
    this.#offset += text.length;
    if (!this.#attached) return;
    this.#flow.sent(text.length);
    this.#setup.hooks.data(text, offset);
  }

  #setState(state: SessionState, detail?: StateDetail): void {
    this.#state = state;
    if (state === 'open') this.#refusalShown = false;
    this.#detail = detail;
    this.#setup.hooks.state(state, detail);
  }

  #assertNotClosed(): void {
    if (this.#state === 'closed') throw this.#closedError();
  }

  #closedError(): ConsoleError {
    return new ConsoleError('session-closed', `Console session ${this.id} is closed.`, { session: this.id });
  }
}

function connectFailure(error: unknown): StateDetail {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof ConsoleError
    ? { reason: 'connect-failed', message, key: error.key }
    : { reason: 'connect-failed', message };
}

async function disposeWithin(backend: ConsoleBackend, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([backend.dispose().catch(() => undefined), timeout]);
  clearTimeout(timer);
}
