import { z } from 'zod';
import { lessonProgressSchema, type LessonProgress, type LessonProgressMap } from '@shared/lessons';
import { JsonFileStore } from '../json-file-store';

const fileSchema = z.object({ version: z.literal(1), lessons: z.record(z.string(), lessonProgressSchema) });

/** Learners' progress in one JSON file in Twinlab's data folder. */
export class LessonProgressStore {
  readonly #store: JsonFileStore<z.infer<typeof fileSchema>>;

  constructor(readonly file: string) {
    this.#store = new JsonFileStore(file, fileSchema, () => ({ version: 1, lessons: {} }));
  }

  async all(): Promise<LessonProgressMap> {
    return (await this.#store.read()).lessons;
  }

  /** Saves one lesson's progress; null forgets it. */
  save(lessonId: string, progress: LessonProgress | null): Promise<void> {
    return this.#store.update(({ lessons }) => {
      const others = Object.entries(lessons).filter(([id]) => id !== lessonId);
      return {
        version: 1,
        lessons: Object.fromEntries(progress ? [...others, [lessonId, progress]] : others),
      };
    });
  }
}
