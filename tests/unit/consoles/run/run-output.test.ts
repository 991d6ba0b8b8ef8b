import { describe, expect, it } from 'vitest';
import { cutRunOutput } from '../../../../src/main/lab/consoles/run/run-output';

// Raw transcripts shaped as the real consoles print them (captured from fixture-twin and bash).
const ash = '/ # \x1b[6n';
const bashPrompt = '\x1b[?2004h\x1b[01;32mlearner@host\x1b[00m:\x1b[01;34m~\x1b[00m$ ';

describe('console.run output: from the echoed line to the next prompt', () => {
  it('busybox ash on a pty, its prompt followed by a cursor query', () => {
    const cut = cutRunOutput('uname -r', { before: `\r\n${ash}`, raw: `uname -r\r\n6.18.44-fc\r\n${ash}` });
    expect(cut).toEqual({ atPrompt: true, output: '6.18.44-fc', prompt: '/ # ' });
  });

  it('keeps multi-line output and strips its colours', () => {
    const raw = `ls\r\n\x1b[1;34mbin\x1b[0m\r\n\x1b[1;34metc\x1b[0m\r\n${ash}`;
    expect(cutRunOutput('ls', { before: ash, raw }).output).toBe('bin\netc');
  });

  it('answers empty output for a command that prints nothing', () => {
    expect(cutRunOutput('true', { before: ash, raw: `true\r\n${ash}` })).toEqual({
      atPrompt: true,
      output: '',
      prompt: '/ # ',
    });
  });

  it('takes the first echo when the output repeats the command', () => {
    const raw = `echo uname -r\r\nuname -r\r\n${ash}`;
    expect(cutRunOutput('echo uname -r', { before: ash, raw }).output).toBe('uname -r');
    expect(cutRunOutput('uname -r', { before: ash, raw: `uname -r\r\nuname -r\r\n${ash}` }).output).toBe(
      'uname -r',
    );
  });

  it("reads an echo that bash wrapped in a narrow pane (the next row's first character written twice)", () => {
    // Recorded from a 23-column docker exec console: the line breaks between "un" and "ame -r".
    const prompt = '\x1b[?2004hroot@3e3bd96c22be:/# ';
    const raw = `una\rame -r\r\n\x1b[?2004l\r6.18.44-fc-v1252\r\n${prompt}`;
    expect(cutRunOutput('uname -r', { before: prompt, raw })).toEqual({
      atPrompt: true,
      output: '6.18.44-fc-v1252',
      prompt: 'root@3e3bd96c22be:/# ',
    });
  });

  it("takes the shell's echo after its first prompt when the line was typed while bash was starting", () => {
    // The terminal echoes the early line, then bash prints its prompt and echoes the line again.
    const raw = `echo $((6*7))\r\n${bashPrompt}echo $((6*7))\r\n\x1b[?2004l\r42\r\n${bashPrompt}`;
    expect(cutRunOutput('echo $((6*7))', { before: '', raw })).toEqual({
      atPrompt: true,
      output: '42',
      prompt: 'learner@host:~$ ',
    });
  });

  it('does not take the command text before the point of typing for its echo', () => {
    const before = `uname -r\r\n6.1.0\r\n${ash}`;
    expect(cutRunOutput('uname -r', { before, raw: '' })).toMatchObject({ atPrompt: false, output: '' });
  });

  it('is not at a prompt while only the echo, or output without a prompt, has come', () => {
    expect(cutRunOutput('uname -r', { before: ash, raw: 'uname -r' }).atPrompt).toBe(false);
    expect(cutRunOutput('uname -r', { before: ash, raw: 'uname -r\r\n' })).toEqual({
      atPrompt: false,
      output: '',
      prompt: '',
    });
    expect(cutRunOutput('sleep 9', { before: ash, raw: 'sleep 9\r\nstarted\r\n' }).output).toBe('started');
  });

  it('does not take a typed line ending in "$ " for the next prompt', () => {
    expect(cutRunOutput('echo $ ', { before: ash, raw: 'echo $ ' }).atPrompt).toBe(false);
  });

  it('answers all it printed when the echo never came', () => {
    expect(cutRunOutput('ls', { before: ash, raw: 'garbled\r\n' })).toMatchObject({ output: 'garbled' });
  });

  describe('output without a final newline, on the prompt line', () => {
    it('cuts the prompt that was before the echo', () => {
      const cut = cutRunOutput('printf abc', { before: `\r\n${ash}`, raw: `printf abc\r\nabc${ash}` });
      expect(cut).toEqual({ atPrompt: true, output: 'abc', prompt: '/ # ' });
    });

    it('cuts the prompt the session is known for when the echo line began with the last output', () => {
      const transcript = { before: `printf abc\r\nabc${ash}`, raw: `printf abc\r\nabc${ash}` };
      expect(cutRunOutput('printf abc', transcript, '/ # ').output).toBe('abc');
    });

    it('takes the whole last line as the prompt when it changed (cd)', () => {
      const cut = cutRunOutput('cd /tmp', { before: ash, raw: 'cd /tmp\r\n/tmp # \x1b[6n' }, '/ # ');
      expect(cut).toEqual({ atPrompt: true, output: '', prompt: '/tmp # ' });
    });
  });

  it('bash with a coloured PS1 ending in "$ ", wrapped the readline way (a space and a carriage return)', () => {
    const command = `echo ${'x'.repeat(80)} | wc -c`;
    const raw =
      `echo ${'x'.repeat(19)} \r${'x'.repeat(40)} \r${'x'.repeat(21)} | wc -c\r\n` +
      `\x1b[?2004l\r81\r\n${bashPrompt}`;
    expect(cutRunOutput(command, { before: `\r\n${bashPrompt}`, raw })).toEqual({
      atPrompt: true,
      output: '81',
      prompt: 'learner@host:~$ ',
    });
  });

  it('busybox ash wrapping at the terminal width with CR CR LF', () => {
    const command = `echo ${'x'.repeat(50)} | wc -c`;
    const raw = `echo ${'x'.repeat(31)}\r\r\n${'x'.repeat(19)} | wc -c\r\n51\r\n${ash}`;
    expect(cutRunOutput(command, { before: ash, raw }).output).toBe('51');
  });

  it('the VM serial console: busybox ash on ttyS0, a 330-character command wrapped at 100 columns', () => {
    const command = `echo ${'x'.repeat(158)} ${'y'.repeat(158)} | wc -c`;
    expect(command).toHaveLength(330);
    // Its line editor ends each full row with CR CR LF, right after the character in the last column.
    const rows = [0, 100, 200, 300].map((at) => `/ # ${command}`.slice(at, at + 100));
    const raw = `${rows.join('\r\r\n').slice(4)}\r\n318\r\n${ash}`;
    expect(cutRunOutput(command, { before: `\r\n\r\n${ash}`, raw })).toEqual({
      atPrompt: true,
      output: '318',
      prompt: '/ # ',
    });
  });

  it('a line redrawn by the line editor (erased and written again after the prompt)', () => {
    const command = `echo ${'x'.repeat(90)} | wc -c`;
    const raw = `${command.slice(0, 60)}\r\x1b[K/ # ${command}\r\n91\r\n${ash}`;
    expect(cutRunOutput(command, { before: ash, raw }).output).toBe('91');
  });

  it('with cursor movements and backspaces in the echo', () => {
    const command = `echo ${'x'.repeat(90)} | wc -c`;
    const raw = `${command.slice(0, 79)}\x1b[C${command.slice(79, 90)}z\b${command.slice(90)}\r\n91\r\n${ash}`;
    expect(cutRunOutput(command, { before: ash, raw }).output).toBe('91');
  });

  it('output with a line ending in "# " looks like a prompt until more output follows', () => {
    const command = 'sh -c "echo step # ; sleep 1; echo done"';
    const first = `${command}\r\nstep # `;
    // Alone this is indistinguishable from a prompt: the runner waits for quiet before trusting it.
    expect(cutRunOutput(command, { before: ash, raw: first })).toMatchObject({ atPrompt: true });
    expect(cutRunOutput(command, { before: ash, raw: `${first}\r\ndone\r\n` })).toMatchObject({
      atPrompt: false,
      output: 'step # \ndone',
    });
    expect(cutRunOutput(command, { before: ash, raw: `${first}\r\ndone\r\n${ash}` }, '/ # ')).toEqual({
      atPrompt: true,
      output: 'step # \ndone',
      prompt: '/ # ',
    });
  });
});
