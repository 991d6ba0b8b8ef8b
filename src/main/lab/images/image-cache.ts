import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, chmod, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '@shared/errors';
import type { VmImage } from '@shared/template';
import { mirrorError } from './mirror-messages';
import { mirroredUrl } from './mirrors';
import { checksumFor, digestKey, fileNameOf, parseChecksumFile, pathBelow, type Digest } from './checksums';
import { downloadVerified, toMiB, type DownloadOptions } from './download';
import { vmError } from '../vms/errors';
import { diskFormatOf, looksLikeInitrd, looksLikeKernel, readHeader } from './file-kinds';
import { imageInfo, type DiskImageInfo } from '../engines/libvirt/qemu-img';
import { TransferMeter, type TransferProgress } from './transfer-meter';

export type DiskFormat = VmImage['format'];
/** Disk images, and the kernels same-userland VMs boot: cached, verified and named the same way. */
export type ImageFormat = DiskFormat | 'vmlinuz';
/** What the cache can fetch: a download with its checksum, in one of the cached formats. */
export type CacheArtifact = Omit<VmImage, 'format'> & { format: ImageFormat };
const formats: readonly DiskFormat[] = ['qcow2', 'raw'];

export interface CachedImage {
  digest: Digest;
  format: DiskFormat;
  path: string;
  sizeBytes: number;
}

/** An imported disk: always named by its SHA-256, which its template then gives. */
export interface ImportedDisk extends CachedImage {
  sha256: string;
  virtualSizeBytes: number;
  /** False when the same bytes were already cached (nothing new to undo). */
  created: boolean;
}

export interface ImportedKernel {
  kernel: string;
  kernelSha256: string;
  initrd?: string;
  /** The cache files this import added (an undo removes exactly these). */
  created: string[];
}

export type EnsureOptions = Omit<DownloadOptions, 'freeDiskBytes'>;

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
}

/**
 * Base images by digest: `<dir>/<sha256>.<format>` (or `sha512-<hex>.<format>` for an image a
 * project only publishes SHA-512 for), read-only once in place. Only verified bytes ever get a
 * final name, so an image imported from a USB stick serves an offline workshop exactly like a
 * download. VMs only ever get overlays on top of these files.
 */
export class ImageCache {
  readonly #inFlight = new Map<string, Promise<string>>();

  constructor(
    readonly dir: string,
    private readonly freeDiskBytes?: (path: string) => Promise<number>,
    private readonly inspect: (file: string, format: DiskFormat) => Promise<DiskImageInfo> = imageInfo,
    /** The HTTP mirror in use, read at every fetch: downloads and checksum files then come from it. */
    private readonly httpMirror: () => Promise<string | undefined> = async () => undefined,
  ) {}

  pathOf(digest: Digest, format: ImageFormat): string {
    return join(this.dir, `${digestKey(digest)}.${format}`);
  }

  partPathOf(digest: Digest): string {
    return join(this.dir, `${digestKey(digest)}.part`);
  }

  /** The cached file for this digest, or undefined. */
  async find(digest: Digest, format: ImageFormat): Promise<string | undefined> {
    const path = this.pathOf(digest, format);
    try {
      await access(path, constants.R_OK);
      return path;
    } catch {
      return undefined;
    }
  }

