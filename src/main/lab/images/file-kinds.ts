import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * What an imported file really is, from its first bytes. qemu-img calls any file "raw", so a raw
 * disk must also show a partition table or a file system; a kernel must be a bzImage, which is
 * what QEMU's direct kernel boot loads on x86.
 */
export const HEADER_BYTES = 34 * 1024;

export function looksLikeRawDisk(header: Buffer, sizeBytes: number): boolean {
  if (sizeBytes === 0 || sizeBytes % 512 !== 0) return false;
  const mbr = header.length >= 512 && header[510] === 0x55 && header[511] === 0xaa;
  const ext = header.length >= 1082 && header.readUInt16LE(1080) === 0xef53;
  const xfs = header.subarray(0, 4).toString('latin1') === 'XFSB';
  const iso = header.subarray(32769, 32774).toString('latin1') === 'CD001';
  return mbr || ext || xfs || iso;
}

/** The Linux boot protocol's "HdrS" magic at 0x202. */
export function looksLikeKernel(header: Buffer): boolean {
  return header.length >= 0x206 && header.subarray(0x202, 0x206).toString('latin1') === 'HdrS';
}

const initrdMagics: readonly Buffer[] = [
  Buffer.from('070701', 'latin1'), // newc cpio
  Buffer.from('070702', 'latin1'), // newc cpio with checksums
  Buffer.from([0x1f, 0x8b]), // gzip
  Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), // xz
  Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), // zstd
  Buffer.from([0x02, 0x21, 0x4c, 0x18]), // lz4 legacy (the kernel's own)
  Buffer.from('BZh', 'latin1'), // bzip2
];

export function looksLikeInitrd(header: Buffer): boolean {
  return initrdMagics.some((magic) => header.subarray(0, magic.length).equals(magic));
}

/**
 * The file's first bytes; none for what is not a regular file. Opened without blocking and checked
 * on the open handle: a FIFO would otherwise hold the read (and a thread of the pool) forever.
 */
export async function readHeader(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) return Buffer.alloc(0);
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Other disk formats by their magic, named as qemu-img names them: refused with that name. */
const otherDiskFormats: ReadonlyArray<[string, (header: Buffer) => boolean]> = [
  ['vmdk', (h) => ['KDMV', 'COWD'].includes(ascii(h, 0, 4)) || ascii(h, 0, 21) === '# Disk DescriptorFile'],
  ['vdi', (h) => h.length >= 0x44 && h.readUInt32LE(0x40) === 0xbeda107f],
  ['vhdx', (h) => ascii(h, 0, 8) === 'vhdxfile'],
  ['vpc', (h) => ascii(h, 0, 8) === 'conectix'],
  ['qed', (h) => ascii(h, 0, 4) === 'QED\0'],
];

/**
 * The disk format a file's first bytes announce: 'qcow2' (versions 2 and 3), another format's
 * name, 'raw' for a plain disk, or undefined for no disk at all. Read here rather than probed by
 * qemu-img, which would open whatever other files a crafted image names.
 */
export function diskFormatOf(header: Buffer, sizeBytes: number): string | undefined {
  if (ascii(header, 0, 4) === 'QFI\xfb') {
    const version = header.length >= 8 ? header.readUInt32BE(4) : 0;
    return version === 2 || version === 3 ? 'qcow2' : 'qcow';
  }
  const other = otherDiskFormats.find(([, matches]) => matches(header));
  if (other) return other[0];
  return looksLikeRawDisk(header, sizeBytes) ? 'raw' : undefined;
}

function ascii(header: Buffer, start: number, end: number): string {
  return header.subarray(start, end).toString('latin1');
}
