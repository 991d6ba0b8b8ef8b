import type { Distro, HostFix } from '../../../shared/host';

/**
 * Fix suggestions: one i18n sentence plus copy-paste shell commands per distro. Commands are shown
 * to the learner, never run by Twinlab. Every command here is safe to run twice.
 */
type DistroCommands = Record<Distro, string[]>;

function sameOnEveryDistro(commands: string[]): DistroCommands {
  return { debian: commands, fedora: commands, arch: commands };
}

function makeFix(key: string, commands: DistroCommands, params?: HostFix['params']): HostFix {
  return params ? { key, params, commands } : { key, commands };
}

/** Quotes a value for a POSIX shell command line (paths and URIs come from the host). */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export function installLibvirtFix(): HostFix {
  return makeFix('host.fix.installLibvirt', {
    debian: [
      'sudo apt-get install -y libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils',
      'sudo systemctl enable --now libvirtd',
    ],
    fedora: ['sudo dnf install -y @virtualization', 'sudo systemctl enable --now libvirtd'],
    arch: ['sudo pacman -S --needed libvirt qemu-base dnsmasq', 'sudo systemctl enable --now libvirtd'],
  });
}

export function startDefaultNetworkFix(uri: string): HostFix {
  const virsh = `virsh -c ${shellQuote(uri)}`;
  return makeFix(
    'host.fix.startDefaultNetwork',
    sameOnEveryDistro([`${virsh} net-start default`, `${virsh} net-autostart default`]),
  );
}

/** Every distro's libvirt package ships the stock NAT network definition at this path. */
export function defineDefaultNetworkFix(uri: string): HostFix {
  const virsh = `virsh -c ${shellQuote(uri)}`;
  return makeFix(
    'host.fix.defineDefaultNetwork',
    sameOnEveryDistro([
      `${virsh} net-define /usr/share/libvirt/networks/default.xml`,
      `${virsh} net-start default`,
      `${virsh} net-autostart default`,
    ]),
  );
}

export function installDockerFix(): HostFix {
  const start = 'sudo systemctl enable --now docker';
  return makeFix('host.fix.installDocker', {
    debian: ['sudo apt-get install -y docker.io', start],
    fedora: ['sudo dnf install -y moby-engine', start],
    arch: ['sudo pacman -S --needed docker', start],
  });
}

export function joinGroupFix(group: string): HostFix {
  return makeFix('host.fix.joinGroup', sameOnEveryDistro([`sudo usermod -aG ${shellQuote(group)} $USER`]), {
    group,
  });
}

/**
 * LXD's community fork Incus is packaged by Debian 13, Ubuntu 24.04+, Fedora and Arch; Debian 12
 * still has LXD 5.0 (lxd lxd-client). The same REST API serves Twinlab either way.
 */
export function installLxdFix(): HostFix {
  const init = 'sudo incus admin init --minimal';
  return makeFix('host.fix.installLxd', {
    debian: ['sudo apt-get install -y incus  # Debian 12: sudo apt-get install -y lxd lxd-client', init],
    fedora: ['sudo dnf install -y incus', 'sudo systemctl enable --now incus', init],
    arch: ['sudo pacman -S --needed incus', 'sudo systemctl enable --now incus', init],
  });
}

/**
 * A storage pool and the default profile's root disk: what `init --minimal` does, without the
 * bridge network that it cannot make on a host with no free subnet (Twinlab needs none).
 */
export function initLxdFix(product: 'LXD' | 'Incus'): HostFix {
  const cli = product === 'Incus' ? 'incus' : 'lxc';
  return makeFix(
    'host.fix.initLxd',
    sameOnEveryDistro([
      `${cli} storage create default dir`,
      `${cli} profile device add default root disk path=/ pool=default`,
    ]),
    { product },
  );
}

/** What `runsc install` writes into /etc/docker/daemon.json, shown so the learner sees the change. */
export const gvisorDaemonJson = JSON.stringify({ runtimes: { runsc: { path: '/usr/bin/runsc' } } });

/**
 * Debian packages gVisor; Fedora and Arch do not, so there the upstream release binary is fetched and
 * checked against its published SHA-512. `runsc install` merges the runtime into daemon.json instead
 * of overwriting the file, so other settings survive.
 */
export function installGvisorFix(): HostFix {
  const release = 'https://storage.googleapis.com/gvisor/releases/release/latest/$(uname -m)';
  const fromUpstream = [
    `cd /tmp && curl -fsSLO ${release}/runsc && curl -fsSLO ${release}/runsc.sha512 && sha512sum -c runsc.sha512`,
    'sudo install -m 0755 /tmp/runsc /usr/local/bin/runsc',
    'sudo /usr/local/bin/runsc install',
    'sudo systemctl restart docker',
  ];
  return makeFix('host.fix.installGvisor', {
    debian: ['sudo apt-get install -y runsc', 'sudo runsc install', 'sudo systemctl restart docker'],
    fedora: fromUpstream,
    arch: fromUpstream,
  });
}

export type CpuVendor = 'intel' | 'amd';

export function loadKvmModuleFix(vendor: CpuVendor): HostFix {
  const module = vendor === 'intel' ? 'kvm_intel' : 'kvm_amd';
  return makeFix('host.fix.loadKvmModule', sameOnEveryDistro([`sudo modprobe ${module}`]), { module });
}

/** Package names that provide a tool, per distro. */
export type PackageNames = Record<Distro, string>;

export function installPackageFix(tool: string, packages: PackageNames): HostFix {
  return makeFix(
    'host.fix.installPackage',
    {
      debian: [`sudo apt-get install -y ${packages.debian}`],
      fedora: [`sudo dnf install -y ${packages.fedora}`],
      arch: [`sudo pacman -S --needed ${packages.arch}`],
    },
    { tool },
  );
}

export function freeDiskFix(path: string, recommendedGib: number): HostFix {
  const quoted = shellQuote(path);
  return makeFix(
    'host.fix.freeDisk',
    sameOnEveryDistro([
      `df -h ${quoted}`,
      'docker system df',
      `sudo du -xh --max-depth=1 ${quoted} | sort -h | tail -n 15`,
    ]),
    { path, recommendedGib },
  );
}
