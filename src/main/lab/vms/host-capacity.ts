import { readFile, stat, statfs } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** What the host has left for one more VM. Injectable so validation can be unit-tested. */
export interface HostCapacity {
  /** MemAvailable from /proc/meminfo: what the kernel can give without swapping. */
  memAvailableBytes(): Promise<number>;
  /** Space an unprivileged user may still write in the file system holding `path`. */
  freeDiskBytes(path: string): Promise<number>;
}

export const realHostCapacity: HostCapacity = {
  async memAvailableBytes() {
    return parseMemAvailable(await readFile('/proc/meminfo', 'utf8'));
  },
  async freeDiskBytes(path) {
    const fs = await statfs(await nearestExisting(path));
    return fs.bavail * fs.bsize;
  },
};

/**
 * libvirt's nodeGetInfo gives total memory (of NUMA node 0 on some hosts, a quarter of the real
 * amount on the measured CI host), never what is free, so /proc/meminfo is the source.
 */
export function parseMemAvailable(meminfo: string): number {
  const kib = /^MemAvailable:\s+(\d+)\s+kB/m.exec(meminfo)?.[1];
  if (!kib) throw new Error('/proc/meminfo has no MemAvailable line');
  return Number(kib) * 1024;
}

export async function nearestExisting(path: string): Promise<string> {
  let current = resolve(path);
  for (;;) {
    try {
      await stat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

export interface PathEntry {
  path: string;
  uid: number;
  gid: number;
  mode: number;
}

/**
 * The first folder on the way to `target` that the QEMU user may not enter (no x permission for it
 * by owner, group or others), or undefined. Mode bits only: an ACL that grants access is not seen,
 * so the caller words it as advice, and QEMU's own error at start remains the final word.
 */
export function firstBlockedFolder(
  entries: PathEntry[],
  who: { uid: number; gid: number },
): string | undefined {
  for (const entry of entries) {
    if (who.uid === 0) return undefined;
    const searchable =
      entry.uid === who.uid
        ? (entry.mode & 0o100) !== 0
        : entry.gid === who.gid
          ? (entry.mode & 0o010) !== 0
          : (entry.mode & 0o001) !== 0;
    if (!searchable) return entry.path;
  }
  return undefined;
}

/** The folders from / down to the parent of `target` (the ones that need x permission). */
export async function foldersOnTheWay(target: string): Promise<PathEntry[]> {
  const folders: string[] = [];
  for (let current = dirname(resolve(target)); ; current = dirname(current)) {
    folders.unshift(current);
    if (dirname(current) === current) break;
  }
  const entries: PathEntry[] = [];
  for (const path of folders) {
    try {
      const info = await stat(path);
      entries.push({ path, uid: info.uid, gid: info.gid, mode: info.mode });
    } catch {
      break; // not created yet: Twinlab creates it with permissions QEMU can pass
    }
  }
  return entries;
}
