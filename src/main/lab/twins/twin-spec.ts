import { containerCreateSpecSchema, type ContainerCreateSpec } from '@shared/containers';
import type { TwinRole } from '@shared/twin-roles';
import type { ContainerSide, Template, VmSide } from '@shared/template';
import { twinError } from './errors';

/** The guest names of a twin: `<name>-container`, `<name>-sandbox`, `<name>-vm`. */
export function twinGuestName(name: string, role: TwinRole): string {
  return `${name}-${role}`;
}

/** The sides a twin needs; a sentence naming the missing side otherwise. */
export function twinSides(template: Template): { container: ContainerSide; vm: VmSide } {
  if (!template.container) throw twinError('templateHasNoContainer', { templateId: template.id });
  if (!template.vm) throw twinError('templateHasNoVm', { templateId: template.id });
  return { container: template.container, vm: template.vm };
}

/** gVisor first (its own kernel in user space), else the first Kata runtime (a small VM per container). */
export function pickSandboxRuntime(runtimes: readonly string[]): string | undefined {
  return runtimes.includes('runsc') ? 'runsc' : runtimes.filter((r) => /^kata(-|$)/.test(r)).sort()[0];
}

/** Registered runtimes that give a container its own kernel boundary. */
export function sandboxRuntimes(runtimes: readonly string[]): string[] {
  return runtimes.filter((runtime) => runtime === 'runsc' || /^kata(-|$)/.test(runtime)).sort();
}

/**
 * A container column of a twin, as the wizard builds its spec: the template's container side plus
 * name, template, twin id, and the runtime (runc for the container column, the sandbox's otherwise).
 */
export function twinContainerSpec(input: {
  template: Template;
  side: ContainerSide;
  name: string;
  role: Exclude<TwinRole, 'vm'>;
  twinId: string;
  runtime: string;
}): ContainerCreateSpec {
  return containerCreateSpecSchema.parse({
    ...input.side,
    runtime: input.runtime,
    name: twinGuestName(input.name, input.role),
    templateId: input.template.id,
    twinId: input.twinId,
  });
}
