import { join } from 'node:path';
import type { Accelerator } from '@shared/host';
import { vmCloudInitSchema, type VmSide } from '@shared/template';
import type { TwinlabFile } from '../engines/libvirt/domain-metadata';
import type { DomainDisk, DomainNetwork, DomainSpec } from '../engines/libvirt/domain-xml';
import { hostnameFrom, type SeedSettings } from './cloud-init';

export const DEFAULT_DISK_GIB = 10;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export interface PlanInput {
  name: string;
  uuid: string;
  templateId: string;
  twinId?: string;
  vm: VmSide;
  accelerator: Accelerator;
  /** The libvirt NAT network to use when it is active. */
  natNetwork?: string;
  createdAt: string;
  /** The VM's own folder in the data dir (overlay and seed go here). */
  vmDir: string;
  /** The cached base image, for a cloud-image VM. */
  baseImage?: { path: string; format: 'qcow2' | 'raw'; virtualSizeBytes: number };
}

export interface VmPlan {
  spec: DomainSpec;
  overlay?: { path: string; base: string; baseFormat: 'qcow2' | 'raw'; sizeBytes: number };
  seed?: { path: string; settings: SeedSettings };
  /** Blank sparse raw files to make before defining the domain. */
  scratch: { path: string; sizeBytes: number }[];
}

/** Everything create will make, decided up front and pure, so it can be tested and previewed. */
export function planVm(input: PlanInput): VmPlan {
  const { vm } = input;
  const files: TwinlabFile[] = [];
  const disks: DomainDisk[] = [];
  let overlay: VmPlan['overlay'];
  let seed: VmPlan['seed'];

  if (vm.image) {
    if (!input.baseImage) throw new Error('a cloud-image VM needs its cached base image');
    overlay = {
      path: join(input.vmDir, 'disk.qcow2'),
      base: input.baseImage.path,
      baseFormat: input.baseImage.format,
      // The guest's disk can grow beyond the image, never shrink below it.
      sizeBytes: Math.max((vm.diskGiB ?? DEFAULT_DISK_GIB) * GiB, input.baseImage.virtualSizeBytes),
    };
    const cloudInit = vmCloudInitSchema.parse(vm.cloudInit ?? {});
    seed = {
      path: join(input.vmDir, 'seed.iso'),
      settings: {
        instanceId: `twinlab-${input.uuid}`,
        hostname: cloudInit.hostname ?? hostnameFrom(input.name),
        user: cloudInit.user,
        ...(cloudInit.password !== undefined && { password: cloudInit.password }),
        sshAuthorizedKeys: cloudInit.sshAuthorizedKeys,
        autologin: cloudInit.autologin,
      },
    };
    files.push({ role: 'overlay', path: overlay.path }, { role: 'seed', path: seed.path });
    disks.push({ kind: 'overlay', file: overlay.path, format: 'qcow2' }, { kind: 'seed', file: seed.path });
  }

  const scratch = (vm.scratchDisks ?? []).map((disk, index) => ({
    path: join(input.vmDir, `scratch-${index}-${disk.bus}.raw`),
    sizeBytes: disk.sizeMiB * MiB,
    bus: disk.bus,
  }));
  for (const { path, bus } of scratch) {
    files.push({ role: 'scratch', path });
    disks.push({ kind: 'scratch', file: path, bus });
  }

  const spec: DomainSpec = {
    name: input.name,
    uuid: input.uuid,
    accelerator: input.accelerator,
    vcpus: vm.vcpus,
    memoryMiB: vm.memoryMiB,
    os: vm.boot
      ? {
          kind: 'kernel',
          kernel: vm.boot.kernel,
          ...(vm.boot.initrd !== undefined && { initrd: vm.boot.initrd }),
          cmdline: vm.boot.cmdline,
        }
      : { kind: 'disk' },
    disks,
    network: networkFor(vm, input.natNetwork),
    ...(vm.nicModels !== undefined && { nicModels: vm.nicModels }),
    metadata: {
      templateId: input.templateId,
      ...(input.twinId !== undefined && { twinId: input.twinId }),
      createdAt: input.createdAt,
      files,
      ...(seed && {
        login: {
          user: seed.settings.user,
          ...(seed.settings.password !== undefined && { password: seed.settings.password }),
        },
      }),
    },
  };
  return {
    spec,
    ...(overlay && { overlay }),
    ...(seed && { seed }),
    scratch: scratch.map(({ path, sizeBytes }) => ({ path, sizeBytes })),
  };
}

/**
 * NAT through libvirt's network when it is active, else user-mode networking. A template that
 * forwards ports always gets user-mode networking: its instructions ("ssh -p 2222 localhost") must
 * work on every host, and a NAT network cannot forward host ports without firewall rules.
 */
export function networkFor(vm: Pick<VmSide, 'portForwards'>, natNetwork: string | undefined): DomainNetwork {
  if (vm.portForwards.length === 0 && natNetwork !== undefined) return { kind: 'nat', network: natNetwork };
  return { kind: 'user', portForwards: vm.portForwards };
}
