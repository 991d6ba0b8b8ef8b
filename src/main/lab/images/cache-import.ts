import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { VmImage } from '@shared/template';
import type { DiskImageInfo } from '../engines/libvirt/qemu-img';
import { vmError } from '../vms/errors';
import { diskFormatOf, looksLikeInitrd, looksLikeKernel, readHeader } from './file-kinds';
import { TransferMeter, type TransferProgress } from './transfer-meter';

export type DiskFormat = VmImage['format'];
const formats: readonly DiskFormat[] = ['qcow2', 'raw'];

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
}

/** The cache as an import needs it: where files go, whether they fit, and the standalone-disk check. */
export interface ImportTarget {
  dir: string;
  assertSpace(bytes: number): Promise<void>;
  inspectStandalone(path: string, format: DiskFormat, shownAs: string): Promise<DiskImageInfo>;
}

/**
 * Checks that `file` looks like a usable disk image (qcow2 or a raw disk, by its first bytes) and
 * that it fits, without copying anything or running qemu-img on it. The copy is inspected.
 */
export async function checkDisk(target: ImportTarget, file: string): Promise<{ format: DiskFormat }> {
  const sizeBytes = await readableFile(file);
  const format = diskFormatOf(await readHeader(file), sizeBytes);
  if (format === undefined) throw vmError('importNotDiskImage', { file });
  if (!formats.includes(format as DiskFormat)) throw vmError('imageUnsupportedFormat', { file, format });
  await target.assertSpace(sizeBytes);
  return { format: format as DiskFormat };
}

/**
 * Copies a local disk image into the cache (for offline use), verified by its SHA-256. The copy,
 * not the user's file (which could change meanwhile), is inspected before it gets its name.
 */
export async function importDisk(target: ImportTarget, file: string, options: ImportOptions) {
  const { format } = await checkDisk(target, file);
  let virtualSizeBytes = 0;
  const stored = await store(
    target.dir,
    file,
    (sha256) => `${sha256}.${format}`,
    options,
    async (copy) => {
      if (diskFormatOf(await readHeader(copy), (await stat(copy)).size) !== format)
        throw vmError('importNotDiskImage', { file });
      ({ virtualSizeBytes } = await target.inspectStandalone(copy, format, file));
    },
  );
  return { ...stored, format, virtualSizeBytes };
}

/** Checks a kernel (and initrd) before an import copies either of them. */
export async function checkKernel(target: ImportTarget, kernel: string, initrd?: string): Promise<void> {
  let bytes = await readableFile(kernel);
  if (!looksLikeKernel(await readHeader(kernel))) throw vmError('importNotKernel', { file: kernel });
  if (initrd !== undefined) {
    bytes += await readableFile(initrd);
    if (!looksLikeInitrd(await readHeader(initrd))) throw vmError('importNotInitrd', { file: initrd });
  }
  await target.assertSpace(bytes);
}

/** Copies a kernel or initrd into `<dir>/kernels/`, named by its checksum. */
export function importBootFile(
  target: ImportTarget,
  file: string,
  kind: 'vmlinuz' | 'initrd',
  options: ImportOptions,
): Promise<{ path: string; sha256: string; created: boolean }> {
  return store(target.dir, file, (sha) => join('kernels', `${sha}.${kind}`), options);
}

/**
 * Copies and hashes in one pass into a temporary name, runs `verify` on that copy, then makes it
 * read-only and renames it to the name its checksum gives: a final name only ever holds a whole,
 * verified file.
 */
async function store(
  dir: string,
  source: string,
  nameOf: (sha256: string) => string,
  options: ImportOptions,
  verify?: (copy: string) => Promise<void>,
): Promise<{ path: string; sha256: string; created: boolean }> {
  await mkdir(dirname(join(dir, nameOf('0'))), { recursive: true, mode: 0o755 });
  const temporary = join(dir, `.import-${randomUUID()}`);
  const hash = createHash('sha256');
  const meter = new TransferMeter(0, (await stat(source)).size);
  let lastReport = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      const progress = meter.add(chunk.byteLength);
      if (performance.now() - lastReport > 200) {
        lastReport = performance.now();
        options.onProgress?.(progress);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      createReadStream(source),
      hashing,
      createWriteStream(temporary, { mode: 0o644 }),
      ...(options.signal ? [{ signal: options.signal }] : []),
    );
    options.onProgress?.(meter.progress());
    await verify?.(temporary);
    const sha256 = hash.digest('hex');
    const target = join(dir, nameOf(sha256));
    if (await exists(target)) {
      await unlink(temporary);
      return { path: target, sha256, created: false }; // the same bytes are already here
    }
    await chmod(temporary, 0o444);
    await rename(temporary, target);
    return { path: target, sha256, created: true };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    if (options.signal?.aborted) throw vmError('importCancelled');
    throw error;
  }
}

/** The file's size; a missing, unreadable or non-regular file is refused with a sentence. */
async function readableFile(file: string): Promise<number> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw vmError('importNotFound', { file });
  }
  const info = await stat(file);
  if (!info.isFile()) throw vmError('importNotAFile', { file });
  return info.size;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
