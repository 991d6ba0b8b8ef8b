import { StringDecoder } from 'node:string_decoder';

export interface BatchLimits {
  /** A batch waits at most this long for more output. */
  flushIntervalMs: number;
  /** A batch this large goes out at once. */
  flushChars: number;
}

/**
 * Turns a console's byte stream into text batches. One StringDecoder per stream keeps a UTF-8
 * character that arrives split across two reads intact; batching turns a flood of tiny reads into
 * a few events per frame, which is what the transport and the terminal widget handle well.
 */
export class OutputBatcher {
  #decoder = new StringDecoder('utf8');
  #pending: string[] = [];
  #pendingChars = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limits: BatchLimits,
    private readonly emit: (text: string) => void,
  ) {}

  /** Bytes from the backend (decoded here) or text that is already a string. */
  push(chunk: Buffer | string): void {
    this.#add(typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
  }

  /** The byte stream ended: emit what the decoder still holds and start clean for the next stream. */
  endStream(): void {
    this.#add(this.#decoder.end());
    this.#decoder = new StringDecoder('utf8');
    this.flush();
  }

  flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#pendingChars === 0) return;
    const text = this.#pending.length === 1 ? (this.#pending[0] ?? '') : this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    this.emit(text);
  }

  /** Drops pending output and stops the timer; the batcher can be used again afterwards. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
    this.#pendingChars = 0;
    this.#decoder = new StringDecoder('utf8');
  }

  #add(text: string): void {
    if (text.length === 0) return;
    this.#pending.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= this.limits.flushChars) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), this.limits.flushIntervalMs);
  }
}