  /**
   * The digest the image must have: the template's sha256, or the line for the image's file name in
   * the project's checksum file. Offline, the digest remembered from the last successful read of
   * that file stands in, so a cached image keeps working without the network.
   */
  async digestOf(
    image: CacheArtifact,
    options: Pick<EnsureOptions, 'signal' | 'fetch'> = {},
  ): Promise<Digest> {
    if (image.sha256 !== undefined) return { algorithm: 'sha256', hex: image.sha256 };
    if (image.checksums === undefined || image.url === undefined)
      throw new Error('the template schema requires sha256, or url and checksums');
    const file = fileNameOf(image.url);
    const pinPath = this.#pinPath(image.checksums, image.url);
    const mirror = await this.httpMirror();
    const checksumsUrl = mirror ? mirroredUrl(mirror, image.checksums) : image.checksums;
    let text: string;
    try {
      text = await fetchText(checksumsUrl, options);
    } catch (error) {
      const pinned = await readPin(pinPath);
      if (pinned && (await this.find(pinned, image.format))) return pinned;
      if (options.signal?.aborted) throw vmError('downloadCancelled');
      if (mirror) {
        const params = { mirror, url: checksumsUrl, detail: describe(error) };
        throw error instanceof HttpStatusError
          ? mirrorError('missing', params)
          : mirrorError('unreachable', params);
      }
      throw vmError('checksumFileUnreachable', { url: image.checksums, detail: describe(error) });
    }
    const lookup = checksumFor(parseChecksumFile(text), file, pathBelow(image.checksums, image.url));
    if ('missing' in lookup) throw vmError('checksumNotListed', { checksums: image.checksums, file });
    if ('unsupported' in lookup)
      throw vmError('checksumUnsupported', {
        checksums: image.checksums,
        file,
        algorithms: lookup.unsupported.join(', '),
      });
    await mkdir(join(this.dir, 'pins'), { recursive: true, mode: 0o755 });
    await writeFile(pinPath, JSON.stringify(lookup.found));
    return lookup.found;
  }

  /**
   * The cached file for an artifact, without touching the network: by its literal sha256, or by the
   * digest remembered from its checksum file. What "Share my images" serves.
   */
  async cached(image: CacheArtifact): Promise<{ path: string; digest: Digest } | undefined> {
    const digest =
      image.sha256 !== undefined
        ? ({ algorithm: 'sha256', hex: image.sha256 } as const)
        : image.checksums !== undefined && image.url !== undefined
          ? await readPin(this.#pinPath(image.checksums, image.url))
          : undefined;
    const path = digest && (await this.find(digest, image.format));
    return digest && path ? { path, digest } : undefined;
  }

  #pinPath(checksums: string, url: string): string {
    return join(
      this.dir,
      'pins',
      `${createHash('sha256').update(`${checksums}\n${url}`).digest('hex')}.json`,
    );
  }

