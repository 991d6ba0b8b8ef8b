import { createReadStream } from 'node:fs';
import { extract, type Header } from 'tar-stream';

export interface IndexedEntry {
  type: Header['type'];
  linkname?: string;
}

/** What a root filesystem tarball holds, by normalised path, and how many hard links point at each file. */
export interface RootfsIndex {
  entries: Map<string, IndexedEntry>;
  hardLinkCounts: Map<string, number>;
}

/** "./usr/bin/" and "/usr/bin" both become "usr/bin"; the root itself becomes "". */
export function normalisePath(name: string): string {
  return name.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
}

/** Reads a tarball once, without its data, to learn its paths, symlinks and hard links. */
export async function indexRootfs(tarFile: string): Promise<RootfsIndex> {
  const entries = new Map<string, IndexedEntry>();
  const hardLinkCounts = new Map<string, number>();
  const reader = extract();
  createReadStream(tarFile)
    .on('error', (error) => reader.destroy(error))
    .pipe(reader);
  for await (const entry of reader) {
    const { type, linkname } = entry.header;
    const name = normalisePath(entry.header.name);
    entries.set(name, { type, ...(linkname ? { linkname } : {}) });
    if (type === 'link' && linkname) {
      const target = normalisePath(linkname);
      hardLinkCounts.set(target, (hardLinkCounts.get(target) ?? 1) + 1);
    }
    entry.resume();
  }
  return { entries, hardLinkCounts };
}

const MAX_SYMLINK_HOPS = 40; // the kernel's own limit

/**
 * The entry a path names inside the root filesystem, following symlinks the way the kernel
 * would with that tree as "/" (Debian's /bin is a symlink to usr/bin, for one). Undefined when
 * a component is missing or the links loop.
 */
export function resolveInRootfs(
  index: RootfsIndex,
  path: string,
): { path: string; entry: IndexedEntry } | undefined {
  let pending = normalisePath(path).split('/').filter(Boolean);
  let resolved: string[] = [];
  let hops = 0;
  while (pending.length > 0) {
    const [part, ...rest] = pending as [string, ...string[]];
    pending = rest;
    if (part === '.') continue;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const candidate = [...resolved, part].join('/');
    const entry = index.entries.get(candidate);
    if (!entry) return undefined;
    if (entry.type === 'symlink' && entry.linkname) {
      if (++hops > MAX_SYMLINK_HOPS) return undefined;
      const target = entry.linkname.split('/').filter(Boolean);
      if (entry.linkname.startsWith('/')) resolved = [];
      pending = [...target, ...pending];
      continue;
    }
    resolved.push(part);
  }
  const finalPath = resolved.join('/');
  const entry = index.entries.get(finalPath);
  return entry && { path: finalPath, entry };
}
