import { describe, expect, it } from 'vitest';
import type { Guest } from '../../../../src/shared/guest';
import type { LessonProgress } from '../../../../src/shared/lessons';
import { templateSchema, type CatalogEntry, type Template } from '../../../../src/shared/template';
import {
  defaultTemplateId,
  lessonTwinName,
  missingRoles,
  progressCount,
  runTargets,
  stepStateOf,
  twinTemplateGroups,
  twinTemplates,
  withOutcome,
} from '../../../../src/renderer/src/pages/lessons/lesson-logic';
import { joinCjkLines } from '../../../../src/renderer/src/pages/lessons/cjk-lines';

const entry = (
  id: string,
  source: CatalogEntry['source'],
  sides: Array<'container' | 'vm'>,
  tags: string[] = [],
): CatalogEntry => ({
  template: {
    id,
    tags,
    ...(sides.includes('container') && { container: { image: 'x' } }),
    ...(sides.includes('vm') && { vm: { vcpus: 1, memoryMiB: 256 } }),
  } as Template,
  source,
  file: `/t/${id}.yaml`,
});

const guest = (id: string, kind: Guest['kind'], runtime: string): Guest =>
  ({ id, kind, runtime, name: id, managed: true, twinId: 't' }) as Guest;

describe('a lesson that needs a system container', () => {
  const ladder = {
    ...entry('fixture-ladder', 'extra', ['container', 'vm']),
    template: templateSchema.parse({
      id: 'fixture-ladder',
      name: 'BusyBox ladder',
      description: 'app container, system container and microVM',
      container: { image: 'x' },
      system: { image: 'y' },
      vm: {
        vcpus: 1,
        memoryMiB: 256,
        boot: { kernel: 'k', cmdline: 'console=ttyS0' },
        readyPattern: 'READY',
      },
    }),
  };
  const entries = [
    entry('debian-twin', 'builtin', ['container', 'vm'], ['same-userland', 'lesson-default']),
    entry('fixture-twin', 'extra', ['container', 'vm']),
    ladder,
  ];

  it('names the roles a template cannot make; a sandbox comes from the container side', () => {
    expect(missingRoles(ladder.template, ['container', 'system'])).toEqual([]);
    expect(
      missingRoles((entries[1] as CatalogEntry).template, ['container', 'sandbox', 'system', 'vm']),
    ).toEqual(['system']);
    expect(missingRoles({ system: { image: 'y' } } as Template, ['container', 'system'])).toEqual([
      'container',
    ]);
  });

  it('starts on a template that makes every needed role, over lesson-default and the one chosen before', () => {
    expect(defaultTemplateId(entries, undefined, ['container', 'system'])).toBe('fixture-ladder');
    expect(defaultTemplateId(entries, 'fixture-twin', ['container', 'system'])).toBe('fixture-ladder');
    // Lessons without a system container keep the usual default.
    expect(defaultTemplateId(entries, undefined, ['container', 'vm'])).toBe('debian-twin');
    // No template fits (LXD absent, so no ladder): the usual default, and the lesson page says why.
    expect(defaultTemplateId(entries.slice(0, 2), undefined, ['container', 'system'])).toBe('debian-twin');
  });
});

