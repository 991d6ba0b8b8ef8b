import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipReason } from '../../../src/main/lab/lessons/evaluate-checks';
import { findLesson, lessonIn, loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import { stepChecks, type Lesson, type TwinFacts } from '../../../src/shared/lessons';
import { locales } from '../../../src/shared/locales';

/**
 * Lessons 11 and 12 on twins that lack a system container: fixture-twin, or fixture-ladder made
 * where LXD does not run (the system column left out). The checks that need the system container
 * are skipped, each saying the twin has none; the others still apply.
 */
const withoutSystem: TwinFacts = { roles: ['container', 'vm'], features: ['container', 'vm', 'vm-kernel'] };

/** Read once: parsing all built-in lessons in three languages takes seconds on a busy machine. */
const library = loadLessons([
  { dir: join(import.meta.dirname, '../../../resources/lessons'), source: 'builtin' },
]);

async function builtin(id: string, locale: (typeof locales)[number] = 'en'): Promise<Lesson> {
  const entry = findLesson(await library, id);
  if (!entry) throw new Error(`no built-in lesson ${id}`);
  return lessonIn(entry, locale);
}

/** `step/check` → why it is skipped on `facts`, or "applies". */
function onTwin(lesson: Lesson, facts: TwinFacts): Record<string, string> {
  return Object.fromEntries(
    lesson.steps.flatMap((step) =>
      stepChecks(step).map((check) => {
        const skipped = skipReason(step, check, facts);
        return [
          `${step.id}/${check.id}`,
          skipped ? `${skipped.key} ${JSON.stringify(skipped.params)}` : 'applies',
        ];
      }),
    ),
  );
}

describe('lessons that use a system container, on a twin without one', () => {
  it('lesson 11 needs the system role, and says so before the first step in every language', async () => {
    for (const locale of locales) {
      const lesson = await builtin('app-vs-system', locale);
      expect(lesson.needs.roles).toEqual(['container', 'system']);
      // The intro names the ladder template to choose and LXD, the engine it needs.
      expect(lesson.intro, locale).toContain('BusyBox ladder');
      expect(lesson.intro, locale).toContain('LXD');
    }
  }, 30_000);

  it('lesson 11 skips every check that reads the system container, with the reason, and keeps the others', async () => {
    const lesson = await builtin('app-vs-system');
    const noRole = 'lessons.check.skippedRole {"role":"system"}';
    const noFeature = 'lessons.check.skippedFeature {"feature":"system"}';
    expect(onTwin(lesson, withoutSystem)).toEqual({
      'pid-1/app-pid-1-is-the-program': 'applies',
      'pid-1/system-pid-1-is-init': noRole,
      // Compared with the host, the system container's output is needed: nothing to compare.
      'one-kernel/system-shares-kernel': noRole,
      'one-kernel/app-shares-kernel': 'applies',
      // Typed into the roles the twin has.
      'processes/both-few': 'applies',
      'services/service-child-of-init': noRole,
      'services/init-respawns': noRole,
      'uid-map/app-identity-map': 'applies',
      'uid-map/system-shifted-map': noRole,
      // The host's view compares the two kinds: the whole step needs the system container.
      'host-view/app-processes-on-host': noFeature,
      'host-view/system-processes-on-host': noFeature,
      'host-view/host-sees-shifted-init': noFeature,
      'vm/vm-pid-1-is-init': 'applies',
      'vm/vm-own-kernel': 'applies',
      'vm/vm-is-one-process': 'applies',
    });
  });

  it('lesson 12 runs whole on fixture-twin but its nesting step, which needs a system container', async () => {
    const lesson = await builtin('chroot-to-namespaces');
    expect(lesson.needs).toEqual({ roles: ['container', 'vm'], optional: ['system'] });
    const table = onTwin(lesson, withoutSystem);
    expect(Object.entries(table).filter(([, reason]) => reason !== 'applies')).toEqual([
      ['system/system-nests', 'lessons.check.skippedFeature {"feature":"system"}'],
    ]);
    expect(Object.keys(table)).toHaveLength(12);
  });
});
