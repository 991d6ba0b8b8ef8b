import { z } from 'zod';
import { consoleTargetSchema } from './consoles';
import { twinIdSchema } from './twins';

/**
 * What a probe printed in each of a twin's consoles, kept per twin in Twinlab's data folder so the
 * Compare page and its exports are whole again after a reload or a restart.
 */
const runResultSchema = z.discriminatedUnion('ok', [
  z
    .object({
      target: consoleTargetSchema,
      ok: z.literal(true),
      output: z.string().max(64 * 1024),
      durationMs: z.number(),
      /** Known when the probe ran beside the console (console.probe). */
      exitCode: z.number().int().optional(),
    })
    .strict(),
  z
    .object({
      target: consoleTargetSchema,
      ok: z.literal(false),
      error: z.object({ key: z.string().max(200), message: z.string().max(2000) }).strict(),
      output: z.string().max(64 * 1024),
      durationMs: z.number(),
    })
    .strict(),
]);

export const probeRunSchema = z
  .object({
    probe: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
    at: z.iso.datetime(),
    results: z.array(runResultSchema).max(8),
  })
  .strict();
export type ProbeRun = z.infer<typeof probeRunSchema>;

export const compareResultsGetSchema = z.object({ twinId: twinIdSchema }).strict();
export const compareResultsSaveSchema = z
  .object({ twinId: twinIdSchema, runs: z.array(probeRunSchema).max(32) })
  .strict();
