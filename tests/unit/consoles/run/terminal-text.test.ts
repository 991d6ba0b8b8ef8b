import { describe, expect, it } from 'vitest';
import {
  endsWithPrompt,
  isPromptLine,
  plainText,
  stripEscapes,
} from '../../../../src/main/lab/consoles/run/terminal-text';

describe('terminal text', () => {
  it('strips CSI, OSC and charset escapes', () => {
    expect(stripEscapes('\x1b[1;32mgreen\x1b[0m \x1b]0;title\x07t\x1b(Bx\x1b[6n')).toBe('green tx');
  });

  it('drops carriage returns and applies backspaces', () => {
    expect(plainText('abc\bd\r\nnext\x07')).toBe('abd\nnext');
  });

  it.each([
    ['busybox with its cursor query', '\r\n/ # \x1b[6n'],
    ['bash as root', 'root@host:~# '],
    ['a user shell', 'learner@vm:~$ '],
    ['a colored prompt', '\x1b[01;32muser@h\x1b[00m:\x1b[01;34m~\x1b[00m$ '],
    ['bash with bracketed paste on', 'echo $((6*7))\r\n\x1b[?2004l\r42\r\n\x1b[?2004hroot@vm:~# '],
  ])('sees a prompt: %s', (_name, text) => {
    expect(endsWithPrompt(text)).toBe(true);
  });

  it.each([
    ['output without prompt', 'Linux 6.1.0\n'],
    ['a comment line that ended', '# comment\n'],
    ['a dollar inside a line', 'costs $ 5'],
    ['nothing', ''],
  ])('sees no prompt: %s', (_name, text) => {
    expect(endsWithPrompt(text)).toBe(false);
  });

  it('tells a prompt-like line of plain text', () => {
    expect(isPromptLine('/tmp # ')).toBe(true);
    expect(isPromptLine('step # ')).toBe(true); // output can look like one: console.run waits for quiet
    expect(isPromptLine('/ #')).toBe(false);
  });
});
