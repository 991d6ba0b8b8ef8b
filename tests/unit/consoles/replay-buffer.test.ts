import { describe, expect, it } from 'vitest';
import { escapeSequenceEnd, ReplayBuffer, safeCut } from '../../../src/main/lab/consoles/replay-buffer';

describe('ReplayBuffer', () => {
  it('keeps everything while under its bound', () => {
    const replay = new ReplayBuffer(100);
    replay.append('one\r\n');
    replay.append('two\r\n');
    expect(replay.text()).toBe('one\r\ntwo\r\n');
    expect(replay.length).toBe(10);
  });

  it('never holds more than its bound and always keeps the newest output', () => {
    const replay = new ReplayBuffer(256 * 1024);
    let last = '';
    for (let i = 0; i < 5000; i++) {
      last = `line ${i} ${'x'.repeat(i % 300)}\r\n`;
      replay.append(last);
      expect(replay.length).toBeLessThanOrEqual(256 * 1024);
    }
    const text = replay.text();
    expect(text.length).toBe(replay.length);
    expect(text.endsWith(last)).toBe(true);
    // Trimmed well short of the bound would lose useful scrollback.
    expect(text.length).toBeGreaterThan(256 * 1024 - 1000);
  });

  it('starts at a line after trimming, so a reattached terminal reads clean lines', () => {
    const replay = new ReplayBuffer(50);
    replay.append('aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc\r\n');
    replay.append('dddddddddd\r\neeeeeeeeee\r\n');
    expect(replay.text()).toBe('bbbbbbbbbb\r\ncccccccccc\r\ndddddddddd\r\neeeeeeeeee\r\n');
  });

  it('drops a single chunk larger than the bound down to its newest lines', () => {
    const replay = new ReplayBuffer(20);
    replay.append('0123456789\n0123456789\nabcdefgh\n');
    expect(replay.text()).toBe('abcdefgh\n');
  });

  it('does not start inside an escape sequence when the output has no newline', () => {
    const replay = new ReplayBuffer(20);
    replay.append(`${'x'.repeat(10)}\x1b[38;5;196m${'y'.repeat(15)}`);
    const text = replay.text();
    expect(text).toBe('y'.repeat(15));
    expect(text).not.toContain('\x1b');
  });

  it('does not split a surrogate pair', () => {
    const replay = new ReplayBuffer(9);
    replay.append('😀😀😀😀😀😀'); // 12 UTF-16 units, no newline
    const text = replay.text();
    expect(text.length).toBeLessThanOrEqual(9);
    expect(text).toBe('😀😀😀😀');
  });

  it('can be cleared', () => {
    const replay = new ReplayBuffer(10);
    replay.append('abc');
    replay.clear();
    expect(replay.text()).toBe('');
    expect(replay.length).toBe(0);
  });
});

describe('safeCut / escapeSequenceEnd', () => {
  it('cuts after the next newline', () => {
    expect(safeCut('abc\ndef\nghi', 1)).toBe(4);
    expect(safeCut('abc\ndef\nghi', 4)).toBe(8);
  });

  it('moves a cut past a CSI, OSC and two-character escape', () => {
    const csi = 'ab\x1b[1;31mcd';
    expect(safeCut(csi, 5)).toBe(csi.indexOf('c'));
    const osc = 'ab\x1b]0;title\x07cd';
    expect(safeCut(osc, 6)).toBe(osc.indexOf('c'));
    const oscSt = 'ab\x1b]0;t\x1b\\cd';
    expect(escapeSequenceEnd(oscSt, 2)).toBe(oscSt.indexOf('c'));
    expect(escapeSequenceEnd('\x1bMx', 0)).toBe(2);
    expect(safeCut('ab\x1b[31mcd', 8)).toBe(8); // already past the sequence
  });
});
