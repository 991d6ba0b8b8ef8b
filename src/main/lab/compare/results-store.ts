import { z } from 'zod';
import { probeRunSchema, type ProbeRun } from '@shared/compare-results';
import { JsonFileStore } from '../json-file-store';

const fileSchema = z.object({ version: z.literal(1), twins: z.record(z.string(), z.array(probeRunSchema)) });

/**
 * Each twin's probe results (what Measure inside and the probes printed in every console), so the
 * Compare page and an export made after a reload or a restart are whole. Forgotten with the twin.
 */
export class CompareResultsStore {
  readonly #store: JsonFileStore<z.infer<typeof fileSchema>>;

  constructor(file: string) {
    this.#store = new JsonFileStore(file, fileSchema, () => ({ version: 1, twins: {} }));
  }

  async get(twinId: string): Promise<ProbeRun[]> {
    return (await this.#store.read()).twins[twinId] ?? [];
  }

  /** Replaces a twin's runs; an empty list forgets the twin. */
  save(twinId: string, runs: readonly ProbeRun[]): Promise<void> {
    return this.#store.update(({ twins }) => {
      const others = Object.entries(twins).filter(([id]) => id !== twinId);
      return {
        version: 1,
        twins: Object.fromEntries(runs.length > 0 ? [...others, [twinId, [...runs]]] : others),
      };
    });
  }

  /** Forgets a deleted twin's runs (and the Measure inside results among them). */
  forget(twinId: string): Promise<void> {
    return this.save(twinId, []);
  }
}
