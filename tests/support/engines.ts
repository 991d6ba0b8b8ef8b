import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type EngineName = 'docker' | 'libvirt' | 'lxd';

/** The engines' own CLIs: the yardstick tests compare the app against. */
export async function dockerServerVersion(): Promise<string> {
  const { stdout } = await run('docker', ['version', '--format', '{{.Server.Version}}'], { timeout: 10_000 });
  return stdout.trim();
}

export async function libvirtDaemonVersion(): Promise<string> {
  const { stdout } = await run('virsh', ['-c', 'qemu:///system', 'version', '--daemon'], { timeout: 10_000 });
  const version = /Running against daemon:\s*(\S+)/.exec(stdout)?.[1];
  if (!version) throw new Error(`cannot read the daemon version from: ${stdout}`);
  return version;
}

/** LXD (or Incus) answers and is initialised: the storage pool setup-lxd.sh makes exists. */
export async function lxdStoragePools(): Promise<string> {
  const { stdout } = await run('lxc', ['query', '/1.0/storage-pools'], { timeout: 10_000 });
  if (!stdout.includes('/1.0/storage-pools/'))
    throw new Error('LXD has no storage pool; run scripts/setup-lxd.sh');
  return stdout;
}

const probes: Record<EngineName, () => Promise<unknown>> = {
  docker: dockerServerVersion,
  libvirt: libvirtDaemonVersion,
  lxd: lxdStoragePools,
};

/**
 * Which of the engines answer. Locally a missing engine skips the tests that need it, with the
 * reason printed; under CI (CI=true) it fails the run: CI must never pass by skipping.
 */
export async function engineGate(needed: EngineName[]): Promise<{ skip: boolean; reason: string }> {
  const missing: string[] = [];
  for (const engine of needed) {
    try {
      await probes[engine]();
    } catch (error) {
      missing.push(`${engine} (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (missing.length === 0) return { skip: false, reason: '' };
  const reason = `engine not answering: ${missing.join(', ')}; run scripts/setup-lab-host.sh as root`;
  if (process.env['CI']) throw new Error(`CI requires the real engines, but ${reason}`);
  console.warn(`SKIPPED: ${reason}`);
  return { skip: true, reason };
}

/** Stops or starts a daemon through the project's own script (systemd or direct); `restart` is LXD's
 * daemon alone, its instances running on. */
export async function labDaemon(action: 'start' | 'stop' | 'restart', engine: EngineName): Promise<void> {
  await run('scripts/lab-daemons.sh', [action, engine], { timeout: 120_000 });
}
