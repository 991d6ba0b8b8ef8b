import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonIn, lessonSummary, loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import { stepChecks, type LessonCheck } from '../../../src/shared/lessons';
import type { Locale } from '../../../src/shared/locales';

/** Every translation Twinlab ships, with the script its titles and summaries are written in. */
const translations: [Locale, RegExp][] = [
  ['zh-CN', /\p{Script=Han}/u],
  ['ko', /\p{Script=Hangul}/u],
];

/** Lines and a challenge's missing sentence differ between languages; nothing else in a check may. */
function withoutLine({ line: _line, ...check }: LessonCheck) {
  if (check.type !== 'check') return check;
  return { ...check, missing: undefined }; // toEqual treats an undefined property as absent
}

describe('built-in lessons', () => {
  it('all fourteen load without a problem, in English, Simplified Chinese and Korean, with the same checks', async () => {
    const library = await loadLessons([
      { dir: join(import.meta.dirname, '../../../resources/lessons'), source: 'builtin' },
    ]);
    expect(library.problems).toEqual([]);
    expect(library.entries.map((entry) => entry.english.frontMatter.id)).toEqual([
      'kernel',
      'boot-time',
      'memory-density',
      'processes',
      'cgroups',
      'filesystems',
      'networking',
      'isolation',
      'different-os',
      'hardware-virtualization',
      'app-vs-system',
      'chroot-to-namespaces',
      'layers-cow',
      'virtio',
    ]);
    for (const entry of library.entries) {
      const english = lessonIn(entry, 'en');
      expect(english.steps.flatMap(stepChecks).length, english.id).toBeGreaterThan(0);
      expect(lessonSummary(entry, 'en').languages, english.id).toEqual(['en', 'zh-CN', 'ko']);
      for (const [locale, script] of translations) {
        const translated = lessonIn(entry, locale);
        expect(translated.locale, `${english.id} in ${locale}`).toBe(locale);
        expect(lessonSummary(entry, locale).locale, `${english.id} in ${locale}`).toBe(locale);
        expect(translated.title, `${english.id} in ${locale}`).toMatch(script);
        expect(translated.summary, `${english.id} in ${locale}`).toMatch(script);
        // The loader refuses a translation whose checks differ; this makes sure it was not refused.
        expect(translated.steps.map((step) => step.id)).toEqual(english.steps.map((step) => step.id));
        expect(translated.steps.flatMap(stepChecks).map(withoutLine)).toEqual(
          english.steps.flatMap(stepChecks).map(withoutLine),
        );
      }
    }
  });

  it('lists a lesson that has no translation into the asked language in English, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-lesson-english-only-'));
    try {
      mkdirSync(join(dir, 'only-english'));
      const english = readFileSync(
        join(import.meta.dirname, '../../../resources/lessons/01-kernel/lesson.md'),
        'utf8',
      );
      writeFileSync(
        join(dir, 'only-english', 'lesson.md'),
        english.replace('id: kernel', 'id: only-english'),
      );
      const library = await loadLessons([{ dir, source: 'user' }]);
      expect(library.problems).toEqual([]);
      const [entry] = library.entries;
      expect(entry && lessonSummary(entry, 'ko')).toMatchObject({
        id: 'only-english',
        title: 'One kernel or two',
        locale: 'en',
        languages: ['en'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
