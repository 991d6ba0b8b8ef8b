import type { HostReport } from '../../../src/shared/host';
import type { MirrorStatus } from '../../../src/shared/mirrors';
import { runHostChecks, type DoctorDeps, type HostProbe } from '../../../src/main/lab/doctor/index';
import { AMD_CPUINFO, NESTED_CPUINFO, fakeDeps, fakeProbe, libvirtUp } from './fake-host';

const GIB = 1024 ** 3;
const noDevice = async () => ({ exists: false, readable: false, writable: false });
const cpuinfo = (text: string) => async (path: string) => {
  if (path === '/proc/cpuinfo') return text;
  throw new Error(`ENOENT: ${path}`);
};

export interface Scenario {
  name: string;
  deps: DoctorDeps;
  probe: HostProbe;
}

/** Hosts that together reach every outcome of every check. */
const up = { answers: true };
const labMirrors: MirrorStatus = {
  source: 'system',
  file: '/etc/xdg/twinlab/mirrors.yaml',
  http: 'http://127.0.0.1:8787',
  registry: '127.0.0.1:5000',
  dockerMirrors: ['http://127.0.0.1:5000/'],
  probes: {},
};

export const scenarios: Scenario[] = [
  { name: 'healthy Intel desktop', deps: fakeDeps(), probe: fakeProbe() },
  {
    name: 'the CI host: root, nested PVM, default network inactive',
    deps: fakeDeps({
      virsh: async () => 'Name: default\nActive:         no\nAutostart:      no\nBridge:         virbr0\n',
    }),
    probe: fakeProbe({
      readFile: cpuinfo(NESTED_CPUINFO),
      listModules: async () => ['kvm', 'kvm_pvm'],
      user: async () => ({ uid: 0, gid: 0, username: 'root' }),
      processGroups: async () => ['root'],
    }),
  },
  {
    name: 'bare laptop: nothing installed, virtualization off, disk full',
    deps: fakeDeps({
      docker: {
        state: 'down',
        endpoint: '/var/run/docker.sock',
        reason: 'connect ENOENT /var/run/docker.sock',
        since: 'now',
      },
      libvirt: {
        state: 'down',
        endpoint: 'qemu:///system',
        reason: 'Failed to connect socket',
        since: 'now',
      },
      lxd: {
        state: 'down',
        endpoint: 'unix:///var/lib/lxd/unix.socket',
        reason: 'connect ENOENT /var/lib/lxd/unix.socket',
        since: 'now',
      },
    }),
    probe: fakeProbe({
      readFile: cpuinfo('flags\t: fpu sse sse2\n'),
      deviceAccess: noDevice,
      listModules: async () => ['ext4'],
      which: async () => null,
      freeBytes: async () => 1 * GIB,
      processGroups: async () => ['ada'],
      lookupGroup: async (name) => ({ name, gid: 200, members: [] }),
    }),
  },
  {
    name: 'Intel without the kvm module, engines still connecting, groups not created',
    deps: fakeDeps({
      docker: { state: 'connecting', endpoint: '/var/run/docker.sock' },
      libvirt: { state: 'connecting', endpoint: 'qemu:///system' },
      lxd: { state: 'connecting', endpoint: 'unix:///var/lib/incus/unix.socket' },
    }),
    probe: fakeProbe({
      deviceAccess: noDevice,
      listModules: async () => ['kvm'],
      freeBytes: async () => 5 * GIB,
      processGroups: async () => ['ada'],
      lookupGroup: async () => null,
    }),
  },
  {
    name: 'AMD, just added to the groups, no permission yet, no default network, no sandbox',
    deps: fakeDeps({
      docker: {
        state: 'down',
        endpoint: '/var/run/docker.sock',
        reason: 'connect EACCES /var/run/docker.sock',
        since: 'now',
      },
      libvirt: {
        state: 'down',
        endpoint: 'qemu:///system',
        reason: 'authentication unavailable',
        since: 'now',
      },
      lxd: {
        state: 'down',
        endpoint: 'unix:///var/lib/incus/unix.socket',
        reason: 'connect EACCES /var/lib/incus/unix.socket',
        since: 'now',
      },
      runtimes: async () => ['io.containerd.runc.v2', 'runc'],
      virsh: async () => {
        throw new Error(
          'error: failed to get network default\nerror: Network not found: no network with matching name',
        );
      },
    }),
    probe: fakeProbe({
      readFile: cpuinfo(AMD_CPUINFO),
      deviceAccess: async () => ({ exists: true, readable: false, writable: false }),
      processGroups: async () => ['ada'],
    }),
  },
  {
    name: 'libvirt up but no default network, no sandbox runtime',
    deps: fakeDeps({
      runtimes: async () => ['runc'],
      virsh: async () => {
        throw new Error('error: Network not found: no network with matching name');
      },
    }),
    probe: fakeProbe(),
  },
  {
    name: 'not in any group, but access works anyway',
    deps: fakeDeps(),
    probe: fakeProbe({
      processGroups: async () => ['ada'],
      lookupGroup: async (name) => ({ name, gid: 300, members: [] }),
    }),
  },
  {
    name: 'an ordinary user outside the libvirt group, on their own session connection',
    deps: fakeDeps({ libvirt: { ...libvirtUp, endpoint: 'qemu:///session' } }),
    probe: fakeProbe({
      processGroups: async () => ['ada', 'docker', 'kvm'],
      lookupGroup: async (name) => ({ name, gid: 300, members: name === 'libvirt' ? [] : ['ada'] }),
    }),
  },
  {
    name: 'lab machine whose mirrors answer',
    deps: { ...fakeDeps(), mirrors: async () => ({ ...labMirrors, probes: { http: up, registry: up } }) },
    probe: fakeProbe(),
  },
  {
    name: 'lab machine whose registry mirror is down',
    deps: {
      ...fakeDeps(),
      mirrors: async () => ({
        ...labMirrors,
        probes: { http: up, registry: { answers: false, detail: 'refused' } },
      }),
    },
    probe: fakeProbe(),
  },
  {
    name: 'a TWINLAB_MIRROR that does not parse',
    deps: {
      ...fakeDeps(),
      mirrors: async () => ({
        source: 'none',
        problem: {
          code: 'bad-input',
          key: 'mirrors.error.invalidEnv',
          message: 'bad',
          params: { field: 'the setting', problem: 'must be a mapping' },
        },
        dockerMirrors: [],
        probes: {},
      }),
    },
    probe: fakeProbe(),
  },
  {
    name: 'a mirror file that does not parse',
    deps: {
      ...fakeDeps(),
      mirrors: async () => ({
        source: 'none',
        problem: {
          code: 'bad-input',
          key: 'mirrors.error.invalidFile',
          message: 'bad',
          params: { file: '/etc/xdg/twinlab/mirrors.yaml', field: '“http”', problem: 'must be a URL' },
        },
        dockerMirrors: [],
        probes: {},
      }),
    },
    probe: fakeProbe(),
  },
  {
    name: 'LXD just installed, not initialised',
    deps: fakeDeps({
      lxd: {
        state: 'down',
        endpoint: 'unix:///var/lib/lxd/unix.socket',
        reason: 'LXD has no storage pool yet (not initialised)',
        since: 'now',
      },
    }),
    probe: fakeProbe(),
  },
];

export function throwingProbe(): HostProbe {
  const boom = (): never => {
    throw new Error('probe exploded');
  };
  return {
    readFile: boom,
    deviceAccess: boom,
    listModules: boom,
    which: boom,
    exists: boom,
    freeBytes: boom,
    user: boom,
    processGroups: boom,
    lookupGroup: boom,
  };
}

export function throwingDeps(): DoctorDeps {
  const boom = (): never => {
    throw new Error('engine exploded');
  };
  return {
    docker: { status: boom, runtimes: boom },
    libvirt: { status: boom, uri: boom, virsh: boom },
    lxd: { status: boom },
    cacheDir: '/nowhere',
    mirrors: boom,
  };
}

export async function reportsOfAllScenarios(): Promise<Array<{ name: string; report: HostReport }>> {
  const named = [...scenarios, { name: 'everything throws', deps: throwingDeps(), probe: throwingProbe() }];
  return Promise.all(
    named.map(async ({ name, deps, probe }) => ({ name, report: await runHostChecks(deps, probe) })),
  );
}
