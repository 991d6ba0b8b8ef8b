/**
 * Terminal output as text: escape sequences out, carriage returns and backspaces applied the way
 * a line reader sees them. Pure; used to find prompts and to cut a command's output.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), charset selection (ESC ( B) and two-byte escapes.
const escapes =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()*+][0-~]|\x1b[@-Z\\-_=>78]/g;

export function stripEscapes(text: string): string {
  return text.replace(escapes, '');
}

/**
 * Escapes stripped, \r dropped, a backspace erasing the character before it, other controls gone.
 * One carriage return means more: readline wraps a long line on a terminal that defers the wrap
 * (xterm's) by writing the next row's first character, a carriage return and that character again
 * (`una\rame -r` for `uname -r` in a narrow pane); the repeated character is dropped with it.
 */
export function plainText(text: string): string {
  let out = '';
  const chars = [...stripEscapes(text)];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] as string;
    if (char === '\r') {
      if (chars[index + 1] !== '\n' && chars[index + 1] === chars[index - 1]) index++;
    } else if (char === '\b') out = out.endsWith('\n') ? out : out.slice(0, -1);
    else if (char === '\n' || char === '\t' || char >= ' ') out += char;
  }
  return out;
}

/** A shell waits for input: the last line ends in `# ` or `$ ` (escape sequences after it ignored). */
export function endsWithPrompt(text: string): boolean {
  return isPromptLine(plainText(text).split('\n').at(-1) ?? '');
}

/** One line of plain text that a shell prompt could end. */
export function isPromptLine(line: string): boolean {
  return /[#$] $/.test(line);
}
