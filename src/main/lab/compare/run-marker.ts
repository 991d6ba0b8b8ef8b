import { plainText } from './terminal-text';

/**
 * console.run's framing. The line typed is `<command>; echo "[tl""-end:<n>]"`: the shell prints
 * `[tl-end:<n>]`, which the echo of the typed line (with its `""`) can never contain. The command's
 * output is what lies between the end of the echoed line and that printed marker.
 */
export function typedLine(command: string, n: number): string {
  return `${command}; echo "[tl""-end:${n}]"`;
}

export function printedMarker(n: number): string {
  return `[tl-end:${n}]`;
}

/**
 * The echo's last characters, `""-end:<n>]"`, allowing a wrap between any two of them: a serial
 * console's line editor breaks a long line at the terminal width with a newline, and readline with
 * a space and a carriage return.
 */
function echoTail(n: number): RegExp {
  const tail = [...`""-end:${n}]"`].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(tail.join('[ \\n]{0,2}'), 'g');
}

export type CutResult = { done: true; output: string } | { done: false; output: string };

/** The output of run `n` in the raw text a console printed since the line was typed. */
export function cutRunOutput(raw: string, n: number): CutResult {
  const text = plainText(raw);
  const end = text.indexOf(printedMarker(n));
  const searchable = end === -1 ? text : text.slice(0, end);
  let afterEcho = -1;
  for (const match of searchable.matchAll(echoTail(n))) afterEcho = match.index + match[0].length;
  // The output begins on the line after the echo (a redrawn echo counts once: the last one wins).
  const lineEnd = afterEcho === -1 ? -1 : searchable.indexOf('\n', afterEcho);
  const start = lineEnd === -1 ? (afterEcho === -1 ? 0 : searchable.length) : lineEnd + 1;
  const output = searchable.slice(start).replace(/\n$/, '');
  return end === -1 ? { done: false, output } : { done: true, output };
}