describe('twin templates for a lesson', () => {
  const entries = [
    entry('only-container', 'builtin', ['container']),
    entry('user-twin', 'user', ['container', 'vm']),
    entry('debian-twin', 'builtin', ['container', 'vm']),
    entry('fixture-twin', 'extra', ['container', 'vm']),
  ];

  it('lists templates with both sides, built-in ones first', () => {
    expect(twinTemplates(entries).map((e) => e.template.id)).toEqual([
      'debian-twin',
      'user-twin',
      'fixture-twin',
    ]);
  });

  it('defaults to the first built-in twin template, or keeps the one chosen before', () => {
    expect(defaultTemplateId(entries)).toBe('debian-twin');
    expect(defaultTemplateId(entries, 'fixture-twin')).toBe('fixture-twin');
    expect(defaultTemplateId(entries, 'only-container')).toBe('debian-twin');
    expect(defaultTemplateId([entries[1] as CatalogEntry])).toBe('user-twin');
    expect(defaultTemplateId([])).toBeUndefined();
  });

  it('prefers the built-in twin tagged lesson-default, then a same-userland one, and groups the picker', () => {
    const withUserland = [
      entry('alpine-twin', 'builtin', ['container', 'vm'], ['twin', 'same-userland']),
      entry('debian-12-distro', 'builtin', ['container', 'vm'], ['twin']),
      entry('debian-twin', 'builtin', ['container', 'vm'], ['twin', 'same-userland', 'lesson-default']),
      entry('fixture-twin', 'extra', ['container', 'vm']),
    ];
    expect(defaultTemplateId(withUserland)).toBe('debian-twin');
    expect(defaultTemplateId(withUserland.filter((e) => e.template.id !== 'debian-twin'))).toBe(
      'alpine-twin',
    );
    expect(defaultTemplateId(withUserland, 'fixture-twin')).toBe('fixture-twin');
    expect(
      twinTemplateGroups(withUserland).map((g) => [g.group, g.entries.map((e) => e.template.id)]),
    ).toEqual([
      ['same-userland', ['alpine-twin', 'debian-twin']],
      ['other', ['debian-12-distro', 'fixture-twin']],
    ]);
    expect(twinTemplateGroups([withUserland[3] as CatalogEntry]).map((g) => g.group)).toEqual(['other']);
  });
});

describe('lesson twin name', () => {
  it('fits the twin name rule (41 characters, lowercase, no trailing dash)', () => {
    const name = lessonTwinName('a-very-long-lesson-identifier-with-many-words-in-it', 'AB12-CD34EF');
    expect(name.length).toBeLessThanOrEqual(41);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]{0,40}$/);
    expect(name).not.toMatch(/--/);
    expect(name.endsWith('-ab12cd')).toBe(true);
    expect(lessonTwinName('kernel', '0f3a9b77')).toBe('lesson-kernel-0f3a9b');
  });
});

describe('progress', () => {
  const steps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const progress: LessonProgress = {
    steps: {
      a: { state: 'done', results: [] },
      b: { state: 'failed', results: [] },
      c: { state: 'skipped', results: [] },
    },
  };
  it('counts passed and skipped steps as done', () => {
    expect(progressCount(steps, progress)).toEqual({ done: 2, total: 3 });
    expect(progressCount(steps, undefined)).toEqual({ done: 0, total: 3 });
  });

  it('puts a check outcome into the progress and keeps the others', () => {
    const next = withOutcome(progress, {
      stepId: 'b',
      state: 'done',
      results: [{ checkId: 'x', status: 'pass', reason: { key: 'lessons.check.passed', message: 'ok' } }],
    });
    expect(next.steps['b']?.state).toBe('done');
    expect(next.steps['a']).toBe(progress.steps['a']);
    expect(progress.steps['b']?.state).toBe('failed');
    expect(stepStateOf(next, 'b')).toBe('done');
    expect(stepStateOf(next, 'unknown')).toBe('pending');
  });
});

describe('run targets', () => {
  const guests = [
    guest('c1', 'container', 'runc'),
    guest('s1', 'container', 'runsc'),
    guest('v1', 'vm', 'qemu-tcg'),
  ];
  it('maps roles to the twin guests and host to the host shell, leaving out absent roles', () => {
    expect(runTargets(['container', 'sandbox', 'vm', 'host'], guests)).toEqual([
      { kind: 'container', guestId: 'c1' },
      { kind: 'container', guestId: 's1' },
      { kind: 'vm', guestId: 'v1' },
      { kind: 'host', guestId: 'host' },
    ]);
    expect(runTargets(['sandbox', 'vm'], [guests[0] as Guest, guests[2] as Guest])).toEqual([
      { kind: 'vm', guestId: 'v1' },
    ]);
  });
});

describe('Chinese line breaks in lesson prose', () => {
  it('joins a break between two CJK characters and keeps the others', () => {
    expect(joinCjkLines('虚拟机里有它；\n容器里看不到')).toBe('虚拟机里有它；容器里看不到');
    expect(joinCjkLines('kernel\nthreads')).toBe('kernel\nthreads');
    expect(joinCjkLines('内核 `uname`\n是')).toBe('内核 `uname`\n是');
    expect(joinCjkLines('段落一。\n\n段落二')).toBe('段落一。\n\n段落二');
  });
});
