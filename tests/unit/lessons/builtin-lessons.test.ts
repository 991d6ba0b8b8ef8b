import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonIn, loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import { stepChecks } from '../../../src/shared/lessons';

describe('built-in lessons', () => {
  it('all ten load without a problem, in English and Simplified Chinese, with the same checks', async () => {
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
    ]);
    for (const entry of library.entries) {
      const english = lessonIn(entry, 'en');
      const chinese = lessonIn(entry, 'zh-CN');
      expect(chinese.locale, english.id).toBe('zh-CN');
      expect(chinese.title, english.id).toMatch(/\p{Script=Han}/u);
      expect(english.steps.flatMap(stepChecks).length, english.id).toBeGreaterThan(0);
      // The loader refuses a translation whose checks differ; this makes sure it was not refused.
      expect(chinese.steps.map((step) => step.id)).toEqual(english.steps.map((step) => step.id));
    }
  });
});
