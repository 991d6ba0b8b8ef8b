/**
 * Cloud-image downloads against a real HTTP server on 127.0.0.1 (no internet here): checksum
 * refusal, resume after a dropped connection, cancel, and offline import.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import { ImageCache } from '../../../src/main/lab/vms/image-cache';
import type { TransferProgress } from '../../../src/main/lab/vms/transfer-meter';

const run = promisify(execFile);
const SIZE = 3 * 1024 * 1024 + 123; // odd size: ranges must be exact
const body = randomBytes(SIZE);
const sha256 = createHash('sha256').update(body).digest('hex');

type Mode = 'normal' | 'drop-halfway-once' | 'drop-halfway-always' | 'slow';
let mode: Mode = 'normal';
let requests: { range?: string }[] = [];
let server: Server;
let base = '';

/** Serves `body` at /image.qcow2 with byte ranges, and misbehaves on request. */
function startServer(): Promise<void> {
  server = createServer((req, res) => {
    requests.push({ ...(req.headers.range && { range: req.headers.range }) });
    if (req.url !== '/image.qcow2') {
      res.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    if (start >= SIZE) {
      res.writeHead(416, { 'content-range': `bytes */${SIZE}` }).end();
      return;
    }
    const slice = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      'content-length': String(slice.length),
      'accept-ranges': 'bytes',
      ...(range && { 'content-range': `bytes ${start}-${SIZE - 1}/${SIZE}` }),
    });
    const dropping =
      mode === 'drop-halfway-always' || (mode === 'drop-halfway-once' && requests.length === 1);
    if (dropping) {
      // Half of the file, flushed, then the connection dies mid-body.
      res.write(slice.subarray(0, Math.floor(slice.length / 2)), () =>
        setTimeout(() => res.socket?.destroy(), 50),
      );
      return;
    }
    if (mode === 'slow') {
      let offset = 0;
      const drip = setInterval(() => {
        if (res.destroyed || offset >= slice.length) {
          clearInterval(drip);
          res.end();
          return;
        }
        res.write(slice.subarray(offset, offset + 16 * 1024));
        offset += 16 * 1024;
      }, 20);
      res.on('close', () => clearInterval(drip));
      return;
    }
    res.end(slice);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

let cacheDir = '';
let cache: ImageCache;

beforeAll(startServer);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('image cache downloads', () => {
  freshCachePerTest();

  it('refuses a file whose checksum is wrong and leaves no cache entry and no part file', async () => {
    const wrong = 'f'.repeat(64);
    const error = await cache
      .ensure({ url: `${base}/image.qcow2`, sha256: wrong, format: 'qcow2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).key).toBe('vms.error.imageChecksumMismatch');
    expect((error as ApiError).params).toMatchObject({ expected: wrong, actual: sha256 });
    expect(await readdir(cacheDir)).toEqual([]);
    expect(await cache.find({ sha256: wrong, format: 'qcow2' })).toBeUndefined();
  });

  it('resumes with an HTTP Range request after the server drops the connection halfway', async () => {
    mode = 'drop-halfway-once';
    const progress: TransferProgress[] = [];
    const path = await cache.ensure(
      { url: `${base}/image.qcow2`, sha256, format: 'qcow2' },
      { onProgress: (p) => progress.push(p), retryDelayMs: 50, progressIntervalMs: 0 },
    );
    expect(requests[0]?.range).toBeUndefined();
    expect(requests[1]?.range).toMatch(/^bytes=\d+-$/);
    const resumedAt = Number(/bytes=(\d+)-/.exec(requests[1]?.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(SIZE / 4);
    expect(resumedAt).toBeLessThan(SIZE);
    expect(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ).toBe(sha256);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    expect(await readdir(cacheDir)).toEqual([`${sha256}.qcow2`]);
    const last = progress.at(-1);
    expect(last).toMatchObject({ receivedBytes: SIZE, totalBytes: SIZE, resumedFromBytes: resumedAt });
    expect(progress.some((p) => p.bytesPerSecond > 0)).toBe(true);
  });

  it('resumes in a later call what an earlier, failed call left behind', async () => {
    mode = 'drop-halfway-always';
    const image = { url: `${base}/image.qcow2`, sha256, format: 'qcow2' as const };
    const failed = await cache.ensure(image, { attempts: 1 }).catch((e: unknown) => e);
    expect((failed as ApiError).key).toBe('vms.error.downloadFailed');
    const partSize = (await stat(cache.partPathOf(sha256))).size;
    expect(partSize).toBeGreaterThan(0);
    expect(await cache.find(image)).toBeUndefined();

    mode = 'normal';
    requests = [];
    const path = await cache.ensure(image);
    expect(requests).toEqual([{ range: `bytes=${partSize}-` }]);
    expect(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ).toBe(sha256);
  });

  it('cancels through an AbortSignal, keeping the part for a later resume', async () => {
    mode = 'slow';
    const controller = new AbortController();
    const error = await cache
      .ensure(
        { url: `${base}/image.qcow2`, sha256, format: 'qcow2' },
        {
          signal: controller.signal,
          progressIntervalMs: 0,
          onProgress: (p) => p.receivedBytes > 64 * 1024 && controller.abort(),
        },
      )
      .catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.downloadCancelled');
    expect(await readdir(cacheDir)).toEqual([`${sha256}.part`]);
    await cache.discardPartial(sha256);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('reports an HTTP error status with the URL', async () => {
    const error = await cache
      .ensure({ url: `${base}/missing.qcow2`, sha256, format: 'qcow2' })
      .catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.downloadHttpStatus');
    expect((error as ApiError).params).toMatchObject({ status: '404 Not Found' });
  });
});

describe('image cache imports (offline use)', () => {
  freshCachePerTest();

  it('imports a local qcow2, detecting the format, read-only and named by checksum', async () => {
    const source = join(cacheDir, '..', `${cacheDir.split('/').at(-1)}-src.qcow2`);
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', source, '64M']);
    try {
      const imported = await cache.importDisk(source);
      expect(imported.format).toBe('qcow2');
      expect(imported.path).toBe(join(cacheDir, `${imported.sha256}.qcow2`));
      expect((await stat(imported.path)).mode & 0o777).toBe(0o444);
      expect(await cache.find({ sha256: imported.sha256, format: 'qcow2' })).toBe(imported.path);
      expect((await cache.list()).map((image) => image.sha256)).toEqual([imported.sha256]);
    } finally {
      await rm(source, { force: true });
    }
  });

  it('imports a raw image and refuses one with a backing file', async () => {
    const raw = join(cacheDir, 'disk.img');
    await writeFile(raw, Buffer.alloc(1024 * 1024));
    expect((await cache.importDisk(raw)).format).toBe('raw');
    const overlay = join(cacheDir, 'overlay.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', raw, '-F', 'raw', overlay]);
    const error = await cache.importDisk(overlay).catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.imageHasBackingFile');
  });

  it('imports a kernel and initrd', async () => {
    const kernel = join(cacheDir, 'vmlinuz-src');
    await writeFile(kernel, 'not really a kernel');
    const imported = await cache.importKernel(kernel);
    expect(imported.kernel).toMatch(/kernels\/[0-9a-f]{64}\.vmlinuz$/);
    expect(await readFile(imported.kernel, 'utf8')).toBe('not really a kernel');
  });
});

/** A fresh, empty cache folder and a well-behaved server for every test. */
function freshCachePerTest(): void {
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'twinlab-it-images-'));
    cache = new ImageCache(cacheDir);
  });
  afterEach(async () => {
    mode = 'normal';
    requests = [];
    await rm(cacheDir, { recursive: true, force: true });
  });
}
