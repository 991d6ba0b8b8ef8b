import type { Template, VmSide } from '@shared/template';
import { vmNamePattern } from '@shared/vms';

/** The VM wizard's steps, in order. */
export const vmWizardSteps = ['template', 'resources', 'network', 'review'] as const;
export type VmWizardStep = (typeof vmWizardSteps)[number];

/** What the VM wizard asks for: the create API takes the template's vCPUs and memory as they are. */
export interface VmWizardValues {
  templateId: string;
  name: string;
}

export const emptyVmValues: VmWizardValues = { templateId: '', name: '' };

/** A default name such as `microvm-1a2b`, from the template's id without a `fixture-` prefix. */
export function defaultVmName(templateId: string, suffix: string): string {
  const base =
    templateId
      .replace(/^fixture-/, '')
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 50) || 'vm';
  return `${base}-${suffix}`;
}

export function valuesFromVmTemplate(template: Template, suffix: string): VmWizardValues {
  return { templateId: template.id, name: defaultVmName(template.id, suffix) };
}

/** The i18n key of the name's problem, or undefined when it is fine. */
export function vmNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'vmWizard.problem.nameRequired';
  if (!vmNamePattern.test(name)) return 'vmWizard.problem.nameInvalid';
  return undefined;
}

export type BootKind = 'kernel' | 'image';
export const bootKindOf = (vm: VmSide): BootKind => (vm.image ? 'image' : 'kernel');

/** What the domain XML says about the machine, for the Review step's explanation. */
export interface XmlFacts {
  accelerator: 'tcg' | 'kvm' | 'other';
  directKernel: boolean;
  hasInitrd: boolean;
  hasDisk: boolean;
  serialConsole: boolean;
  network: 'user' | 'libvirt' | 'none';
}

export function factsOfXml(xml: string): XmlFacts {
  const type = /<domain[^>]*\stype=['"](\w+)['"]/.exec(xml)?.[1];
  return {
    accelerator: type === 'qemu' ? 'tcg' : type === 'kvm' ? 'kvm' : 'other',
    directKernel: /<kernel>/.test(xml),
    hasInitrd: /<initrd>/.test(xml),
    hasDisk: /<disk\b/.test(xml),
    serialConsole: /<serial\b/.test(xml),
    network: /<interface[^>]*type=['"](network|bridge)['"]/.test(xml)
      ? 'libvirt'
      : /<interface[^>]*type=['"]user['"]/.test(xml) || /user,id=/.test(xml)
        ? 'user'
        : 'none',
  };
}
