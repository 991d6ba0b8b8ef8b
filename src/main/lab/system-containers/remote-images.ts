import { mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fetch as undiciFetch } from 'undici';
import type { z } from 'zod';
import { systemRemotes, type SystemSide } from '@shared/template';
import type { TransferProgress } from '@shared/vms';
import type { LxdClient } from '../engines/lxd/client';
import { LxdApiError } from '../engines/lxd/client';
import { downloadVerified } from '../images/download';
import { mirroredUrl } from '../images/mirrors';
import {
  findImage,
  imagesPath,
  productsSchema,
  streamArchitecture,
  streamIndexSchema,
  type StreamFile,
  type StreamImage,
} from '../images/simplestreams';
import type { Logger } from '../log';
import { uploadSplitImage } from './lxd-image-upload';
import { remoteImageError } from './remote-image-errors';

export type RemoteSystemSide = SystemSide & { remote: NonNullable<SystemSide['remote']> };

export interface RemoteImagesDeps {
  client: () => LxdClient;
  product: () => Promise<'LXD' | 'Incus'>;
  /** The HTTP mirror in use, read at every fetch: `<mirror>/HOST/PATH` stands in for `https://HOST/PATH`. */
  httpMirror: () => Promise<string | undefined>;
  /** Where the two files collect until LXD has imported them (kept when interrupted, to resume). */
  downloadDir: string;
  /** Node's name for this machine's architecture (process.arch). */
  arch?: string;
  log?: Logger;
}

export interface EnsureImageOptions {
  signal?: AbortSignal;
  onProgress?: (progress: TransferProgress) => void;
}

export function isRemote(system: SystemSide): system is RemoteSystemSide {
  return system.remote !== undefined;
}

/** The server's own address: a remote's name (images) or the URL the template gives. */
export function remoteServer(remote: RemoteSystemSide['remote']): string {
  return (remote === 'images' ? systemRemotes.images : remote).replace(/\/+$/, '');
}

/**
 * The alias a downloaded image has in LXD's store: the server's host and the alias there
 * (images.linuxcontainers.org/debian/12), the same whichever mirror it came through.
 */
export function localAlias(system: RemoteSystemSide): string {
  // The host name without a port: the lxc CLI reads a colon in an image name as REMOTE:ALIAS.
  return `${new URL(remoteServer(system.remote)).hostname}/${system.image}`;
}

/**
 * System container images from simplestreams servers (images.linuxcontainers.org and the like).
 * Twinlab reads the stream and downloads the two files itself, then imports them with
 * POST /1.0/images, instead of handing LXD the server in POST /1.0/instances: LXD accepts only
 * HTTPS simplestreams servers, and a workshop's HTTP mirror (BusyBox httpd, another Twinlab's
 * "Share my images") is plain HTTP. This way the mirror setting applies as it does to every other
 * download, the download resumes, shows progress, is verified against the stream's SHA-256 of each
 * file and can be cancelled, and LXD and Incus are served the same way. Once imported, the image
 * stays in LXD's store under its local alias and is used from there, offline too.
 */
export class RemoteSystemImages {
  readonly #inFlight = new Map<string, Promise<string>>();

  constructor(private readonly deps: RemoteImagesDeps) {}

  /** The local alias once the image is in LXD's store; downloads and imports it the first time. */
  ensure(system: RemoteSystemSide, options: EnsureImageOptions = {}): Promise<string> {
    const alias = localAlias(system);
    const running = this.#inFlight.get(alias);
    if (running) return running;
    const work = this.#ensure(system, alias, options).finally(() => this.#inFlight.delete(alias));
    this.#inFlight.set(alias, work);
    return work;
  }

  /** Whether LXD's store already holds the image (then creating needs no network). */
  async has(system: RemoteSystemSide): Promise<boolean> {
    return this.#exists(`/1.0/images/aliases/${encodeURIComponent(localAlias(system))}`);
  }

