import { twinCreateSchema } from '@shared/compare';
import { type TwinRole } from '@shared/twin-roles';
import type { SystemSide, Template } from '@shared/template';
import type { ContainerCreateSpecInput } from '@shared/containers';
import { toContainerSpec, valuesFromTemplate } from '../container/container-values';

/** The New twin flow's steps, in order. */
export const twinWizardSteps = ['template', 'name', 'review'] as const;
export type TwinWizardStep = (typeof twinWizardSteps)[number];

export interface TwinWizardValues {
  templateId: string;
  name: string;
  /** Add the sandbox column (only offered when Docker has a sandbox runtime). */
  sandbox: boolean;
}

export const emptyTwinValues: TwinWizardValues = { templateId: '', name: '', sandbox: true };

/** A twin needs both sides. */
export const isTwinTemplate = (template: Template): boolean => Boolean(template.container && template.vm);

/** A default name such as `busybox-twin-1a2b`, from the template's id without `fixture-`. */
export function defaultTwinName(templateId: string, suffix: string): string {
  const base = templateId
    .toLowerCase()
    .replace(/^fixture-/, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 36);
  return `${base || 'twin'}-${suffix}`;
}

/** The i18n key of the name's problem (the contract's rule), or undefined when it is fine. */
export function twinNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'twinWizard.problem.nameRequired';
  return twinCreateSchema.shape.name.safeParse(name).success ? undefined : 'twinWizard.problem.nameInvalid';
}

/** The guest names the twin will have, in column order (the ladder), as main names them. */
export function twinGuestNames(
  name: string,
  withSandbox: boolean,
  withSystem = false,
): { role: TwinRole; name: string }[] {
  const roles: TwinRole[] = [
    'container',
    ...(withSandbox ? (['sandbox'] as const) : []),
    ...(withSystem ? (['system'] as const) : []),
    'vm',
  ];
  return roles.map((role) => ({ role, name: `${name}-${role}` }));
}

/** The system column as LXD's own command line: what Twinlab asks LXD for, for the Review step. */
export function lxcLaunchCommand(system: SystemSide, guestName: string, templateId: string): string {
  const config = [
    ...(system.memoryMiB ? [`limits.memory=${system.memoryMiB}MiB`] : []),
    ...(system.cpus ? [`limits.cpu=${system.cpus}`] : []),
    'user.twinlab.managed=true',
    `user.twinlab.template=${templateId}`,
  ];
  return [`lxc launch ${system.image} ${guestName}`, ...config.map((each) => `  -c ${each}`)].join(' \\\n');
}

/**
 * The container spec of one container column, for the Review's `docker run` line: the template's
 * container side under the twin's guest name, and for the sandbox its runtime.
 */
export function twinContainerSpec(
  template: Template,
  guestName: string,
  sandboxRuntime?: string,
): ContainerCreateSpecInput {
  const values = valuesFromTemplate(template, '');
  return toContainerSpec({
    ...values,
    name: guestName,
    ...(sandboxRuntime && { runtime: sandboxRuntime }),
  });
}

/** The runtime the sandbox column would use: gVisor first, else the first Kata runtime. */
export function sandboxRuntimeOf(runtimes: readonly string[]): string | undefined {
  return (
    runtimes.find((runtime) => runtime === 'runsc') ?? runtimes.find((runtime) => runtime.startsWith('kata'))
  );
}
