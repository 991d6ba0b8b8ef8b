import { z } from 'zod';
import { densityKinds, densityWorkloadSchema, type DensityResult } from '@shared/density';
import { JsonFileStore } from '../json-file-store';

const pointSchema = z.object({
  guests: z.number(),
  hostUsedBytes: z.number(),
  guestsBytes: z.number(),
  startMs: z.number(),
});

const resultSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  workload: densityWorkloadSchema,
  budgetBytes: z.number(),
  maxPerKind: z.number(),
  host: z.object({
    memTotalBytes: z.number(),
    memAvailableAtStartBytes: z.number(),
    kernel: z.string(),
    accelerator: z.string(),
  }),
  kinds: z.array(
    z.object({
      kind: z.enum(densityKinds),
      points: z.array(pointSchema),
      stoppedBy: z.enum(['budget', 'count', 'cancelled', 'failed', 'unavailable']),
      message: z.string().optional(),
      messageKey: z.string().optional(),
      messageParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      perGuestBytes: z.number().optional(),
      fitInBudget: z.number().optional(),
    }),
  ),
  ratio: z.number().optional(),
  cancelled: z.boolean(),
  leftBehind: z.array(z.string()),
}) satisfies z.ZodType<DensityResult>;

const fileSchema = z.object({ version: z.literal(1), last: resultSchema.nullable() });

/** The last finished density run, in Twinlab's data folder, so the page shows it after a restart. */
export class DensityStore {
  readonly #store: JsonFileStore<z.infer<typeof fileSchema>>;

  constructor(file: string) {
    this.#store = new JsonFileStore(file, fileSchema, () => ({ version: 1, last: null }));
  }

  async last(): Promise<DensityResult | null> {
    return (await this.#store.read()).last;
  }

  save(result: DensityResult): Promise<void> {
    return this.#store.update(() => ({ version: 1, last: result }));
  }
}
