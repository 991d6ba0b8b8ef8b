/** Characters a POSIX shell reads literally; anything else is single-quoted. */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes one word for a POSIX shell, so the printed command can be pasted as it is. */
export function shellQuote(word: string): string {
  if (SAFE.test(word)) return word;
  // Inside single quotes nothing is special except the quote itself: close, escape it, reopen.
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
