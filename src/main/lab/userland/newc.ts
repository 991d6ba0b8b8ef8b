/**
 * The "newc" cpio format, the only one the Linux kernel unpacks as an initramfs
 * (Documentation/driver-api/early-userspace/buffer-format.rst): a 110-byte ASCII header of
 * thirteen 8-digit hex fields, the NUL-terminated name, then the data, each padded to 4 bytes.
 * Written here rather than with cpio-stream, whose packer counts a name's length in UTF-16
 * units and so corrupts every entry after a non-ASCII file name.
 */
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;
export const S_IFBLK = 0o060000;
export const S_IFIFO = 0o010000;

export interface NewcEntry {
  /** Path inside the archive, without a leading slash ("bin/sh"). */
  name: string;
  ino: number;
  /** File type bits and permission bits together. */
  mode: number;
  uid: number;
  gid: number;
  /** Above 1 for hard links: the kernel links later entries of the same ino to the first. */
  nlink: number;
  /** Seconds since the epoch. */
  mtime: number;
  size: number;
  rdevMajor?: number;
  rdevMinor?: number;
}

const MAGIC = '070701';
const HEADER_BYTES = 110;
const TRAILER = 'TRAILER!!!';

function hex8(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new RangeError(`cpio field out of range: ${value}`);
  return value.toString(16).padStart(8, '0');
}

/** Zero bytes that bring `length` up to a multiple of 4. */
export function padding(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}

/** The header and padded name of one entry; its data (and `padding(size)`) follow it. */
export function newcHeader(entry: NewcEntry): Buffer {
  const name = Buffer.from(`${entry.name}\0`, 'utf8');
  const fields = [
    entry.ino,
    entry.mode,
    entry.uid,
    entry.gid,
    entry.nlink,
    entry.mtime,
    entry.size,
    0, // device of the archived file: one for all, so hard links match on ino alone
    0,
    entry.rdevMajor ?? 0,
    entry.rdevMinor ?? 0,
    name.length,
    0, // checksum: unused by newc
  ];
  const head = Buffer.from(MAGIC + fields.map(hex8).join(''), 'ascii');
  return Buffer.concat([head, name, padding(HEADER_BYTES + name.length)]);
}

/** The closing entry every cpio archive ends with. */
export function newcTrailer(): Buffer {
  return newcHeader({ name: TRAILER, ino: 0, mode: 0, uid: 0, gid: 0, nlink: 1, mtime: 0, size: 0 });
}
