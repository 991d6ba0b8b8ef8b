import { describe, expect, it } from 'vitest';
import { cutRunOutput, printedMarker, typedLine } from '../../../src/main/lab/compare/run-marker';

const n = 7;
const line = typedLine('uname -r', n);

describe('console.run markers', () => {
  it('types the command with an end marker its own echo cannot contain', () => {
    expect(line).toBe('uname -r; echo "[tl""-end:7]"');
    expect(line).not.toContain(printedMarker(n));
  });

  it('cuts the output between the echoed line and the printed marker', () => {
    const raw = `${line}\r\n6.1.0-18-amd64\r\n[tl-end:7]\r\n/ # \x1b[6n`;
    expect(cutRunOutput(raw, n)).toEqual({ done: true, output: '6.1.0-18-amd64' });
  });

  it('keeps multi-line output and strips colors from it', () => {
    const raw = `/ # ${line}\r\n\x1b[1;34mbin\x1b[0m\r\n\x1b[1;34metc\x1b[0m\r\n[tl-end:7]\r\n`;
    expect(cutRunOutput(raw, n).output).toBe('bin\netc');
  });

  it('answers empty output for a command that prints nothing', () => {
    expect(cutRunOutput(`${line}\r\n[tl-end:7]\r\n`, n)).toEqual({ done: true, output: '' });
  });

  it('finds the marker right after output without a final newline', () => {
    const raw = `${typedLine('printf abc', n)}\r\nabc[tl-end:7]\r\n`;
    expect(cutRunOutput(raw, n)).toEqual({ done: true, output: 'abc' });
  });

  it('is not done while only the echo has been seen, and has no output yet', () => {
    expect(cutRunOutput(`${line}\r\n`, n)).toEqual({ done: false, output: '' });
    expect(cutRunOutput(`${line}\r\nstarted\r\n`, n)).toEqual({ done: false, output: 'started' });
  });

  it('does not take run 7 for run 17', () => {
    const raw = `${typedLine('true', 17)}\r\n[tl-end:17]\r\n`;
    expect(cutRunOutput(raw, n).done).toBe(false);
  });

  describe('a long line wrapped by the terminal', () => {
    const long = typedLine(`echo ${'x'.repeat(90)} | wc -c`, n);

    it('wrapped with a newline inside the marker part of the echo (serial console)', () => {
      const at = long.indexOf('-end');
      const echo = `${long.slice(0, 80)}\r\n${long.slice(80, at + 2)}\r\n${long.slice(at + 2)}`;
      expect(cutRunOutput(`/ # ${echo}\r\n91\r\n[tl-end:7]\r\n/ # `, n)).toEqual({
        done: true,
        output: '91',
      });
    });

    it('wrapped the readline way, with a space and a carriage return at the edge', () => {
      const at = long.indexOf('end:');
      const echo = `${long.slice(0, at + 1)} \r${long.slice(at + 1)}`;
      expect(cutRunOutput(`${echo}\r\n91\r\n[tl-end:7]\r\n`, n).output).toBe('91');
    });

    it('redrawn by the line editor (the echo appears twice, erased and written again)', () => {
      const redraw = `${long.slice(0, 60)}\r\x1b[K/ # ${long}`;
      expect(cutRunOutput(`/ # ${redraw}\r\n91\r\n[tl-end:7]\r\n`, n).output).toBe('91');
    });

    it('with cursor movements and backspaces in the echo', () => {
      const echo = `${long.slice(0, 79)}\x1b[C${long.slice(79, 100)}z\b${long.slice(100)}`;
      expect(cutRunOutput(`${echo}\r\n91\r\n[tl-end:7]\r\n`, n).output).toBe('91');
    });
  });
});
