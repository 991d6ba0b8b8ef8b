import type { EngineStatus } from '@shared/engines';

export interface HealthProbe {
  endpoint(): string;
  /** Resolves with the engine's version when it answers; rejects with the reason when not. */
  check(): Promise<string>;
}

/**
 * Polls one engine and reports changes of its state. Engines are expected to disappear and come
 * back (DESIGN.md habit 3): a failed check marks it down, the next success marks it up again,
 * with no restart of the app. Polling (not an event stream) because it also notices a daemon that
 * never answered in the first place, and a ping over a local socket costs next to nothing.
 */
export class HealthMonitor {
  #status: EngineStatus;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly probe: HealthProbe,
    private readonly intervalMs: number,
    private readonly onChange: (status: EngineStatus) => void,
  ) {
    this.#status = { state: 'connecting', endpoint: probe.endpoint() };
  }

  get status(): EngineStatus {
    return this.#status;
  }

  start(): Promise<void> {
    const first = this.checkNow();
    this.#timer = setInterval(() => void this.checkNow(), this.intervalMs);
    this.#timer.unref();
    return first;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One check; overlapping calls share the one in flight. */
  checkNow(): Promise<void> {
    this.#running ??= this.#check().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #check(): Promise<void> {
    const endpoint = this.probe.endpoint();
    const since = new Date().toISOString();
    let next: EngineStatus;
    try {
      const version = await this.probe.check();
      next =
        this.#status.state === 'up' && this.#status.version === version && this.#status.endpoint === endpoint
          ? this.#status
          : { state: 'up', endpoint, version, since };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      next =
        this.#status.state === 'down' && this.#status.reason === reason && this.#status.endpoint === endpoint
          ? this.#status
          : { state: 'down', endpoint, reason, since };
    }
    if (next !== this.#status) {
      this.#status = next;
      this.onChange(next);
    }
  }
}
