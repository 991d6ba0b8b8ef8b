import { twinRoleOf } from '@shared/twin-roles';
import type { Guest } from '@shared/guest';
import type { LessonFeature, TwinFacts } from '@shared/lessons';
import type { Template } from '@shared/template';

/** Roles and features of a twin, from its guests and the template they were made from. */
export function twinFacts(
  guests: Array<Pick<Guest, 'kind' | 'runtime'>>,
  template: Pick<Template, 'vm'>,
): TwinFacts {
  const roles = [...new Set(guests.map(twinRoleOf))];
  const features = new Set<LessonFeature>(roles);
  for (const guest of guests) {
    if (guest.runtime === 'runsc' || guest.runtime === 'kata') features.add(guest.runtime);
    if (guest.runtime === 'qemu-kvm') features.add('kvm');
    if (guest.runtime === 'qemu-tcg') features.add('tcg');
  }
  if (roles.includes('vm') && template.vm) {
    features.add(template.vm.image ? 'vm-image' : 'vm-kernel');
    const buses = (template.vm.scratchDisks ?? []).map((disk) => disk.bus);
    if (buses.includes('virtio') && buses.some((bus) => bus !== 'virtio')) features.add('vm-disk-buses');
  }
  return { roles, features: [...features] };
}
