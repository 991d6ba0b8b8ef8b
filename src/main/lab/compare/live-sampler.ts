import type { GuestLiveSample } from '@shared/compare';
import type { Logger } from '../log';

/** One engine's running guests, sampled: the container and VM services each provide one. */
export interface LiveSource {
  /** Finds which guests run now; `wanted` says whether sampling still goes on (stop() may come meanwhile). */
  relist(wanted: () => boolean): Promise<void>;
  /** Takes this tick's samples; a source whose engine pushes samples has none. */
  sampleNow?(): Promise<void>;
  samples(): GuestLiveSample[];
  stop(): void;
}

export interface LiveSamplerDeps {
  sources: LiveSource[];
  intervalMs?: number;
  /** Sampling stops when nobody asked for this long. */
  idleMs?: number;
  /** Which guests run is listed again every this many ticks (starts and stops in between wait). */
  listEveryTicks?: number;
  log?: Logger;
}

/**
 * CPU and host memory of every running Twinlab guest, once a second, for cards and sparklines.
 * One sampler for the whole app, running only while someone asked in the last few seconds.
 */
export class LiveSampler {
  #timer: NodeJS.Timeout | undefined;
  #lastAskedAt = 0;
  #tick = 0;
  #busy = false;

  constructor(private readonly deps: LiveSamplerDeps) {}

  /** The latest samples; asking keeps the sampler running (the first answer may still be empty). */
  sample(): GuestLiveSample[] {
    this.#lastAskedAt = Date.now();
    if (!this.#timer) {
      this.#tick = 0;
      this.#timer = setInterval(() => void this.#onTick(), this.deps.intervalMs ?? 1000);
      void this.#onTick();
    }
    return this.deps.sources.flatMap((source) => source.samples());
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const source of this.deps.sources) source.stop();
  }

  async #onTick(): Promise<void> {
    if (Date.now() - this.#lastAskedAt > (this.deps.idleMs ?? 5000)) return this.stop();
    if (this.#busy) return; // a slow engine: skip a tick rather than pile calls up
    this.#busy = true;
    try {
      if (this.#tick++ % (this.deps.listEveryTicks ?? 3) === 0) {
        await Promise.all(this.deps.sources.map((source) => source.relist(() => this.running)));
      }
      await Promise.all(this.deps.sources.map((source) => source.sampleNow?.()));
    } catch (error) {
      this.deps.log?.debug(`live sampling: ${String(error)}`);
    } finally {
      this.#busy = false;
    }
  }
}
