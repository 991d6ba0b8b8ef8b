import type { EngineStatus } from '../../../src/shared/engines';
import type { DoctorDeps, HostProbe } from '../../../src/main/lab/doctor/index';
import { findGroup } from '../../../src/main/lab/doctor/groups';

export const INTEL_CPUINFO =
  'processor\t: 0\nflags\t\t: fpu vme de pse tsc msr vmx sse sse2\n\nprocessor\t: 1\nflags\t\t: fpu vme de pse tsc msr vmx sse sse2\n';
export const AMD_CPUINFO = 'processor\t: 0\nflags\t\t: fpu vme svm sse sse2 lahf_lm\n';
/** What the CI host reports: a guest CPU without vmx/svm. */
export const NESTED_CPUINFO = 'processor\t: 0\nflags\t\t: fpu vme sse sse2 hypervisor lahf_lm\n';

export const GROUP_FILE = [
  'root:x:0:',
  'ada:x:1000:',
  'docker:x:106:ada',
  'libvirt:x:107:ada',
  'kvm:x:108:ada',
].join('\n');

const GIB = 1024 ** 3;

/** A healthy Intel desktop: user ada (uid 1000) in docker, libvirt and kvm, plenty of disk. */
export function fakeProbe(overrides: Partial<HostProbe> = {}): HostProbe {
  return {
    readFile: async (path) => {
      if (path === '/proc/cpuinfo') return INTEL_CPUINFO;
      throw new Error(`ENOENT: no such file, open '${path}'`);
    },
    deviceAccess: async () => ({ exists: true, readable: true, writable: true }),
    listModules: async () => ['kvm', 'kvm_intel', 'ext4'],
    which: async (tool) => (['virsh', 'qemu-img', 'xorriso'].includes(tool) ? `/usr/bin/${tool}` : null),
    exists: async (path) => path === '/' || path === '/home' || path === '/home/ada',
    freeBytes: async () => 50 * GIB,
    user: async () => ({ uid: 1000, gid: 1000, username: 'ada' }),
    processGroups: async () => ['ada', 'docker', 'libvirt', 'kvm'],
    lookupGroup: async (name) => findGroup(GROUP_FILE, name),
    ...overrides,
  };
}

export const dockerUp: EngineStatus = {
  state: 'up',
  endpoint: '/var/run/docker.sock',
  version: '20.10.24',
  since: '2025-01-01T00:00:00.000Z',
};
export const libvirtUp: EngineStatus = {
  state: 'up',
  endpoint: 'qemu:///system',
  version: '9.0.0',
  since: '2025-01-01T00:00:00.000Z',
};

export const lxdUp: EngineStatus = {
  state: 'up',
  endpoint: 'unix:///var/lib/lxd/unix.socket',
  version: 'LXD 5.0.2',
  since: '2025-01-01T00:00:00.000Z',
};

export const NET_INFO_ACTIVE =
  'Name:           default\nUUID:           a3a4\nActive:         yes\nPersistent:     yes\nAutostart:      yes\nBridge:         virbr0\n';

export interface FakeDepsOptions {
  docker?: EngineStatus;
  libvirt?: EngineStatus;
  lxd?: EngineStatus;
  runtimes?: () => Promise<string[]>;
  virsh?: (args: string[]) => Promise<string>;
  cacheDir?: string;
}

export function fakeDeps(options: FakeDepsOptions = {}): DoctorDeps {
  return {
    docker: {
      status: () => options.docker ?? dockerUp,
      runtimes: options.runtimes ?? (async () => ['runc', 'runsc']),
    },
    libvirt: {
      status: () => options.libvirt ?? libvirtUp,
      uri: () => 'qemu:///system',
      virsh: options.virsh ?? (async () => NET_INFO_ACTIVE),
    },
    lxd: { status: () => options.lxd ?? lxdUp },
    cacheDir: options.cacheDir ?? '/home/ada/.cache/twinlab',
  };
}
