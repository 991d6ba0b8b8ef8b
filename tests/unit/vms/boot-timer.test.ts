import { describe, expect, it } from 'vitest';
import { BootTimer } from '../../../src/main/lab/vms/boot-timer';

function clock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('BootTimer', () => {
  it('records the time from start to the chunk that holds the pattern', () => {
    const c = clock();
    const timer = new BootTimer('TWINLAB-READY', 1000, c.now);
    c.advance(500);
    expect(timer.feed('[    0.000000] Linux version 6.1.0\r\n')).toBeUndefined();
    c.advance(1500);
    expect(timer.feed('TWINLAB-READY\r\n/ # ')).toEqual({ readyMs: 2000, pattern: 'TWINLAB-READY' });
  });

  it('finds a pattern split across chunks, at every split point', () => {
    const pattern = 'TWINLAB-READY';
    const text = `noise TWINLAB-REA ${pattern} tail`;
    for (let cut = 0; cut <= text.length; cut++) {
      for (let second = cut; second <= text.length; second++) {
        const timer = new BootTimer(pattern, 0, () => 42);
        timer.feed(text.slice(0, cut));
        timer.feed(text.slice(cut, second));
        expect(timer.feed(text.slice(second))).toEqual({ readyMs: 42, pattern });
      }
    }
  });

  it('finds a pattern fed one character at a time', () => {
    const timer = new BootTimer('login:', 0, () => 7);
    const results = [...'debian login: '].map((char) => timer.feed(char));
    expect(results.findIndex((result) => result !== undefined)).toBe('debian login:'.length - 1);
  });

  it('does not match a near miss across the chunk boundary', () => {
    const timer = new BootTimer('READY', 0, () => 1);
    expect(timer.feed('REA')).toBeUndefined();
    expect(timer.feed('X DY')).toBeUndefined();
    expect(timer.ready).toBeUndefined();
  });

  it('keeps the first result once ready', () => {
    const c = clock(0);
    const timer = new BootTimer('#', 0, c.now);
    c.advance(10);
    timer.feed('/ #');
    c.advance(10);
    expect(timer.feed('#')).toEqual({ readyMs: 10, pattern: '#' });
  });

  it('refuses an empty pattern', () => {
    expect(() => new BootTimer('', 0)).toThrow();
  });
});
