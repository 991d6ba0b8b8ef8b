import type { Handlers } from '../router';
import { lessonError } from '../lessons/errors';
import { findLesson, lessonIn, lessonSummary, loadLessons, type LessonDir } from '../lessons/load-lessons';

type LessonMethods = 'lessons.list' | 'lessons.get';

/** Lessons are read from disk at each call, so an instructor's edits show without a restart. */
export function lessonHandlers(dirs: LessonDir[]): Pick<Handlers, LessonMethods> {
  return {
    'lessons.list': async ({ locale }) => {
      const library = await loadLessons(dirs);
      return {
        lessons: library.entries.map((entry) => lessonSummary(entry, locale)),
        problems: library.problems,
      };
    },
    'lessons.get': async ({ id, locale }) => {
      const entry = findLesson(await loadLessons(dirs), id);
      if (!entry) throw lessonError('error.lessonNotFound', { id });
      return lessonIn(entry, locale);
    },
  };
}
