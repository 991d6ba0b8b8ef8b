import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluateCompare,
  evaluateProbe,
  skipReason,
  stepState,
} from '../../../src/main/lab/lessons/evaluate-checks';
import { loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import type { ConsoleRunResult, GuestMeasurement } from '../../../src/shared/compare';
import type { CompareCheck, LessonStep, ProbeCheck, TwinFacts } from '../../../src/shared/lessons';

const facts: TwinFacts = { roles: ['container', 'vm'], features: ['container', 'vm', 'vm-kernel', 'tcg'] };
const ok = (output: string): ConsoleRunResult => ({
  target: { kind: 'host', guestId: 'host' },
  ok: true,
  output,
  durationMs: 5,
});
const probe = (extra: Partial<ProbeCheck>): ProbeCheck => ({
  type: 'check',
  id: 'p',
  targets: ['container', 'host'],
  command: 'uname -r',
  line: 1,
  ...extra,
});
const measured = (guestId: string, extra: Partial<GuestMeasurement>): GuestMeasurement => ({
  guestId,
  kind: 'container',
  runtime: 'runc',
  at: '2026-01-01T00:00:00Z',
  ...extra,
});

describe('check evaluation', () => {
  it('passes a probe whose outputs match and agree, and says why one fails', () => {
    const same = probe({ expect: '^\\d+\\.\\d+', outputs: 'same' });
    expect(
      evaluateProbe(same, facts, { container: ok('6.1.0\r\n'), host: ok('\u001b[0m6.1.0') }),
    ).toMatchObject({
      status: 'pass',
      // Each output by its target, for the UI to name the targets in its language.
      reason: {
        outputs: [
          { target: 'container', output: '6.1.0' },
          { target: 'host', output: '6.1.0' },
        ],
      },
    });
    expect(evaluateProbe(same, facts, { container: ok('6.1.0'), host: ok('6.2.0') })).toMatchObject({
      status: 'fail',
      reason: { key: 'lessons.check.notSame', message: expect.stringContaining('host: "6.2.0"') },
    });
    expect(evaluateProbe(same, facts, { container: ok('oops'), host: ok('6.1.0') }).reason).toMatchObject({
      key: 'lessons.check.noMatch',
      params: { target: 'container', output: 'oops' },
    });
    const differs = probe({ outputs: 'different' });
    expect(evaluateProbe(differs, facts, { container: ok('a'), host: ok('a') }).status).toBe('fail');
    const failedRun: ConsoleRunResult = {
      ...ok(''),
      ok: false,
      error: { key: 'twins.runTimeout', message: 'no prompt in 10 s' },
    };
    expect(evaluateProbe(same, facts, { container: failedRun, host: ok('6.1.0') }).reason.key).toBe(
      'lessons.check.runFailed',
    );
  });

  it('compares measurements with factors and units, and fails when a value is missing', () => {
    const check: CompareCheck = {
      type: 'compare',
      id: 'c',
      expression: 'vm.hostMemoryBytes > 10 * container.hostMemoryBytes',
      left: { factor: 1, role: 'vm', field: 'hostMemoryBytes' },
      operator: '>',
      right: { factor: 10, role: 'container', field: 'hostMemoryBytes' },
      line: 1,
    };
    const container = measured('c1', { hostMemoryBytes: 2.5 * 2 ** 20 });
    expect(
      evaluateCompare(check, { container, vm: measured('v1', { hostMemoryBytes: 210 * 2 ** 20 }) }),
    ).toMatchObject({
      status: 'pass',
      reason: {
        message:
          'vm.hostMemoryBytes (210.0 MiB) > 10 × container.hostMemoryBytes (2.5 MiB) = 25.0 MiB holds.',
      },
    });
    expect(
      evaluateCompare(check, { container, vm: measured('v1', { hostMemoryBytes: 20 * 2 ** 20 }) }).status,
    ).toBe('fail');
    expect(evaluateCompare(check, { container, vm: measured('v1', {}) }).reason.key).toBe(
      'lessons.check.notMeasured',
    );
  });

  it('skips what the twin cannot show and sums a step up', () => {
    const sandboxCheck = probe({ targets: ['sandbox', 'host'], outputs: 'different' });
    const step: LessonStep = {
      id: 's',
      title: 'S',
      optional: true,
      requires: [],
      blocks: [sandboxCheck],
      line: 1,
    };
    expect(skipReason(step, sandboxCheck, facts)?.key).toBe('lessons.check.skippedRole');
    expect(skipReason({ ...step, requires: ['kvm'] }, probe({ expect: 'x' }), facts)?.params).toEqual({
      feature: 'kvm',
    });
    expect(skipReason(step, probe({ expect: 'x' }), facts)).toBeUndefined();
    const pass = { checkId: 'p', status: 'pass' as const, reason: { key: 'k', message: 'm' } };
    const two: LessonStep = { ...step, blocks: [probe({ id: 'p' }), probe({ id: 'q' })] };
    expect(stepState(two, [pass])).toBe('pending');
    expect(stepState(two, [pass, { ...pass, checkId: 'q' }])).toBe('done');
    expect(stepState(two, [pass, { ...pass, checkId: 'q', status: 'fail' }])).toBe('failed');
  });

  it('refuses a translation whose checks differ from the English lesson, naming its line', async () => {
    const base = await mkdtemp(join(tmpdir(), 'twinlab-lessons-'));
    await mkdir(join(base, 'demo'));
    const front = 'id: demo\ntitle: Demo\nsummary: S.\nlevel: beginner\nduration: 5\nneeds:\n  roles: [vm]';
    const step = (command: string) => `## Step {#s}\n\`\`\`check target=vm expect="x"\n${command}\n\`\`\`\n`;
    await writeFile(join(base, 'demo', 'lesson.md'), `---\n${front}\n---\n${step('uname -r')}`);
    await writeFile(
      join(base, 'demo', 'lesson.zh-CN.md'),
      `---\ntitle: 演示\nsummary: 演示。\n---\n${step('uname -a')}`,
    );
    const library = await loadLessons([{ dir: base, source: 'extra' }]);
    expect(library.entries[0]?.translations).toEqual({});
    expect(library.problems).toEqual([
      { file: join(base, 'demo', 'lesson.zh-CN.md'), line: 5, message: expect.stringContaining('same id') },
    ]);
  });
});
