export interface BootReady {
  /** Milliseconds from `startedAtMs` to the chunk that completed the pattern. */
  readyMs: number;
  pattern: string;
}

/**
 * Watches console output for a template's ready pattern and records how long the boot took. The
 * caller wires the console and says when the boot started. Chunks may split the pattern anywhere, so
 * the last pattern-length-minus-one characters are kept between chunks. Pure apart from the clock.
 */
export class BootTimer {
  #tail = '';
  #ready: BootReady | undefined;

  constructor(
    readonly pattern: string,
    private readonly startedAtMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (pattern.length === 0) throw new Error('the ready pattern must not be empty');
  }

  get ready(): BootReady | undefined {
    return this.#ready;
  }

  /** Feeds console text; returns the result once the pattern has been seen (and from then on). */
  feed(chunk: string): BootReady | undefined {
    if (this.#ready) return this.#ready;
    const text = this.#tail + chunk;
    if (text.includes(this.pattern)) {
      this.#ready = {
        readyMs: Math.max(0, Math.round(this.now() - this.startedAtMs)),
        pattern: this.pattern,
      };
      this.#tail = '';
      return this.#ready;
    }
    this.#tail = text.slice(Math.max(0, text.length - (this.pattern.length - 1)));
    return undefined;
  }
}
