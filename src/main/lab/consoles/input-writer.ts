import { ConsoleError } from './errors';

export interface InputLimits {
  /** Largest piece handed to the backend at once. */
  inputChunkChars: number;
  /** Most input that may wait to be written; more is refused rather than queued without bound. */
  maxQueuedInputChars: number;
}

/** Splits text into pieces of at most `maxChars`, never between the two halves of a surrogate pair. */
export function splitInput(data: string, maxChars: number): string[] {
  if (maxChars < 2) throw new RangeError('input chunks must hold at least 2 characters');
  const pieces: string[] = [];
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + maxChars, data.length);
    if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end--;
    pieces.push(data.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * Feeds input to a backend in small pieces, one per event-loop turn, so a large paste neither
 * blocks main nor floods a pty whose line discipline would drop what it cannot take.
 */
export class InputWriter {
  #queue: string[] = [];
  #queuedChars = 0;
  #scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly limits: InputLimits,
    private sink: ((chunk: string) => void) | undefined = undefined,
  ) {}

  get queuedChars(): number {
    return this.#queuedChars;
  }

  /** The backend to write to; undefined while disconnected (queued input is dropped then). */
  setSink(sink: ((chunk: string) => void) | undefined): void {
    this.sink = sink;
    if (!sink) this.clear();
  }

  write(data: string): void {
    if (!this.sink || data.length === 0) return;
    if (this.#queuedChars + data.length > this.limits.maxQueuedInputChars) {
      throw new ConsoleError(
        'input-too-large',
        `Console input of ${data.length} characters does not fit: ${this.#queuedChars} are still waiting (limit ${this.limits.maxQueuedInputChars}).`,
        {
          size: data.length,
          limit: this.limits.maxQueuedInputChars,
        },
      );
    }
    const idle = this.#queue.length === 0;
    for (const piece of splitInput(data, this.limits.inputChunkChars)) this.#queue.push(piece);
    this.#queuedChars += data.length;
    // Typing (the common case) goes out at once; only the rest of a large paste waits its turn.
    if (idle) this.#writeNext();
  }

  clear(): void {
    if (this.#scheduled) clearImmediate(this.#scheduled);
    this.#scheduled = undefined;
    this.#queue = [];
    this.#queuedChars = 0;
  }

  #writeNext(): void {
    this.#scheduled = undefined;
    const piece = this.#queue.shift();
    if (piece === undefined || !this.sink) return;
    this.#queuedChars -= piece.length;
    this.sink(piece);
    if (this.#queue.length > 0) this.#scheduled = setImmediate(() => this.#writeNext());
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
