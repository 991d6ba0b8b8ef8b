import type { CheckGroup, HostCheck } from '@shared/host';

/** From the machine up: hardware first, then the engines, then what sits around them. */
export const groupOrder: readonly CheckGroup[] = [
  'virtualization',
  'libvirt',
  'docker',
  'systemContainers',
  'tools',
  'storage',
  'downloads',
  'permissions',
];

/** Checks by group in display order; groups without checks are left out; check order is kept. */
export function groupChecks(checks: readonly HostCheck[]): { group: CheckGroup; checks: HostCheck[] }[] {
  return groupOrder
    .map((group) => ({ group, checks: checks.filter((check) => check.group === group) }))
    .filter((entry) => entry.checks.length > 0);
}
