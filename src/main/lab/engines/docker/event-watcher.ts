import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { parseDockerEvent, type ContainerChange } from './events';
import { readJsonLines } from './json-lines';
import { asReadable } from './readable';

export type WatchSignal =
  /** The stream is (re)open. Events during a gap are lost, so consumers list again now. */
  | { type: 'connected' }
  | { type: 'change'; change: ContainerChange }
  | { type: 'disconnected'; reason: string; retryInMs: number };

export interface EventWatcherOptions {
  /** Opens Docker's event stream; the signal aborts a pending open. */
  open: (signal: AbortSignal) => Promise<NodeJS.ReadableStream>;
  onSignal: (signal: WatchSignal) => void;
  backoff?: BackoffPolicy;
  /** A stream that stayed open this long counts as healthy: the next failure retries quickly again. */
  stableAfterMs?: number;
  random?: () => number;
  now?: () => number;
}

/**
 * Follows Docker's event stream and reopens it with backoff whenever it fails or ends, because
 * the daemon may be restarted at any time (DESIGN.md habit 3). It never gives up until stopped.
 */
export class DockerEventWatcher {
  #stopped = true;
  #attempt = 0;
  #timer: NodeJS.Timeout | undefined;
  #controller: AbortController | undefined;
  readonly #options: Required<EventWatcherOptions>;

  constructor(options: EventWatcherOptions) {
    this.#options = {
      backoff: defaultBackoff,
      stableAfterMs: 10_000,
      random: Math.random,
      now: Date.now,
      ...options,
    };
  }

  get running(): boolean {
    return !this.#stopped;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  async #connect(): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    let stream;
    try {
      stream = asReadable(await this.#options.open(controller.signal));
    } catch (error) {
      this.#retry(reasonOf(error));
      return;
    }
    if (controller.signal.aborted) {
      stream.destroy();
      return;
    }
    const openedAt = this.#options.now();
    const close = () => stream.destroy();
    controller.signal.addEventListener('abort', close, { once: true });
    this.#options.onSignal({ type: 'connected' });

    let reason = 'Docker closed the event stream';
    try {
      await readJsonLines(stream, (raw) => {
        const change = parseDockerEvent(raw);
        if (change) this.#options.onSignal({ type: 'change', change });
      });
    } catch (error) {
      reason = reasonOf(error);
    } finally {
      controller.signal.removeEventListener('abort', close);
    }
    if (this.#options.now() - openedAt >= this.#options.stableAfterMs) this.#attempt = 0;
    this.#retry(reason);
  }

  #retry(reason: string): void {
    if (this.#stopped) return;
    const retryInMs = backoffDelay(this.#attempt, this.#options.backoff, this.#options.random);
    this.#attempt += 1;
    this.#options.onSignal({ type: 'disconnected', reason, retryInMs });
    this.#timer = setTimeout(() => void this.#connect(), retryInMs);
    // Reconnecting must not keep a process alive on its own (tests, browser-mode shutdown).
    this.#timer.unref();
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
