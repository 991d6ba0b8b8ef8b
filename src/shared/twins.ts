import { z } from 'zod';
import type { Guest } from './guest';

/**
 * A twin as one thing: its name, and the calls that start, stop or delete all of its parts at once.
 * A twin has no record of its own; it is the set of Twinlab's guests that share one twin id.
 */

export const twinIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'a twin id is letters, digits and dashes');

export const twinRefSchema = z.object({ twinId: twinIdSchema }).strict();

export const twinStopSchema = z
  .object({
    twinId: twinIdSchema,
    /** How long each VM gets to power off after the ACPI button before it is switched off. */
    timeoutSeconds: z.number().int().min(1).max(120).default(10),
  })
  .strict();

/** What happened to each part: the guests that remain (none after a delete), in column order. */
export interface TwinActionResult {
  twinId: string;
  name: string;
  guests: Guest[];
}
