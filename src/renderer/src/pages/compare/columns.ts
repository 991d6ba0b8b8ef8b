import type { Accelerator } from '@shared/host';
import { twinRoleOf, type TwinRole } from '@shared/twin-roles';
import type { Guest } from '@shared/guest';

/** What a column of the Compare page is: its role and the i18n key of its label. */
export interface ColumnLook {
  role: TwinRole;
  /** e.g. `compare.column.container` → "Container · runc". */
  labelKey: string;
}

/**
 * The label of a guest's column. A VM's accelerator is the one its runtime says; a VM whose
 * runtime does not say (should not happen) takes the host's.
 */
export function columnLook(
  guest: Pick<Guest, 'kind' | 'runtime'>,
  hostAccelerator?: Accelerator,
): ColumnLook {
  const role = twinRoleOf(guest);
  if (role === 'container') return { role, labelKey: 'compare.column.container' };
  if (role === 'system') return { role, labelKey: 'compare.column.systemLxd' };
  if (role === 'sandbox')
    return {
      role,
      labelKey: guest.runtime === 'kata' ? 'compare.column.sandboxKata' : 'compare.column.sandboxGvisor',
    };
  const accelerator =
    guest.runtime === 'qemu-kvm' ? 'kvm' : guest.runtime === 'qemu-tcg' ? 'tcg' : (hostAccelerator ?? 'tcg');
  return { role, labelKey: accelerator === 'kvm' ? 'compare.column.vmKvm' : 'compare.column.vmTcg' };
}

/** Mantine colour of a role, the same in the columns, the chart and the Lab cards. */
export const roleColor: Record<TwinRole, string> = {
  container: 'teal',
  sandbox: 'orange',
  system: 'grape',
  vm: 'indigo',
};
