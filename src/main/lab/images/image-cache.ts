import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { ApiError } from '@shared/errors';
import type { VmImage } from '@shared/template';
import { imageInfo, type DiskImageInfo } from '../engines/libvirt/qemu-img';
import { vmError } from '../vms/errors';
import {
  checkDisk,
  checkKernel,
  importBootFile,
  importDisk,
  type DiskFormat,
  type ImportOptions,
  type ImportTarget,
} from './cache-import';
import { ChecksumPins } from './checksum-pins';
import { digestKey, type Digest } from './checksums';
import { downloadVerified, toMiB, type DownloadOptions } from './download';
import { mirrorError } from './mirror-messages';
import { mirroredUrl } from './mirrors';

export type { DiskFormat, ImportOptions };
/** Disk images, and the kernels same-userland VMs boot: cached, verified and named the same way. */
export type ImageFormat = DiskFormat | 'vmlinuz';
/** What the cache can fetch: a download with its checksum, in one of the cached formats. */
export type CacheArtifact = Omit<VmImage, 'format'> & { format: ImageFormat };

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

/**
 * Base images by digest: `<dir>/<sha256>.<format>` (or `sha512-<hex>.<format>` for an image a
 * project only publishes SHA-512 for), read-only once in place. Only verified bytes ever get a
 * final name, so an image imported from a USB stick serves an offline workshop exactly like a
 * download. VMs only ever get overlays on top of these files.
 */
export class ImageCache {
  readonly #inFlight = new Map<string, Promise<string>>();
  readonly #pins: ChecksumPins;
  readonly #importTarget: ImportTarget;

  constructor(
    readonly dir: string,
    private readonly freeDiskBytes?: (path: string) => Promise<number>,
    private readonly inspect: (file: string, format: DiskFormat) => Promise<DiskImageInfo> = imageInfo,
    /** The HTTP mirror in use, read at every fetch: downloads and checksum files then come from it. */
    private readonly httpMirror: () => Promise<string | undefined> = async () => undefined,
  ) {
    this.#pins = new ChecksumPins(dir);
    this.#importTarget = {
      dir,
      assertSpace: (bytes) => this.#assertSpace(bytes),
      inspectStandalone: (path, format, shownAs) => this.#inspectStandalone(path, format, shownAs),
    };
  }

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

  /** Whether the artifact is in the cache already, checked against its digest; never downloads it. */
  async has(image: CacheArtifact): Promise<boolean> {
    return this.digestOf(image)
      .then((digest) => this.find(digest, image.format))
      .then(Boolean, () => false);
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
    const pinned = { url: image.url, checksums: image.checksums };
    const cached = async (digest: Digest) => (await this.find(digest, image.format)) !== undefined;
    return this.#pins.fetch(pinned, await this.httpMirror(), cached, options);
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
          ? await this.#pins.read({ url: image.url, checksums: image.checksums })
          : undefined;
    const path = digest && (await this.find(digest, image.format));
    return digest && path ? { path, digest } : undefined;
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
          await this.#pins.forget({ url: image.url, checksums: image.checksums });
        throw mirrorError('checksum', { mirror, url });
      }
      if (error.key === 'vms.error.downloadHttpStatus')
        throw mirrorError('missing', { mirror, url, detail: String(error.params?.['status'] ?? '') });
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

  /** Checks a local disk image by its first bytes and size, before anything is copied (see cache-import.ts). */
  checkDisk(file: string): Promise<{ format: DiskFormat }> {
    return checkDisk(this.#importTarget, file);
  }

  /** Copies a local disk image into the cache (for offline use), verified by its SHA-256. */
  async importDisk(file: string, options: ImportOptions = {}): Promise<ImportedDisk> {
    const stored = await importDisk(this.#importTarget, file, options);
    return {
      sha256: stored.sha256,
      digest: { algorithm: 'sha256', hex: stored.sha256 },
      format: stored.format,
      path: stored.path,
      sizeBytes: (await stat(stored.path)).size,
      virtualSizeBytes: stored.virtualSizeBytes,
      created: stored.created,
    };
  }

  /** Checks a kernel (and initrd) before an import copies either of them. */
  checkKernel(kernel: string, initrd?: string): Promise<void> {
    return checkKernel(this.#importTarget, kernel, initrd);
  }

  /** Copies a kernel (and initrd) into `<dir>/kernels/`, named by checksum, for templates used offline. */
  async importKernel(kernel: string, initrd?: string, options: ImportOptions = {}): Promise<ImportedKernel> {
    await this.checkKernel(kernel, initrd);
    const created: string[] = [];
    try {
      const storedKernel = await importBootFile(this.#importTarget, kernel, 'vmlinuz', options);
      if (storedKernel.created) created.push(storedKernel.path);
      const stored = { kernel: storedKernel.path, kernelSha256: storedKernel.sha256, created };
      if (initrd === undefined) return stored;
      const storedInitrd = await importBootFile(this.#importTarget, initrd, 'initrd', options);
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
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
