import { isPromptLine, plainText } from './terminal-text';

/**
 * console.run types the command alone, so the console looks as if the learner had typed it. Its
 * output is what lies between the echo of that line and the shell's next prompt.
 */
export interface Transcript {
  /** The end of what the console showed when the line was typed (the prompt it was typed at). */
  before: string;
  /** Everything it printed since. */
  raw: string;
}

export interface RunCut {
  /** The echo was seen, then its line ended and the last line is a prompt. */
  atPrompt: boolean;
  output: string;
  /** The prompt part of the last line, to recognise it after output without a final newline. */
  prompt: string;
}

/**
 * The command's characters, allowing a wrap between any two: a serial console's line editor breaks
 * a long line at the terminal width with a newline, readline with a space and a carriage return.
 */
function echoPattern(command: string): RegExp {
  const chars = [...command].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(chars.join('[ \\n]{0,2}'), 'g');
}

/**
 * Where the shell echoed the typed line. A line typed before the shell's line editor was ready is
 * echoed twice: by the terminal as it arrives, then by the shell after its first prompt. The echo
 * that follows a prompt on its line is the shell's; without one, the first echo. Later matches are
 * never taken before a prompted one: output that repeats the command (`echo uname -r`) comes after.
 */
function echoOf(command: string, text: string, from: number): RegExpExecArray | null {
  const echo = echoPattern(command);
  echo.lastIndex = from;
  const first = echo.exec(text);
  for (let match = first; match; match = echo.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (isPromptLine(text.slice(lineStart, match.index))) return match;
    // Only the terminal's own echo may come before the shell's: one line, then its prompt.
    if (match !== first || text.indexOf('\n', match.index + match[0].length) === -1) break;
  }
  return first;
}

/**
 * The output of `command` so far. `knownPrompt` is the prompt this session showed before: output
 * without a final newline shares the last line with the prompt, and only a known prompt tells
 * where one ends; otherwise the text before the echo on its line is taken, or the whole last line.
 */
export function cutRunOutput(command: string, { before, raw }: Transcript, knownPrompt = ''): RunCut {
  const typedAt = plainText(before).length;
  const text = plainText(before + raw);
  const match = echoOf(command, text, typedAt);
  // No echo (yet): all it printed, for a run that gives up.
  if (!match) return { atPrompt: false, output: text.slice(typedAt).replace(/\n$/, ''), prompt: '' };
  const echoLine = text.lastIndexOf('\n', match.index) + 1;
  const lineEnd = text.indexOf('\n', match.index + match[0].length);
  if (lineEnd === -1) return { atPrompt: false, output: '', prompt: '' };
  const body = text.slice(lineEnd + 1);
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  if (!isPromptLine(lastLine)) return { atPrompt: false, output: body.replace(/\n$/, ''), prompt: '' };
  const candidates = [knownPrompt, text.slice(echoLine, match.index)];
  const prompt = candidates.find((p) => p !== '' && isPromptLine(p) && lastLine.endsWith(p)) ?? lastLine;
  return { atPrompt: true, output: body.slice(0, body.length - prompt.length).replace(/\n$/, ''), prompt };
}
