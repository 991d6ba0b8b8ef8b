import { describe, expect, it } from 'vitest';
import { PromptWatch } from '../../../../src/main/lab/consoles/run/prompt-watch';
import { ReadyTimes } from '../../../../src/main/lab/compare/ready-times';

function clocked() {
  let ms = 1000;
  let date = new Date('2026-01-01T00:00:00Z');
  const watch = new PromptWatch(
    () => ms,
    () => date,
  );
  return {
    watch,
    advance(by: number) {
      ms += by;
      date = new Date(date.getTime() + by);
    },
  };
}

describe('PromptWatch', () => {
  it('records start → first prompt, even with the prompt split across chunks and an escape after it', () => {
    const { watch, advance } = clocked();
    watch.arm('s1', 'c1');
    advance(120);
    watch.feed('s1', '/ ');
    expect(watch.latest('c1')).toBeUndefined();
    advance(30);
    watch.feed('s1', '# \x1b[');
    watch.feed('s1', '6n');
    expect(watch.latest('c1')?.readyMs).toBe(150);
  });

  it('ignores sessions it was not armed for and output after the first prompt', () => {
    const { watch, advance } = clocked();
    watch.feed('s1', '/ # ');
    expect(watch.latest('c1')).toBeUndefined();
    watch.arm('s1', 'c1');
    advance(10);
    watch.feed('s1', '$ ');
    advance(500);
    watch.feed('s1', '$ ');
    expect(watch.latest('c1')?.readyMs).toBe(10);
  });

  it('keeps the latest start per guest, and ReadyTimes prefers the newer of prompt and boot', () => {
    const { watch, advance } = clocked();
    watch.arm('s1', 'c1');
    advance(10);
    watch.feed('s1', '# ');
    watch.arm('s2', 'c1');
    advance(40);
    watch.feed('s2', '# ');
    expect(watch.latest('c1')?.readyMs).toBe(40);

    const boots = [
      { id: 'vm1', name: 'vm1', readyMs: 3000, pattern: 'READY', at: '2026-01-01T00:00:00Z' },
      { id: 'vm1', name: 'vm1', readyMs: 2500, pattern: 'READY', at: '2026-01-01T00:01:00Z' },
    ];
    const ready = new ReadyTimes(watch, { records: () => boots });
    expect(ready.readyMs('vm1')).toBe(2500);
    expect(ready.readyMs('c1')).toBe(40);
    expect(ready.readyMs('nobody')).toBeUndefined();
  });
});
