import { join } from 'node:path';
import type { LessonDir } from './load-lessons';

/** The lesson folders in the order they are read: built-in, the user's, an extra one. */
export function lessonDirs(resourcesDir: string, userDir: string, extraDir: string | undefined): LessonDir[] {
  return [
    { dir: join(resourcesDir, 'lessons'), source: 'builtin' },
    { dir: userDir, source: 'user' },
    ...(extraDir ? [{ dir: extraDir, source: 'extra' as const }] : []),
  ];
}
