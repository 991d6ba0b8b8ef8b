import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { virsh } from '../../engines/libvirt/virsh';

const run = promisify(execFile);

/** Saving 256 MiB of guest memory took ~2 s under TCG here; a cloud VM with more RAM takes longer. */
const saveTimeoutMs = 120_000;

/** A file-backed disk the guest can write to (`virsh domblklist --details`: not a cdrom, not a floppy). */
export interface WritableDisk {
  target: string;
  source: string;
}

/**
 * `virsh domblklist NAME --details` → the disks that carry the guest's files. Columns are
 * Type Device Target Source; a source path may hold spaces, so it is the rest of the line.
 */
export function parseWritableDisks(output: string): WritableDisk[] {
  return output.split('\n').flatMap((line) => {
    const match = /^\s*(\S+)\s+(\S+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (!match) return [];
    const [, type, device, target, source] = match as unknown as [string, string, string, string, string];
    return type === 'file' && device === 'disk' && source !== '-' ? [{ target, source }] : [];
  });
}

const stateFile = (dir: string) => join(dir, 'state.sav');
const diskCopy = (dir: string, disk: WritableDisk) => join(dir, `${disk.target}.disk`);

/** cp keeps holes (a blank scratch disk stays small) and the owner QEMU was given. */
async function copyDisk(from: string, to: string): Promise<void> {
  await run('cp', ['--sparse=always', '--preserve=mode,ownership', from, to], { timeout: saveTimeoutMs });
}

/**
 * Saves a running VM into `dir`: `virsh save` stops it with its memory and device state in a file,
 * its writable disks are copied while nothing writes to them, and `virsh restore` goes on from the
 * same state (the guest does not notice, apart from the clock). A failure half way removes the
 * folder and still brings the VM back.
 */
export async function saveVm(uri: string, uuid: string, dir: string): Promise<void> {
  const disks = parseWritableDisks(await virsh(uri, ['domblklist', uuid, '--details']));
  await mkdir(dir, { recursive: true });
  let saved = false;
  try {
    await virsh(uri, ['save', uuid, stateFile(dir), '--running'], saveTimeoutMs);
    saved = true;
    for (const disk of disks) await copyDisk(disk.source, diskCopy(dir, disk));
    await virsh(uri, ['restore', stateFile(dir), '--running'], saveTimeoutMs);
  } catch (error) {
    if (saved)
      await virsh(uri, ['restore', stateFile(dir), '--running'], saveTimeoutMs).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Puts a VM back to what `saveVm` kept in `dir`: switched off, disks copied back, state restored running. */
export async function restoreVm(uri: string, uuid: string, dir: string): Promise<void> {
  const disks = parseWritableDisks(await virsh(uri, ['domblklist', uuid, '--inactive', '--details']));
  await virsh(uri, ['destroy', uuid]).catch(() => undefined); // already off is fine
  for (const disk of disks) await copyDisk(diskCopy(dir, disk), disk.source);
  await virsh(uri, ['restore', stateFile(dir), '--running'], saveTimeoutMs);
}
