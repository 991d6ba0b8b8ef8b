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

export async function readHeader(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
