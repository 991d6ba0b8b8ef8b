import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const uuidFolder = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Removes a domain a test made, whatever state it is in, and the folder Twinlab made for its disks
 * (overlay, seed, scratch disks: a UUID-named folder). `virsh undefine` alone leaves that folder, and
 * the Lab page then reports it as left behind by an interrupted create.
 */
export async function removeDomain(name: string, uri = 'qemu:///system'): Promise<void> {
  const virsh = (...args: string[]) => run('virsh', ['-c', uri, ...args], { timeout: 60_000 });
  const disks = await virsh('domblklist', name, '--details').catch(() => ({ stdout: '' }));
  const folders = new Set(
    disks.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[0] === 'file' && fields[3]?.startsWith('/'))
      .map((fields) => dirname(fields[3] ?? ''))
      .filter((folder) => uuidFolder.test(basename(folder))),
  );
  await virsh('destroy', name).catch(() => undefined);
  await virsh('undefine', name, '--nvram').catch(() => virsh('undefine', name).catch(() => undefined));
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}
