import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { lessonProgressSchema, type LessonProgress, type LessonProgressMap } from '@shared/lessons';

const fileSchema = z.object({ version: z.literal(1), lessons: z.record(z.string(), lessonProgressSchema) });

/**
 * Learners' progress in one JSON file in Twinlab's data folder. Not the renderer's storage: in
 * browser mode the origin (port) changes at every start, and with it the browser's storage.
 * Writes are queued and atomic (temp file + rename), so a crash never leaves half a file.
 */
export class LessonProgressStore {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  async all(): Promise<LessonProgressMap> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    // A file from a newer version or edited by hand is not worth failing the Lessons page over.
    const parsed = fileSchema.safeParse(safeJson(text));
    return parsed.success ? parsed.data.lessons : {};
  }

  /** Saves one lesson's progress; null forgets it. */
  save(lessonId: string, progress: LessonProgress | null): Promise<void> {
    const next = this.#queue.then(async () => {
      const others = Object.entries(await this.all()).filter(([id]) => id !== lessonId);
      const lessons = Object.fromEntries(progress ? [...others, [lessonId, progress]] : others);
      await mkdir(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify({ version: 1, lessons }, null, 2)}\n`);
      await rename(temp, this.file);
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
