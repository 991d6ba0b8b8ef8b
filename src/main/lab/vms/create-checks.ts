import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { VmSide } from '@shared/template';
import { toMiB } from '../images/download';
import type { Domains } from './domains';
import { vmError } from './errors';
import type { HostCapacity } from './host-capacity';
import type { QemuReach } from './qemu-reach';

const MiB = 1024 * 1024;

export interface CreateChecksDeps {
  domains: Domains;
  host: HostCapacity;
  reach: QemuReach;
  dataDir: string;
  imagesDir: string;
  /** Free space the data dir must keep for a disk VM: overlays grow as the guest writes, and a full disk pauses the guest. */
  minFreeDiskBytes?: number;
}

/**
 * Everything a VM create can be refused for before anything is made or downloaded: the name, the
 * memory and disk space it needs, the files it boots, whether QEMU can reach them, and its ports.
 */
export async function checkCreate(
  deps: CreateChecksDeps,
  request: { name: string; vm: VmSide; hasUserland: boolean; templateId: string },
): Promise<void> {
  const { name, vm } = request;
  if (await deps.domains.exists(name)) throw vmError('nameTaken', { name });

  const available = await deps.host.memAvailableBytes();
  if (vm.memoryMiB * MiB > available) {
    throw vmError('notEnoughMemory', {
      neededMiB: vm.memoryMiB,
      availableMiB: Math.floor(available / MiB),
    });
  }

  if (vm.boot) {
    for (const file of [vm.boot.kernel, vm.boot.initrd]) {
      if (file === undefined) continue;
      try {
        await stat(file);
      } catch {
        throw vmError('kernelMissing', { file });
      }
      await deps.reach.assert(file);
    }
  }

  if (vm.userland) {
    if (!request.hasUserland) throw vmError('userlandNeedsContainer', { templateId: request.templateId });
    await deps.reach.assert(join(deps.imagesDir, 'userland', 'image'));
  }

  if (vm.image) {
    const needed = deps.minFreeDiskBytes ?? 1024 * MiB;
    const free = await deps.host.freeDiskBytes(deps.dataDir);
    if (free < needed)
      throw vmError('notEnoughDisk', {
        dir: deps.dataDir,
        neededMiB: toMiB(needed),
        availableMiB: toMiB(free),
      });
    // Checked before a download that may take minutes, not after it.
    await deps.reach.assert(join(deps.imagesDir, 'image'));
  }
  // An overlay or a scratch disk is a file in the VM's own folder, which QEMU must reach.
  if (vm.image || (vm.scratchDisks?.length ?? 0) > 0) await deps.reach.assert(join(deps.dataDir, 'vm'));

  for (const forward of vm.portForwards) {
    if (forward.protocol === 'tcp' && !(await isPortFree(forward.host)))
      throw vmError('portInUse', { port: forward.host });
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolvePort(true)));
  });
}
