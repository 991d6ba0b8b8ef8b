import { join } from 'node:path';
import type { LabPaths } from './paths';

/** Where VM disks, seeds and downloaded images live. */
export interface VmStorage {
  vms: string;
  images: string;
}

/**
 * Root on qemu:///system keeps them in /var/lib/twinlab: root's home is no place for files QEMU
 * (another user) must open. Everyone else uses their own XDG folders, which QEMU is let into with
 * a search-only ACL when the home is private (see engines/libvirt/qemu-search-acl.ts).
 */
export function vmStorage(
  paths: LabPaths,
  who: { uid: number | undefined; libvirtUri: string },
  /** The system-wide folder: TWINLAB_STATE_DIR (a packager's choice, or a second lab on one host). */
  stateDir = '/var/lib/twinlab',
): VmStorage {
  const systemWide = who.uid === 0 && who.libvirtUri === 'qemu:///system';
  return {
    vms: join(systemWide ? stateDir : paths.data, 'vms'),
    images: join(systemWide ? stateDir : paths.cache, 'images'),
  };
}
