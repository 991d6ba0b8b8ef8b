import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, chmod, copyFile, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { VmImage } from '@shared/template';
import { downloadVerified, type DownloadOptions } from './download';
import { vmError } from './errors';
import { imageInfo, type DiskImageInfo } from './qemu-img';

export type ImageFormat = VmImage['format'];
const formats: readonly ImageFormat[] = ['qcow2', 'raw'];

export interface CachedImage {
  sha256: string;
  format: ImageFormat;
  path: string;
  sizeBytes: number;
}

export interface ImportedKernel {
  kernel: string;
  initrd?: string;
}

export type EnsureOptions = Omit<DownloadOptions, 'freeDiskBytes'>;

/**
 * Base images by SHA-256: `<dir>/<sha256>.<format>`, read-only once in place. A template names its
 * image by URL and checksum, so an image imported from a USB stick with the same checksum serves an
 * offline workshop exactly like a download. VMs only ever get overlays on top of these files.
 */
export class ImageCache {
  readonly #inFlight = new Map<string, Promise<string>>();

  constructor(
    readonly dir: string,
    private readonly freeDiskBytes?: (path: string) => Promise<number>,
    private readonly inspect: (file: string) => Promise<DiskImageInfo> = imageInfo,
  ) {}

  pathOf(image: Pick<VmImage, 'sha256' | 'format'>): string {
    return join(this.dir, `${image.sha256}.${image.format}`);
  }

  partPathOf(sha256: string): string {
    return join(this.dir, `${sha256}.part`);
  }

  /** The cached file for this image, or undefined. */
  async find(image: Pick<VmImage, 'sha256' | 'format'>): Promise<string | undefined> {
    const path = this.pathOf(image);
    try {
      await access(path, constants.R_OK);
      return path;
    } catch {
      return undefined;
    }
  }

  /** The cached file, downloading it first when needed. Concurrent calls for one image share a download. */
  async ensure(image: VmImage, options: EnsureOptions = {}): Promise<string> {
    const cached = await this.find(image);
    if (cached) return cached;
    const running = this.#inFlight.get(image.sha256);
    if (running) return running;
    const download = this.#download(image, options).finally(() => this.#inFlight.delete(image.sha256));
    this.#inFlight.set(image.sha256, download);
    return download;
  }

  async #download(image: VmImage, options: EnsureOptions): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    const finalPath = this.pathOf(image);
    await downloadVerified(
      { url: image.url, sha256: image.sha256, partPath: this.partPathOf(image.sha256), finalPath },
      { ...options, ...(this.freeDiskBytes && { freeDiskBytes: this.freeDiskBytes }) },
    );
    return finalPath;
  }

  /** Deletes what an interrupted download left behind. */
  async discardPartial(sha256: string): Promise<void> {
    await unlink(this.partPathOf(sha256)).catch(() => undefined);
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
      const match = /^([0-9a-f]{64})\.(qcow2|raw)$/.exec(name);
      if (!match?.[1] || !match[2]) continue;
      const path = join(this.dir, name);
      images.push({
        sha256: match[1],
        format: match[2] as ImageFormat,
        path,
        sizeBytes: (await stat(path)).size,
      });
    }
    return images;
  }

  /**
   * Copies a local disk image into the cache (for offline use). The format is detected with
   * qemu-img; an image with a backing file is refused, as it would pull in a file outside the cache.
   */
  async importDisk(file: string): Promise<CachedImage> {
    await readable(file);
    const info = await this.inspect(file);
    if (info.backingFile !== undefined)
      throw vmError('imageHasBackingFile', { file, backing: info.backingFile });
    if (!formats.includes(info.format as ImageFormat))
      throw vmError('imageUnsupportedFormat', { file, format: info.format });
    const format = info.format as ImageFormat;
    const sha256 = await sha256Of(file);
    const path = await this.#store(file, `${sha256}.${format}`);
    return { sha256, format, path, sizeBytes: (await stat(path)).size };
  }

  /** Copies a kernel (and initrd) into `<dir>/kernels/`, named by checksum, for templates used offline. */
  async importKernel(kernel: string, initrd?: string): Promise<ImportedKernel> {
    await readable(kernel);
    if (initrd !== undefined) await readable(initrd);
    await mkdir(join(this.dir, 'kernels'), { recursive: true, mode: 0o755 });
    const kernelPath = await this.#store(kernel, join('kernels', `${await sha256Of(kernel)}.vmlinuz`));
    if (initrd === undefined) return { kernel: kernelPath };
    return {
      kernel: kernelPath,
      initrd: await this.#store(initrd, join('kernels', `${await sha256Of(initrd)}.initrd`)),
    };
  }

  /** Copy to a temporary name, make it read-only, rename: the final name only ever holds a whole file. */
  async #store(source: string, name: string): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o755 });
    const target = join(this.dir, name);
    try {
      await access(target);
      return target; // same checksum: the same bytes are already here
    } catch {
      // not cached yet
    }
    const temporary = `${target}.import-${process.pid}`;
    try {
      await copyFile(source, temporary, constants.COPYFILE_FICLONE);
      await chmod(temporary, 0o444);
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return target;
  }
}

async function readable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw vmError('importNotFound', { file });
  }
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
