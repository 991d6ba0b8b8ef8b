import type { TransferProgress } from '@shared/vms';

export type { TransferProgress };

/**
 * Rate and ETA over a sliding window of samples. Pure apart from the clock, which is injected.
 * Bytes from a resumed .part file count as received but not towards the rate.
 */
export class TransferMeter {
  readonly #samples: { atMs: number; bytes: number }[] = [];
  #received: number;
  #resumedFrom: number;

  constructor(
    resumedFromBytes: number,
    private totalBytes: number | undefined,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 5000,
  ) {
    this.#received = resumedFromBytes;
    this.#resumedFrom = resumedFromBytes;
    this.#samples.push({ atMs: now(), bytes: resumedFromBytes });
  }

  /** A new attempt resumed at `offset` (or restarted at 0). */
  restart(offset: number, totalBytes: number | undefined): void {
    this.#received = offset;
    this.#resumedFrom = offset;
    this.totalBytes = totalBytes;
    this.#samples.length = 0;
    this.#samples.push({ atMs: this.now(), bytes: offset });
  }

  add(bytes: number): TransferProgress {
    this.#received += bytes;
    const atMs = this.now();
    this.#samples.push({ atMs, bytes: this.#received });
    while (this.#samples.length > 2 && atMs - (this.#samples[1]?.atMs ?? atMs) >= this.windowMs)
      this.#samples.shift();
    return this.progress();
  }

  progress(): TransferProgress {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    const seconds = first && last ? (last.atMs - first.atMs) / 1000 : 0;
    const bytesPerSecond = first && last && seconds > 0 ? (last.bytes - first.bytes) / seconds : 0;
    const remaining =
      this.totalBytes === undefined ? undefined : Math.max(0, this.totalBytes - this.#received);
    return {
      receivedBytes: this.#received,
      ...(this.totalBytes !== undefined && { totalBytes: this.totalBytes }),
      bytesPerSecond: Math.round(bytesPerSecond),
      ...(remaining !== undefined &&
        bytesPerSecond > 0 && { etaSeconds: Math.ceil(remaining / bytesPerSecond) }),
      resumedFromBytes: this.#resumedFrom,
    };
  }
}
