import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { collectHostFacts } from '../../../src/main/lab/doctor/host-facts';
import { realHostProbe } from '../../../src/main/lab/doctor/index';
import { LibvirtConnection } from '../../../src/main/lab/engines/libvirt/connection';
import { ImageCache } from '../../../src/main/lab/images/image-cache';
import { realHostCapacity } from '../../../src/main/lab/vms/host-capacity';
import { VmService } from '../../../src/main/lab/vms/vm-service';

const run = promisify(execFile);
export const LIBVIRT_URI = 'qemu:///system';

/**
 * On hosts where /dev/kvm is root:root 0600 (no udev), libvirt re-probes QEMU on every define
 * (~40 s; see the report): the timeouts below allow for it.
 */
export const DEFINE_TIMEOUT_MS = 240_000;

export function uniqueName(purpose: string): string {
  return `twinlab-it-${purpose}-${process.pid}-${Date.now().toString(36)}`;
}

export async function virshCli(args: string[], timeoutMs = 120_000): Promise<string> {
  const { stdout } = await run('virsh', ['-c', LIBVIRT_URI, ...args], {
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return stdout;
}

export async function domainExists(name: string): Promise<boolean> {
  try {
    await virshCli(['dominfo', name]);
    return true;
  } catch {
    return false;
  }
}

/** Destroys and undefines, ignoring "not running" and "not found". */
export async function removeDomain(name: string): Promise<void> {
  await virshCli(['destroy', name]).catch(() => undefined);
  await virshCli(['undefine', name]).catch(() => undefined);
}

/**
 * A folder QEMU (libvirt-qemu under qemu:///system) can pass through: under /var/tmp, mode 0711.
 * mkdtemp alone gives 0700, which QEMU cannot enter.
 */
export async function qemuReachableTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join('/var/tmp', prefix));
  await chmod(dir, 0o711);
  return dir;
}

export interface TestLab {
  service: VmService;
  images: ImageCache;
  connection: LibvirtConnection;
  dataDir: string;
  cacheDir: string;
  dispose(): Promise<void>;
}

/** A VmService as the lab wires it, on this host's real accelerator decision and libvirtd. */
export async function createTestLab(): Promise<TestLab> {
  const dataDir = await qemuReachableTempDir('twinlab-it-data-');
  const cacheDir = await qemuReachableTempDir('twinlab-it-cache-');
  const connection = new LibvirtConnection(LIBVIRT_URI);
  const images = new ImageCache(cacheDir, realHostCapacity.freeDiskBytes);
  const facts = collectHostFacts(realHostProbe);
  const service = new VmService({
    libvirt: connection,
    dataDir,
    images,
    accelerator: async () => (await facts.accelerator()).accelerator,
  });
  return {
    service,
    images,
    connection,
    dataDir,
    cacheDir,
    async dispose() {
      await connection.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
