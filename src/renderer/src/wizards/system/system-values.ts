import type { SystemImage, SystemSource, SystemSpec, SystemStatsSample } from '@shared/systems';
import { systemMemoryMinMiB } from '@shared/systems';
import type { Template } from '@shared/template';

/** The system container wizard's steps, in order; Create is the Review step's button. */
export const systemWizardSteps = ['template', 'resources', 'review'] as const;
export type SystemWizardStep = (typeof systemWizardSteps)[number];

/** What the wizard asks for. Limits are text fields: empty means no limit. */
export interface SystemWizardValues {
  /** The radio value of the chosen card: `template:<id>` or `image:<fingerprint>`. */
  choice: string;
  source: SystemSource | undefined;
  name: string;
  memoryMiB: number | undefined;
  cpus: number | undefined;
}

export const emptySystemValues: SystemWizardValues = {
  choice: '',
  source: undefined,
  name: '',
  memoryMiB: undefined,
  cpus: undefined,
};

/** LXD's instance names are host names (the same rule as main's). */
export const systemNamePattern = /^[a-zA-Z][a-zA-Z0-9-]{0,62}$/;

/** A host name from a template id or an image alias: `busybox-system-1a2b`. */
export function defaultSystemName(base: string, suffix: string): string {
  const cleaned =
    base
      .replace(/^fixture-/, '')
      .split('/')
      .pop()
      ?.replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^[^A-Za-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 50) ?? '';
  return `${cleaned || 'system'}-${suffix}`;
}

export const templateChoice = (id: string) => `template:${id}`;
export const imageChoice = (fingerprint: string) => `image:${fingerprint}`;

export function valuesFromTemplate(template: Template, suffix: string): SystemWizardValues {
  return {
    choice: templateChoice(template.id),
    source: { kind: 'template', templateId: template.id },
    name: defaultSystemName(template.id, suffix),
    memoryMiB: template.system?.memoryMiB,
    cpus: template.system?.cpus,
  };
}

/** An image by its first alias, else by its fingerprint (LXD takes either). */
export function valuesFromImage(image: SystemImage, suffix: string): SystemWizardValues {
  const alias = image.aliases[0];
  return {
    choice: imageChoice(image.fingerprint),
    source: { kind: 'image', image: alias ?? image.fingerprint },
    name: defaultSystemName(alias ?? 'system', suffix),
    memoryMiB: undefined,
    cpus: undefined,
  };
}

export function toSystemSpec(values: SystemWizardValues & { source: SystemSource }): SystemSpec {
  return {
    source: values.source,
    name: values.name,
    ...(values.memoryMiB !== undefined && { memoryMiB: values.memoryMiB }),
    ...(values.cpus !== undefined && { cpus: values.cpus }),
  };
}

/** Problems the form can see by itself (i18n keys by field); main checks the host's size. */
export function systemValuesProblems(
  values: SystemWizardValues,
): Partial<Record<'name' | 'memory' | 'cpus', string>> {
  return {
    ...(values.name.trim() === ''
      ? { name: 'systemWizard.problem.nameRequired' }
      : !systemNamePattern.test(values.name) && { name: 'systemWizard.problem.nameInvalid' }),
    ...(values.memoryMiB !== undefined &&
      values.memoryMiB < systemMemoryMinMiB && { memory: 'systemWizard.problem.memoryTooSmall' }),
    ...(values.cpus !== undefined && values.cpus < 1 && { cpus: 'systemWizard.problem.cpusTooFew' }),
  };
}

/** CPU use between two samples in percent of one CPU: nanoseconds of CPU time over wall time. */
export function cpuPercentBetween(
  previous: Pick<SystemStatsSample, 'cpuNs' | 'at'> | undefined,
  latest: Pick<SystemStatsSample, 'cpuNs' | 'at'>,
): number {
  if (!previous) return 0;
  const wallNs = (Date.parse(latest.at) - Date.parse(previous.at)) * 1e6;
  if (wallNs <= 0 || latest.cpuNs < previous.cpuNs) return 0;
  return ((latest.cpuNs - previous.cpuNs) / wallNs) * 100;
}