  async #ensure(system: RemoteSystemSide, alias: string, options: EnsureImageOptions): Promise<string> {
    if (await this.has(system)) return alias;
    const image = await this.find(system);
    const client = this.deps.client();
    if (!(await this.#exists(`/1.0/images/${image.fingerprint}`))) {
      const files = await this.#download(system, image, options);
      options.signal?.throwIfAborted();
      const fingerprint = await uploadSplitImage(client, files, options.signal);
      await Promise.all([unlink(files.metadata), unlink(files.rootfs)]).catch(() => undefined);
      if (fingerprint !== image.fingerprint) {
        await client.act('DELETE', `/1.0/images/${fingerprint}`).catch(() => undefined);
        throw remoteImageError('fingerprintMismatch', {
          product: await this.deps.product(),
          actual: fingerprint,
          expected: image.fingerprint,
        });
      }
    }
    await client.act('POST', '/1.0/images/aliases', {
      name: alias,
      target: image.fingerprint,
      description: `${image.description} from ${remoteServer(system.remote)} (Twinlab)`,
    });
    this.deps.log?.info(`imported ${alias} (${image.fingerprint.slice(0, 12)})`);
    return alias;
  }

  /** The newest container image for the template's alias and this machine, from the stream. */
  async find(system: RemoteSystemSide): Promise<StreamImage> {
    const base = await this.#base(system);
    const index = await this.#json(new URL('streams/v1/index.json', base).href, streamIndexSchema);
    const path = imagesPath(index.value);
    if (!path)
      throw remoteImageError('streamInvalid', { url: index.url, detail: 'it lists no image-downloads' });
    const products = await this.#json(new URL(path, base).href, productsSchema);
    const arch = streamArchitecture(this.deps.arch ?? process.arch);
    const image = findImage(products.value, system.image, arch);
    if (!image) throw remoteImageError('notOnServer', { server: base, image: system.image, arch });
    return image;
  }

  /** The server, or where the HTTP mirror holds its copy. Always ends in a slash. */
  async #base(system: RemoteSystemSide): Promise<string> {
    const server = `${remoteServer(system.remote)}/`;
    const mirror = await this.deps.httpMirror();
    return mirror === undefined ? server : mirroredUrl(mirror, server);
  }

  async #download(
    system: RemoteSystemSide,
    image: StreamImage,
    options: EnsureImageOptions,
  ): Promise<{ metadata: string; rootfs: string }> {
    await mkdir(this.deps.downloadDir, { recursive: true });
    const base = await this.#base(system);
    const fetchFile = async (file: StreamFile, report?: (progress: TransferProgress) => void) => {
      const finalPath = join(this.deps.downloadDir, `${file.sha256}.${file.path.split('/').pop() ?? 'file'}`);
      // Only verified bytes get this name: a run that stopped before the import left it usable.
      if (await isFile(finalPath)) return finalPath;
      await downloadVerified(
        {
          url: new URL(file.path, base).href,
          digest: { algorithm: 'sha256', hex: file.sha256 },
          partPath: join(this.deps.downloadDir, `${file.sha256}.part`),
          finalPath,
        },
        { ...(options.signal && { signal: options.signal }), ...(report && { onProgress: report }) },
      );
      return finalPath;
    };
    const metadata = await fetchFile(image.metadata);
    const rootfs = await fetchFile(image.rootfs, options.onProgress);
    return { metadata, rootfs };
  }

  async #json<Schema extends z.ZodType>(
    url: string,
    schema: Schema,
  ): Promise<{ url: string; value: z.output<Schema> }> {
    let body: unknown;
    try {
      // undici 8's fetch, like every download (see images/download.ts), and the body always read.
      const response = await undiciFetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`HTTP ${response.status}`);
      }
      body = await response.json();
    } catch (error) {
      const detail = error instanceof SyntaxError ? 'not JSON' : undefined;
      if (detail) throw remoteImageError('streamInvalid', { url, detail });
      throw remoteImageError('streamUnreachable', {
        url,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw remoteImageError('streamInvalid', {
        url,
        detail: parsed.error.issues[0]?.message ?? 'unexpected content',
      });
    return { url, value: parsed.data };
  }

  async #exists(path: string): Promise<boolean> {
    return this.deps
      .client()
      .get(path)
      .then(
        () => true,
        (error: unknown) =>
          error instanceof LxdApiError && error.status === 404 ? false : Promise.reject(error),
      );
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
