import { z } from 'zod';
import { twinRoleOf } from './compare';
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

/**
 * The twin's own name: its guests are named `<name>-<role>`, so it is what they share once the role
 * is taken off. Read from the first guest (the twin's columns are in ladder order); a name without
 * its role suffix is used as it is.
 */
export function twinNameOf(guests: readonly Pick<Guest, 'name' | 'kind' | 'runtime'>[]): string {
  const first = guests[0];
  if (!first) return '';
  const suffix = `-${twinRoleOf(first)}`;
  return first.name.endsWith(suffix) && first.name.length > suffix.length
    ? first.name.slice(0, -suffix.length)
    : first.name;
}

/** Splits a guest name into the part that may be shortened and its role suffix, which never is. */
export function splitRoleSuffix(name: string): { head: string; suffix: string } {
  const match = /-(container|sandbox|system|vm)$/.exec(name);
  if (!match || match.index === 0) return { head: name, suffix: '' };
  return { head: name.slice(0, match.index), suffix: match[0] };
}
