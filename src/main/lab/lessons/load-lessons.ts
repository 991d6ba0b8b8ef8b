import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { locales, type Locale } from '@shared/locales';
import type {
  Lesson,
  LessonFrontMatter,
  LessonProblem,
  LessonSource,
  LessonStep,
  LessonSummary,
} from '@shared/lessons';
import { parseLessonFile, parseTranslationFile, type LessonFile } from './parse-lesson';

export interface LessonDir {
  /** A folder of lesson folders, each with lesson.md and its translations. */
  dir: string;
  source: LessonSource;
}

type Translation = LessonFile<Pick<LessonFrontMatter, 'title' | 'summary'>>;

export interface LessonEntry {
  source: LessonSource;
  folder: string;
  english: LessonFile<LessonFrontMatter>;
  translations: Partial<Record<Locale, Translation>>;
}

export interface LessonLibrary {
  entries: LessonEntry[];
  problems: LessonProblem[];
}

const translationName = /^lesson\.([A-Za-z-]+)\.md$/;

/**
 * Reads every lesson folder in the given folders, in order. A file with a problem is left out
 * (a broken translation leaves the English lesson usable) and the problem names its file and
 * line. A repeated id keeps the first; a missing folder is simply empty.
 */
export async function loadLessons(dirs: LessonDir[]): Promise<LessonLibrary> {
  const entries: LessonEntry[] = [];
  const problems: LessonProblem[] = [];
  const seen = new Map<string, string>();
  for (const { dir, source } of dirs) {
    for (const folder of await subfolders(dir)) {
      const names = await readdir(folder);
      const file = join(folder, 'lesson.md');
      if (!names.includes('lesson.md')) {
        problems.push({ file, message: 'a lesson folder needs a lesson.md' });
        continue;
      }
      const english = parseLessonFile(file, await readFile(file, 'utf8'));
      if ('problems' in english) {
        problems.push(...english.problems);
        continue;
      }
      const { id } = english.file.frontMatter;
      const first = seen.get(id);
      if (first) {
        problems.push({ file, line: 2, message: `id "${id}" is already used by ${first}` });
        continue;
      }
      seen.set(id, file);
      const entry: LessonEntry = { source, folder, english: english.file, translations: {} };
      for (const name of names.sort()) {
        const locale = translationName.exec(name)?.[1];
        if (locale === undefined) continue;
        const translated = await readTranslation(join(folder, name), locale, english.file);
        if ('problems' in translated) problems.push(...translated.problems);
        else entry.translations[translated.locale] = translated.file;
      }
      entries.push(entry);
    }
  }
  return { entries, problems };
}

async function readTranslation(
  file: string,
  locale: string,
  english: LessonFile<LessonFrontMatter>,
): Promise<{ locale: Locale; file: Translation } | { problems: LessonProblem[] }> {
  if (!isLocale(locale) || locale === 'en')
    return {
      problems: [
        { file, message: `"${locale}" is not a language Twinlab has; use ${locales.slice(1).join(', ')}` },
      ],
    };
  const parsed = parseTranslationFile(file, await readFile(file, 'utf8'), english.frontMatter.needs);
  if ('problems' in parsed) return parsed;
  const mismatch = firstMismatch(english.steps, parsed.file.steps);
  if (mismatch) return { problems: [{ file, ...mismatch }] };
  return { locale, file: parsed.file };
}

/** A translation translates text only: its steps, runs and checks must be the English ones. */
function firstMismatch(
  english: LessonStep[],
  translated: LessonStep[],
): { line?: number; message: string } | undefined {
  for (const [index, step] of english.entries()) {
    const other = translated[index];
    if (!other) return { message: `step "${step.id}" of lesson.md is missing` };
    if (shape(step) !== shape(other))
      return {
        line: other.line,
        message: `step "${other.id}" must have the same id, attributes, runs and checks as step "${step.id}" in lesson.md`,
      };
  }
  const extra = translated[english.length];
  return extra && { line: extra.line, message: `step "${extra.id}" is not in lesson.md` };
}

function shape(step: LessonStep): string {
  const blocks = step.blocks.filter((block) => block.type !== 'markdown');
  // Lines and the learner's sentences (hints, what a check misses) differ between languages; nothing else may.
  const untranslated = (key: string, value: unknown) =>
    key === 'line' || key === 'text' || key === 'missing' ? undefined : value;
  return JSON.stringify(
    {
      id: step.id,
      optional: step.optional,
      challenge: step.challenge,
      checkpoint: step.checkpoint,
      requires: step.requires,
      blocks,
    },
    untranslated,
  );
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const items = await readdir(dir, { withFileTypes: true });
    return items
      .filter((item) => item.isDirectory())
      .map((item) => join(dir, item.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

export function languagesOf(entry: LessonEntry): Locale[] {
  return locales.filter((locale) => locale === 'en' || entry.translations[locale]);
}

export function findLesson(library: LessonLibrary, id: string): LessonEntry | undefined {
  return library.entries.find((entry) => entry.english.frontMatter.id === id);
}

/** The lesson in `locale`, or in English when it has no such translation. */
export function lessonIn(entry: LessonEntry, locale: Locale): Lesson {
  const translation = locale === 'en' ? undefined : entry.translations[locale];
  const text = translation ?? entry.english;
  return {
    ...entry.english.frontMatter,
    ...(translation && translation.frontMatter),
    locale: translation ? locale : 'en',
    intro: text.intro,
    steps: text.steps,
    languages: languagesOf(entry),
    source: entry.source,
  };
}

export function lessonSummary(entry: LessonEntry, locale: Locale): LessonSummary {
  const { id, title, summary, locale: textLocale, level, duration, needs } = lessonIn(entry, locale);
  return {
    id,
    title,
    summary,
    locale: textLocale,
    level,
    duration,
    needs,
    languages: languagesOf(entry),
    source: entry.source,
  };
}
