import type { Template } from '@shared/template';
import type { UserlandSource } from '../vms/userland-contract';

/** The container side a userland template's VM boots. */
export function userlandSource(template: Template): UserlandSource | undefined {
  if (!template.vm?.userland || !template.container) return undefined;
  return { image: template.container.image, shell: template.container.shell ?? '/bin/sh' };
}