  /** The cached file, downloading it first when needed. Concurrent calls for one image share a download. */
  async ensure(image: CacheArtifact, options: EnsureOptions = {}): Promise<string> {
    const digest = await this.digestOf(image, options);
    const cached = await this.find(digest, image.format);
    if (cached) return cached;
    if (image.url === undefined) throw vmError('imageNotCached', { sha256: digest.hex });
    const key = digestKey(digest);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const mirror = await this.httpMirror();
    const download = (
      mirror
        ? this.#downloadFromMirror(mirror, { ...image, url: image.url }, digest, options)
        : this.#download(image.url, digest, image.format, options)
    ).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, download);
    return download;
  }

  async #download(url: string, digest: Digest, format: ImageFormat, options: EnsureOptions): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    const finalPath = this.pathOf(digest, format);
    await downloadVerified(
      { url, digest, partPath: this.partPathOf(digest), finalPath },
      { ...options, ...(this.freeDiskBytes && { freeDiskBytes: this.freeDiskBytes }) },
    );
    // The publisher's checksum says the bytes are theirs, not that they are safe to boot.
    if (format !== 'vmlinuz') {
      await this.#inspectStandalone(finalPath, format, url).catch(async (error: unknown) => {
        await unlink(finalPath).catch(() => undefined);
        throw error;
      });
    }
    return finalPath;
  }

  /**
   * A download through the HTTP mirror. Its failures name the mirror; a wrong checksum also drops
   * the remembered digest, which came from the same mirror, so nothing of it stays.
   */
  async #downloadFromMirror(
    mirror: string,
    image: CacheArtifact & { url: string },
    digest: Digest,
    options: EnsureOptions,
  ): Promise<string> {
    const url = mirroredUrl(mirror, image.url);
    try {
      return await this.#download(url, digest, image.format, options);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.key === 'vms.error.imageChecksumMismatch') {
        if (image.checksums !== undefined)
          await unlink(this.#pinPath(image.checksums, image.url)).catch(() => undefined);
        throw mirrorError('checksum', { mirror, url });
      }
      if (error.key === 'vms.error.downloadHttpStatus')
        throw mirrorError('missing', {
          mirror,
          url,
          detail: String(error.params?.['status'] ?? ''),
        });
      if (error.key === 'vms.error.downloadFailed')
        throw mirrorError('unreachable', {
          mirror,
          url,
          detail: String(error.params?.['detail'] ?? error.message),
        });
      throw error;
    }
  }

  /** Deletes what an interrupted download left behind. */
  async discardPartial(digest: Digest): Promise<void> {
    await unlink(this.partPathOf(digest)).catch(() => undefined);
  }

  async list(): Promise<CachedImage[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const images: CachedImage[] = [];
    for (const name of names) {
      const match = /^(?:([0-9a-f]{64})|sha512-([0-9a-f]{128}))\.(qcow2|raw)$/.exec(name);
      if (!match?.[3]) continue;
      const path = join(this.dir, name);
      images.push({
        digest: match[1]
          ? { algorithm: 'sha256', hex: match[1] }
          : { algorithm: 'sha512', hex: match[2] ?? '' },
        format: match[3] as DiskFormat,
        path,
        sizeBytes: (await stat(path)).size,
      });
    }
    return images;
  }

  /**
   * Checks that `file` looks like a usable disk image (qcow2 or a raw disk, by its first bytes) and
   * that it fits, without copying anything or running qemu-img on it. The copy is inspected.
   */
  async checkDisk(file: string): Promise<{ format: DiskFormat }> {
    const sizeBytes = await readableFile(file);
    const format = diskFormatOf(await readHeader(file), sizeBytes);
    if (format === undefined) throw vmError('importNotDiskImage', { file });
    if (!formats.includes(format as DiskFormat)) throw vmError('imageUnsupportedFormat', { file, format });
    await this.#assertSpace(sizeBytes);
    return { format: format as DiskFormat };
  }

  /**
   * Copies a local disk image into the cache (for offline use), verified by its SHA-256. The copy,
   * not the user's file (which could change meanwhile), is inspected before it gets its name.
   */
  async importDisk(file: string, options: ImportOptions = {}): Promise<ImportedDisk> {
    const { format } = await this.checkDisk(file);
    let virtualSizeBytes = 0;
    const stored = await this.#store(
      file,
      (sha256) => `${sha256}.${format}`,
      options,
      async (copy) => {
        if (diskFormatOf(await readHeader(copy), (await stat(copy)).size) !== format)
          throw vmError('importNotDiskImage', { file });
        ({ virtualSizeBytes } = await this.#inspectStandalone(copy, format, file));
      },
    );
    return {
      sha256: stored.sha256,
      digest: { algorithm: 'sha256', hex: stored.sha256 },
      format,
      path: stored.path,
      sizeBytes: (await stat(stored.path)).size,
      virtualSizeBytes,
      created: stored.created,
    };
  }

  /** Checks a kernel (and initrd) before an import copies either of them. */
  async checkKernel(kernel: string, initrd?: string): Promise<void> {
    let bytes = await readableFile(kernel);
    if (!looksLikeKernel(await readHeader(kernel))) throw vmError('importNotKernel', { file: kernel });
    if (initrd !== undefined) {
      bytes += await readableFile(initrd);
      if (!looksLikeInitrd(await readHeader(initrd))) throw vmError('importNotInitrd', { file: initrd });
    }
    await this.#assertSpace(bytes);
  }

  /** Copies a kernel (and initrd) into `<dir>/kernels/`, named by checksum, for templates used offline. */
  async importKernel(kernel: string, initrd?: string, options: ImportOptions = {}): Promise<ImportedKernel> {
    await this.checkKernel(kernel, initrd);
    const created: string[] = [];
    try {
      const storedKernel = await this.#store(kernel, (sha) => join('kernels', `${sha}.vmlinuz`), options);
      if (storedKernel.created) created.push(storedKernel.path);
      const stored = { kernel: storedKernel.path, kernelSha256: storedKernel.sha256, created };
      if (initrd === undefined) return stored;
      const storedInitrd = await this.#store(initrd, (sha) => join('kernels', `${sha}.initrd`), options);
      if (storedInitrd.created) created.push(storedInitrd.path);
      return { ...stored, initrd: storedInitrd.path };
    } catch (error) {
      await this.discard(created);
      throw error;
    }
  }

  /** Removes files an import added (the undo of a failed import); never anything outside the cache. */
  async discard(paths: string[]): Promise<void> {
    const root = resolve(this.dir) + sep;
    for (const path of paths) {
      if (resolve(path).startsWith(root)) await unlink(path).catch(() => undefined);
    }
  }

  /**
   * `qemu-img info` of a file in the cache, in the format it must have (never probed, under
   * resource limits): refuses an image that names any other file, a backing file or a qcow2
   * external data file, which would put a file of the host under the guest's disk.
   */
  async #inspectStandalone(path: string, format: DiskFormat, shownAs: string): Promise<DiskImageInfo> {
    const info = await this.inspect(path, format).catch(() => undefined);
    if (!info) throw vmError('importNotDiskImage', { file: shownAs });
    if (info.backingFile !== undefined)
      throw vmError('imageHasBackingFile', { file: shownAs, backing: info.backingFile });
    if (info.dataFile !== undefined)
      throw vmError('imageHasDataFile', { file: shownAs, dataFile: info.dataFile });
    return info;
  }

  async #assertSpace(bytes: number): Promise<void> {
    if (!this.freeDiskBytes) return;
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    const free = await this.freeDiskBytes(this.dir);
    if (free < bytes)
      throw vmError('imageTooLarge', { neededMiB: toMiB(bytes), availableMiB: toMiB(free), dir: this.dir });
  }

  /**
   * Copies and hashes in one pass into a temporary name, runs `verify` on that copy, then makes it
   * read-only and renames it to the name its checksum gives: a final name only ever holds a whole,
   * verified file.
   */
  async #store(
    source: string,
    nameOf: (sha256: string) => string,
    options: ImportOptions,
    verify?: (copy: string) => Promise<void>,
  ): Promise<{ path: string; sha256: string; created: boolean }> {
    await mkdir(dirname(join(this.dir, nameOf('0'))), { recursive: true, mode: 0o755 });
    const temporary = join(this.dir, `.import-${randomUUID()}`);
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
      const target = join(this.dir, nameOf(sha256));
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

/** The server answered, but not with the file. */
class HttpStatusError extends Error {}

async function fetchText(url: string, options: Pick<EnsureOptions, 'signal' | 'fetch'>): Promise<string> {
  const timeout = AbortSignal.timeout(30_000);
  const response = await (options.fetch ?? fetch)(url, {
    redirect: 'follow',
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new HttpStatusError(`the server answered ${response.status} ${response.statusText}`.trim());
  }
  return response.text();
}

async function readPin(path: string): Promise<Digest | undefined> {
  try {
    const pin = JSON.parse(await readFile(path, 'utf8')) as Partial<Digest>;
    if ((pin.algorithm === 'sha256' || pin.algorithm === 'sha512') && typeof pin.hex === 'string')
      return { algorithm: pin.algorithm, hex: pin.hex };
  } catch {
    // no pin yet
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? error.cause.message : error.message;
  return String(error);
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
