export interface FlowLimits {
  /** Pause the producer when more than this many characters are sent but not acknowledged. */
  highWaterChars: number;
  /** Resume it once the unacknowledged count falls below this. */
  lowWaterChars: number;
}

export interface FlowTarget {
  pause(): void;
  resume(): void;
}

/**
 * Backpressure by unacknowledged characters (VS Code's terminal scheme): the viewer acks what it
 * has rendered; a viewer that falls behind pauses the producer instead of letting output pile up
 * in main, in the transport or in the renderer. The gap between the two marks avoids flapping.
 */
export class FlowControl {
  #unacked = 0;
  #paused = false;

  constructor(
    private readonly limits: FlowLimits,
    private target: FlowTarget | undefined,
  ) {
    if (!(limits.lowWaterChars >= 0 && limits.lowWaterChars < limits.highWaterChars)) {
      throw new RangeError('flow control needs 0 <= lowWaterChars < highWaterChars');
    }
  }

  get unacked(): number {
    return this.#unacked;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** A new producer (after a reconnect) inherits the paused state of the old one. */
  setTarget(target: FlowTarget | undefined): void {
    this.target = target;
    if (this.#paused) target?.pause();
  }

  sent(chars: number): void {
    this.#unacked += chars;
    if (!this.#paused && this.#unacked > this.limits.highWaterChars) {
      this.#paused = true;
      this.target?.pause();
    }
  }

  acked(chars: number): void {
    // An ack can never free more than was sent: a confused or stale viewer must not go negative.
    this.#unacked = Math.max(0, this.#unacked - chars);
    if (this.#paused && this.#unacked < this.limits.lowWaterChars) this.#release();
  }

  /** Forget what is outstanding (a new viewer, or no viewer at all) and let the producer run. */
  reset(): void {
    this.#unacked = 0;
    if (this.#paused) this.#release();
  }

  #release(): void {
    this.#paused = false;
    this.target?.resume();
  }
}
