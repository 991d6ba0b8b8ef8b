import type { CheckDefinition, CheckOutcome } from '../check-kit';
import { installPackageFix, type PackageNames } from '../fixes';

interface ToolSpec {
  id: string;
  /** Any one of these on PATH is enough; the first found is reported. */
  candidates: string[];
  /** Package that provides the first candidate. */
  packages: PackageNames;
  statusWhenMissing: 'fail' | 'warn';
}

function toolCheck(spec: ToolSpec): CheckDefinition {
  return {
    id: spec.id,
    group: 'tools',
    statusOnError: spec.statusWhenMissing,
    async run({ probe }): Promise<CheckOutcome> {
      const paths = await Promise.all(spec.candidates.map((tool) => probe.which(tool)));
      const index = paths.findIndex((path) => path !== null);
      const tool = spec.candidates[index];
      const path = paths[index];
      if (tool && path) return { status: 'ok', outcome: 'found', params: { tool, path }, details: { path } };
      const wanted = spec.candidates.join(', ');
      return {
        status: spec.statusWhenMissing,
        outcome: 'missing',
        params: { tool: wanted },
        details: { searched: wanted },
        fix: installPackageFix(spec.candidates[0] ?? spec.id, spec.packages),
      };
    },
  };
}

export const virshToolCheck = toolCheck({
  id: 'tool-virsh',
  candidates: ['virsh'],
  packages: { debian: 'libvirt-clients', fedora: 'libvirt-client', arch: 'libvirt' },
  statusWhenMissing: 'fail',
});

export const qemuImgToolCheck = toolCheck({
  id: 'tool-qemu-img',
  candidates: ['qemu-img'],
  packages: { debian: 'qemu-utils', fedora: 'qemu-img', arch: 'qemu-img' },
  statusWhenMissing: 'fail',
});

/** Builds the cloud-init seed ISO; any of these tools can, so a missing one is only a warning. */
export const isoToolCheck = toolCheck({
  id: 'tool-iso',
  candidates: ['xorriso', 'genisoimage', 'mkisofs', 'cloud-localds'],
  packages: { debian: 'xorriso', fedora: 'xorriso', arch: 'libisoburn' },
  statusWhenMissing: 'warn',
});
