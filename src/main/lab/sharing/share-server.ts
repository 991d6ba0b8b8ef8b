import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { ApiError } from '@shared/errors';
import type { Catalog } from '@shared/template';
import { asReadable } from '../engines/docker/readable';
import type { Logger } from '../log';
import type { ImageCache } from '../images/image-cache';
import { imageArchivePath, SHARE_INDEX_PATH, sharePlan, type SharedArtifact } from './share-plan';

export interface ShareServerDeps {
  catalog: () => Promise<Catalog>;
  images: Pick<ImageCache, 'cached'>;
  docker: () => Docker;
  log?: Logger;
}

/** What a share offers right now: only what is cached or loaded on this computer. */
export interface ShareIndex {
  version: 1;
  artifacts: { path: string; url: string; bytes: number }[];
  images: { image: string; path: string }[];
}

/**
 * "Share my images": a read-only HTTP server for a workshop room. It serves the cached downloads
 * the templates name at their mirror paths (with checksum files made from the verified digests),
 * and the templates' container images as `docker save` archives. Any other path is 404, any other
 * method 405: it can read nothing but what the plan lists.
 */
export class ShareServer {
  #server: Server | undefined;

  constructor(private readonly deps: ShareServerDeps) {}

  get port(): number | undefined {
    return (this.#server?.address() as AddressInfo | null)?.port;
  }

  async start(port: number, host = '0.0.0.0'): Promise<number> {
    if (this.#server) return this.port ?? port;
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.deps.log?.warn(`share: ${req.url ?? ''} failed`, error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new ApiError(
                'conflict',
                'share.error.portInUse',
                `Port ${port} is already in use on this computer, so Twinlab cannot share its images there. Choose another port, or stop the program using it.`,
                { port },
              )
            : error,
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.#server = server;
    return this.port ?? port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async index(): Promise<ShareIndex> {
    const plan = sharePlan(await this.deps.catalog());
    const artifacts: ShareIndex['artifacts'] = [];
    for (const shared of plan.artifacts) {
      const cached = await this.deps.images.cached(shared.artifact);
      if (cached)
        artifacts.push({
          path: shared.path,
          url: shared.artifact.url,
          bytes: (await stat(cached.path)).size,
        });
    }
    const images: ShareIndex['images'] = [];
    for (const image of plan.images) {
      if (await this.#hasImage(image)) images.push({ image, path: imageArchivePath(image) });
    }
    return { version: 1, artifacts, images };
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://share').pathname;
    if (path === SHARE_INDEX_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(await this.index()));
      return;
    }
    const plan = sharePlan(await this.deps.catalog());
    const artifact = plan.artifacts.find((shared) => shared.path === path);
    if (artifact) return this.#sendArtifact(artifact, req, res);
    const checksums = plan.checksums.find((file) => file.path === path);
    if (checksums) {
      const lines: string[] = [];
      for (const { name, artifact: listed } of checksums.entries) {
        const cached = await this.deps.images.cached(listed.artifact);
        if (cached) lines.push(`${cached.digest.hex} *${name}`);
      }
      res.writeHead(lines.length > 0 ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(req.method === 'HEAD' ? undefined : lines.map((line) => `${line}\n`).join(''));
      return;
    }
    const image = plan.images.find((name) => imageArchivePath(name) === path);
    if (image && (await this.#hasImage(image))) {
      res.writeHead(200, { 'content-type': 'application/x-tar' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      await pipeline(asReadable(await this.deps.docker().getImage(image).get()), res);
      return;
    }
    res.writeHead(404).end();
  }

  /** The cached file, whole or from a byte offset (a receiver resuming an interrupted download). */
  async #sendArtifact(shared: SharedArtifact, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cached = await this.deps.images.cached(shared.artifact);
    if (!cached) {
      res.writeHead(404).end();
      return;
    }
    const size = (await stat(cached.path)).size;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start >= size && size > 0) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    res.writeHead(range ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size - start),
      'accept-ranges': 'bytes',
      ...(range && { 'content-range': `bytes ${start}-${size - 1}/${size}` }),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(createReadStream(cached.path, { start }), res);
  }

  async #hasImage(image: string): Promise<boolean> {
    return this.deps
      .docker()
      .getImage(image)
      .inspect()
      .then(
        () => true,
        () => false,
      );
  }
}
