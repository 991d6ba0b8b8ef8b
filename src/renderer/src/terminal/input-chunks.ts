/**
 * Console input in pieces small enough for one request each. `console.write` takes at most 64 Ki
 * characters, and one request at most 256 KiB on the wire: 16 Ki characters stay under both even
 * when every character needs several bytes. A UTF-16 surrogate pair is never split.
 */
export const inputChunkChars = 16 * 1024;

export function splitInput(data: string, size = inputChunkChars): string[] {
  if (data.length <= size) return data.length === 0 ? [] : [data];
  const chunks: string[] = [];
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + size, data.length);
    // Do not end a piece on the first half of a surrogate pair.
    if (end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end -= 1;
    chunks.push(data.slice(start, end));
    start = end;
  }
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
