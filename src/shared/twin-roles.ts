import type { Guest } from './guest';

// Apart from the schemas of the twin calls (compare.ts, twins.ts): the renderer's first page needs
// these and would otherwise load zod with them.

export const twinRoles = ['container', 'sandbox', 'system', 'vm'] as const;
export type TwinRole = (typeof twinRoles)[number];

export function twinRoleOf(guest: Pick<Guest, 'kind' | 'runtime'>): TwinRole {
  if (guest.kind === 'vm') return 'vm';
  if (guest.kind === 'system') return 'system';
  return guest.runtime === 'runc' ? 'container' : 'sandbox';
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

const roleSuffix = new RegExp(`-(${twinRoles.join('|')})$`);

/** Splits a guest name into the part that may be shortened and its role suffix, which never is. */
export function splitRoleSuffix(name: string): { head: string; suffix: string } {
  const match = roleSuffix.exec(name);
  if (!match || match.index === 0) return { head: name, suffix: '' };
  return { head: name.slice(0, match.index), suffix: match[0] };
}
