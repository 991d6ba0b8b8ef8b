import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import {
  newcHeader,
  newcTrailer,
  padding,
  S_IFBLK,
  S_IFCHR,
  S_IFDIR,
  S_IFIFO,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
} from './newc';
import { normalisePath, type RootfsIndex } from './rootfs-index';

/** A file Twinlab adds to the image's own (its init, a console device the image lacks). */
export interface ExtraEntry {
  name: string;
  mode: number;
  data?: Buffer;
  rdev?: { major: number; minor: number };
}

export interface InitramfsOptions {
  index: RootfsIndex;
  /** Paths left out: files that only make sense inside Docker (/.dockerenv). */
  skip: ReadonlySet<string>;
  extras: readonly ExtraEntry[];
}

const typeBits: Partial<Record<Header['type'], number>> = {
  file: S_IFREG,
  'contiguous-file': S_IFREG,
  directory: S_IFDIR,
  symlink: S_IFLNK,
  'character-device': S_IFCHR,
  'block-device': S_IFBLK,
  fifo: S_IFIFO,
};

/**
 * Repacks a root filesystem tarball (a `docker export`) as an uncompressed newc initramfs, keeping
 * owners, modes, times, device numbers and hard links, and appends `extras`. Uncompressed on
 * purpose: under TCG the guest's own gunzip would cost more boot time than reading the bigger file.
 */
export async function tarToInitramfs(
  tarFile: string,
  outFile: string,
  options: InitramfsOptions,
): Promise<void> {
  await pipeline(
    Readable.from(initramfsChunks(tarFile, options)),
    createWriteStream(outFile, { mode: 0o644 }),
  );
}

async function* initramfsChunks(
  tarFile: string,
  { index, skip, extras }: InitramfsOptions,
): AsyncGenerator<Buffer> {
  let nextIno = 1;
  const inoOfLinked = new Map<string, { ino: number; mode: number }>();
  const reader = extract();
  createReadStream(tarFile)
    .on('error', (error) => reader.destroy(error))
    .pipe(reader);
  for await (const entry of reader) {
    const header = entry.header;
    const name = normalisePath(header.name);
    if (name === '' || skip.has(name)) {
      entry.resume();
      continue;
    }
    const base = {
      name,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      mtime: Math.floor((header.mtime?.getTime() ?? 0) / 1000),
    };

    if (header.type === 'link') {
      // A hard link: same ino and nlink as its target, no data; the kernel links it to the first.
      const target = inoOfLinked.get(normalisePath(header.linkname ?? ''));
      entry.resume();
      if (!target) continue; // its target was skipped or is not a regular file
      const nlink = index.hardLinkCounts.get(normalisePath(header.linkname ?? '')) ?? 2;
      yield newcHeader({ ...base, ino: target.ino, mode: target.mode, nlink, size: 0 });
      continue;
    }

    const bits = typeBits[header.type];
    if (bits === undefined) {
      entry.resume(); // sockets and unknown kinds have no place in a root filesystem image
      continue;
    }
    const mode = bits | ((header.mode ?? 0o644) & 0o7777);
    const ino = nextIno++;
    const links = index.hardLinkCounts.get(name);
    if (links !== undefined && bits === S_IFREG) inoOfLinked.set(name, { ino, mode });

    if (bits === S_IFLNK) {
      const target = Buffer.from(header.linkname ?? '', 'utf8');
      entry.resume();
      yield newcHeader({ ...base, ino, mode, nlink: 1, size: target.length });
      yield target;
      yield padding(target.length);
      continue;
    }
    const size = bits === S_IFREG ? (header.size ?? 0) : 0;
    yield newcHeader({
      ...base,
      ino,
      mode,
      nlink: bits === S_IFDIR ? 2 : (links ?? 1),
      size,
      rdevMajor: header.devmajor ?? 0,
      rdevMinor: header.devminor ?? 0,
    });
    let written = 0;
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      written += chunk.length;
      if (bits === S_IFREG) yield chunk;
    }
    if (written !== size && bits === S_IFREG)
      throw new Error(`${name}: tar entry ended after ${written} of ${size} bytes`);
    yield padding(size);
  }

  for (const extra of extras) {
    const data = extra.data ?? Buffer.alloc(0);
    yield newcHeader({
      name: extra.name,
      ino: nextIno++,
      mode: extra.mode,
      uid: 0,
      gid: 0,
      nlink: (extra.mode & S_IFMT) === S_IFDIR ? 2 : 1,
      mtime: 0,
      size: data.length,
      rdevMajor: extra.rdev?.major ?? 0,
      rdevMinor: extra.rdev?.minor ?? 0,
    });
    yield data;
    yield padding(data.length);
  }
  yield newcTrailer();
}
