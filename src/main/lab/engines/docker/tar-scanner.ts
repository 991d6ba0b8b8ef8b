const BLOCK = 512;

export class NotATarError extends Error {}

/**
 * Incremental reader of tar entry names: feed it chunks, it reports each entry's path and skips
 * the data. Enough of ustar, GNU long names and pax paths to find a top-level file by name
 * without extracting anything. Throws NotATarError when the first header is not a tar header.
 */
export class TarEntryScanner {
  #pending = Buffer.alloc(0);
  #skip = 0;
  #headers = 0;
  #ended = false;
  /** Data of a GNU long-name ('L') or pax ('x') entry, which names the next entry. */
  #collect: { kind: 'L' | 'x'; remaining: number; chunks: Buffer[] } | undefined;
  #nextName: string | undefined;

  constructor(private readonly onEntry: (path: string) => void) {}

  get ended(): boolean {
    return this.#ended;
  }

  get headersRead(): number {
    return this.#headers;
  }

  write(chunk: Buffer): void {
    let data = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = Buffer.alloc(0);
    while (data.length > 0 && !this.#ended) {
      if (this.#collect) {
        const take = Math.min(this.#collect.remaining, data.length);
        this.#collect.chunks.push(data.subarray(0, take));
        this.#collect.remaining -= take;
        data = data.subarray(take);
        if (this.#collect.remaining === 0) this.#finishCollect();
        continue;
      }
      if (this.#skip > 0) {
        const take = Math.min(this.#skip, data.length);
        this.#skip -= take;
        data = data.subarray(take);
        continue;
      }
      if (data.length < BLOCK) {
        this.#pending = Buffer.from(data);
        return;
      }
      this.#readHeader(data.subarray(0, BLOCK));
      data = data.subarray(BLOCK);
    }
  }

  #readHeader(header: Buffer): void {
    if (header.every((byte) => byte === 0)) {
      if (this.#headers === 0) throw new NotATarError('the file starts with an empty block');
      this.#ended = true;
      return;
    }
    if (!validChecksum(header)) throw new NotATarError('a header checksum does not match');
    this.#headers += 1;
    const size = readSize(header.subarray(124, 136));
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === 'L' || type === 'x') {
      this.#collect = { kind: type, remaining: size, chunks: [] };
      this.#skip = padded - size;
      return;
    }
    if (type === 'g') {
      this.#skip = padded;
      return;
    }
    const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
    const name = cString(header.subarray(0, 100));
    const prefix = ustar ? cString(header.subarray(345, 500)) : '';
    const path = this.#nextName ?? (prefix ? `${prefix}/${name}` : name);
    this.#nextName = undefined;
    this.#skip = padded;
    this.onEntry(normalize(path));
  }

  #finishCollect(): void {
    const collected = this.#collect;
    this.#collect = undefined;
    if (!collected) return;
    const text = Buffer.concat(collected.chunks).toString('utf8');
    if (collected.kind === 'L') this.#nextName = text.replace(/\0.*$/s, '');
    else {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1];
      if (path !== undefined) this.#nextName = path;
    }
  }
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

function readSize(field: Buffer): number {
  // GNU base-256 for sizes above 8 GiB: high bit set, big-endian binary.
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let size = 0;
    for (let index = 1; index < field.length; index += 1) size = size * 256 + (field[index] ?? 0);
    return size;
  }
  const text = cString(field).trim();
  return text.length === 0 ? 0 : parseInt(text, 8);
}

/** The header checksum is the byte sum with its own 8-byte field counted as spaces. */
function validChecksum(header: Buffer): boolean {
  const stored = parseInt(cString(header.subarray(148, 156)).trim(), 8);
  if (Number.isNaN(stored)) return false;
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1)
    sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
  return sum === stored;
}

function normalize(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}
