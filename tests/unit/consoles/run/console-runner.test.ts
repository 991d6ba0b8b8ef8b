import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleTarget } from '@shared/consoles';
import type { ConsoleManager, SessionInfo } from '../../../../src/main/lab/consoles';
import { OutputTaps } from '../../../../src/main/lab/consoles/output-taps';
import { ConsoleRunner } from '../../../../src/main/lab/consoles/run/console-runner';

const prompt = '/ # \x1b[6n';
const target: ConsoleTarget = { kind: 'container', guestId: 'c1' };

/** A busybox-like shell on session s1: each typed line gets its echo, then its scripted replies. */
function shell(script: Record<string, [delayMs: number, text: string][]>) {
  const taps = new OutputTaps();
  const typed: string[] = [];
  const write = (_id: string, data: string) => {
    typed.push(data);
    if (data === '\x03') return void setTimeout(() => taps.feed('s1', `^C\r\n${prompt}`), 5);
    const line = data.replace(/\r$/, '');
    setTimeout(() => taps.feed('s1', `${line}\r\n`), 5);
    let at = 5;
    for (const [delay, text] of script[line] ?? []) setTimeout(() => taps.feed('s1', text), (at += delay));
  };
  const consoles = { write } as unknown as ConsoleManager;
  const session = { id: 's1', state: 'open' } as SessionInfo;
  const runner = new ConsoleRunner({ consoles, taps, open: () => Promise.resolve(session) });
  taps.feed('s1', `\r\n${prompt}`);
  return { runner, typed, taps };
}

describe('ConsoleRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('types the command alone and answers its output once the prompt has stayed quiet', async () => {
    const { runner, typed } = shell({ 'uname -r': [[10, `6.1.0\r\n${prompt}`]] });
    let result: unknown;
    void runner.run([target], 'uname -r', 5000).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(200);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    expect(result).toEqual([{ target, ok: true, output: '6.1.0', durationMs: expect.any(Number) }]);
    expect(typed).toEqual(['uname -r\r']);
  });

  it('does not end at a line ending in "# " when more output follows within the settle time', async () => {
    const command = 'sh -c "printf \'step # \'; sleep 0.2; echo done"';
    const { runner } = shell({
      [command]: [
        [10, 'step # '],
        [200, `done\r\n${prompt}`],
      ],
    });
    const run = runner.run([target], command, 5000);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await run)[0]).toMatchObject({ ok: true, output: 'step # done' });
  });

  it('knows the prompt from the run before when output without a newline starts the echo line', async () => {
    const { runner } = shell({ 'printf abc': [[10, `abc${prompt}`]] });
    const first = runner.run([target], 'printf abc', 5000);
    const second = runner.run([target], 'printf abc', 5000);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await first)[0]).toMatchObject({ ok: true, output: 'abc' });
    expect((await second)[0]).toMatchObject({ ok: true, output: 'abc' });
  });

  it('times out without a prompt, interrupts with Ctrl+C and answers what was printed', async () => {
    const { runner, typed } = shell({ 'echo started; sleep 100': [[10, 'started\r\n']] });
    const run = runner.run([target], 'echo started; sleep 100', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await run)[0]).toMatchObject({
      ok: false,
      output: 'started',
      error: { key: 'twins.error.runTimeout' },
    });
    expect(typed).toEqual(['echo started; sleep 100\r', '\x03']);
  });

  describe('for a probe (onlyWhenIdle)', () => {
    it('types nothing into a half-typed line or a running program and says the console is busy', async () => {
      const { runner, typed, taps } = shell({});
      taps.feed('s1', 'echo half');
      const run = runner.runOn(target, 'uname -r', 5000, { onlyWhenIdle: true });
      await vi.advanceTimersByTimeAsync(3000);
      expect(await run).toMatchObject({ ok: false, error: { key: 'twins.error.consoleBusy' } });
      expect(typed).toEqual([]);
    });

    it('types at an idle prompt, and at the timeout leaves the command running without Ctrl+C', async () => {
      const { runner, typed } = shell({ 'sleep 100': [] });
      const run = runner.runOn(target, 'sleep 100', 1000, { onlyWhenIdle: true });
      await vi.advanceTimersByTimeAsync(1000);
      expect(await run).toMatchObject({ ok: false, error: { key: 'twins.error.probeLeftRunning' } });
      expect(typed).toEqual(['sleep 100\r']);
    });
  });
});
