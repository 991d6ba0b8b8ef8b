/**
 * The recent output of one console, so a viewer that reattaches sees what it missed. Bounded in
 * characters; the oldest text is dropped first, and the cut is moved to a place where a terminal
 * can start reading cleanly (after a newline, never inside an escape sequence or a surrogate pair).
 */
export class ReplayBuffer {
  #chunks: string[] = [];
  /** Index of the oldest live chunk; dropped chunks before it are compacted away in batches. */
  #head = 0;
  #length = 0;

  constructor(readonly maxChars: number) {
    if (!Number.isInteger(maxChars) || maxChars < 1)
      throw new RangeError(`replay size must be a positive integer, got ${maxChars}`);
  }

  get length(): number {
    return this.#length;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.#chunks.push(text);
    this.#length += text.length;
    if (this.#length > this.maxChars) this.#trim();
  }

  text(): string {
    return this.#chunks.slice(this.#head).join('');
  }

  clear(): void {
    this.#chunks = [];
    this.#head = 0;
    this.#length = 0;
  }

  #trim(): void {
    // Whole chunks first: cheap, and most of a flood leaves this way.
    while (this.#length > this.maxChars) {
      const oldest = this.#chunks[this.#head];
      if (oldest === undefined) break;
      const excess = this.#length - this.maxChars;
      if (oldest.length <= excess) {
        this.#head++;
        this.#length -= oldest.length;
        continue;
      }
      const cut = safeCut(oldest, excess);
      if (cut >= oldest.length) {
        this.#head++;
        this.#length -= oldest.length;
      } else {
        this.#chunks[this.#head] = oldest.slice(cut);
        this.#length -= cut;
      }
    }
    if (this.#head > 256) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#head = 0;
    }
  }
}

/** How far back from a cut to look for the start of an escape sequence the cut would split. */
const escapeLookBehind = 64;
const ESC = '\x1b';

/**
 * The first index ≥ `from` where `text` can be cut: just after the next newline in `text` if there
 * is one, else `from` moved past a split escape sequence or surrogate pair. May return text.length.
 */
export function safeCut(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  if (newline !== -1) return newline + 1;
  let cut = from;
  const escape = text.lastIndexOf(ESC, cut - 1);
  if (escape !== -1 && cut - escape <= escapeLookBehind) {
    const end = escapeSequenceEnd(text, escape);
    if (end > cut) cut = end;
  }
  if (cut < text.length && isLowSurrogate(text.charCodeAt(cut))) cut++;
  return Math.min(cut, text.length);
}

/** Index just after the escape sequence starting at `start`; text.length when it is unterminated. */
export function escapeSequenceEnd(text: string, start: number): number {
  const kind = text[start + 1];
  if (kind === undefined) return text.length;
  if (kind === '[') {
    // CSI: parameter and intermediate bytes, then one final byte in @..~
    for (let i = start + 2; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x40 && code <= 0x7e) return i + 1;
      if (code < 0x20 || code > 0x7e) return i; // malformed: it ends here
    }
    return text.length;
  }
  if (kind === ']' || kind === 'P' || kind === '_' || kind === '^') {
    // OSC / DCS / APC / PM: a string ended by BEL or ST (ESC \)
    for (let i = start + 2; i < text.length; i++) {
      if (text[i] === '\x07') return i + 1;
      if (text[i] === ESC && text[i + 1] === '\\') return i + 2;
    }
    return text.length;
  }
  return start + 2;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
