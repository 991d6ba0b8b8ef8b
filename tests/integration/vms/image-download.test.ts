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
import { ImageCache } from '../../../src/main/lab/images/image-cache';
import type { TransferProgress } from '../../../src/main/lab/images/transfer-meter';

const run = promisify(execFile);
const SIZE = 3 * 1024 * 1024 + 123; // odd size: ranges must be exact
// A real (empty) qcow2 padded with random bytes: the cache inspects every download with qemu-img.
const body = await qcow2PaddedTo(SIZE);
const sha256 = createHash('sha256').update(body).digest('hex');
const sha512 = createHash('sha512').update(body).digest('hex');
const digest = { algorithm: 'sha256' as const, hex: sha256 };

/** Checksum files the server answers with, by path (upstream projects publish these beside images). */
let checksumFiles: Record<string, string> = {};

type Mode = 'normal' | 'drop-halfway-once' | 'drop-halfway-always' | 'slow';
let mode: Mode = 'normal';
let requests: { range?: string }[] = [];
let server: Server;
let base = '';

/** Serves `body` at /image.qcow2 with byte ranges, and misbehaves on request. */
function startServer(): Promise<void> {
  server = createServer((req, res) => {
    requests.push({ ...(req.headers.range && { range: req.headers.range }) });
    const listing = checksumFiles[req.url ?? ''];
    if (listing !== undefined) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(listing);
      return;
    }
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
    expect(await cache.find({ algorithm: 'sha256', hex: wrong }, 'qcow2')).toBeUndefined();
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
    const partSize = (await stat(cache.partPathOf(digest))).size;
    expect(partSize).toBeGreaterThan(0);
    expect(await cache.find(digest, 'qcow2')).toBeUndefined();

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
    await cache.discardPartial(digest);
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

describe('images verified against an upstream checksum file', () => {
  freshCachePerTest();
  const image = (checksums: string) => ({
    url: `${base}/image.qcow2`,
    checksums: `${base}${checksums}`,
    format: 'qcow2' as const,
  });

  it('downloads and verifies against a SHA256SUMS line (GNU, binary mode)', async () => {
    checksumFiles['/SHA256SUMS'] = `${'0'.repeat(64)}  other.img\n${sha256} *image.qcow2\n`;
    const path = await cache.ensure(image('/SHA256SUMS'));
    expect(path).toBe(join(cacheDir, `${sha256}.qcow2`));
    expect((await readFile(path)).equals(body)).toBe(true);
  });

  it('verifies with SHA-512 when the project only publishes SHA512SUMS', async () => {
    checksumFiles['/SHA512SUMS'] = `${sha512}  image.qcow2\n`;
    const path = await cache.ensure(image('/SHA512SUMS'));
    expect(path).toBe(join(cacheDir, `sha512-${sha512}.qcow2`));
    expect((await cache.list()).map((entry) => entry.digest)).toEqual([{ algorithm: 'sha512', hex: sha512 }]);
  });

  it("reads Fedora's signed BSD-style CHECKSUM file", async () => {
    checksumFiles['/CHECKSUM'] = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      '# image.qcow2: 3145851 bytes',
      `SHA256 (image.qcow2) = ${sha256}`,
      '-----BEGIN PGP SIGNATURE-----',
    ].join('\n');
    expect(await cache.ensure(image('/CHECKSUM'))).toBe(join(cacheDir, `${sha256}.qcow2`));
  });

  it('refuses a wrong hash in the checksum file and keeps no cache entry', async () => {
    checksumFiles['/SHA256SUMS'] = `${'e'.repeat(64)}  image.qcow2\n`;
    const error = await cache.ensure(image('/SHA256SUMS')).catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.imageChecksumMismatch');
    expect((error as ApiError).message).toContain('SHA-256');
    expect(await cache.list()).toEqual([]);
    expect((await readdir(cacheDir)).filter((name) => !name.startsWith('pins'))).toEqual([]);
  });

  it('refuses, without downloading, an image the checksum file does not list', async () => {
    checksumFiles['/SHA256SUMS'] = `${sha256}  other-image.qcow2\n`;
    const error = await cache.ensure(image('/SHA256SUMS')).catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.checksumNotListed');
    expect((error as ApiError).message).toContain('does not list image.qcow2');
    expect(requests).toHaveLength(1); // only the checksum file was fetched
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('says so when the file is listed only with MD5', async () => {
    checksumFiles['/MD5SUMS'] = `${'a'.repeat(32)}  image.qcow2\n`;
    const error = await cache.ensure(image('/MD5SUMS')).catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.checksumUnsupported');
    expect((error as ApiError).params).toMatchObject({ algorithms: 'MD5' });
    expect(await cache.list()).toEqual([]);
  });

  it('uses the cached image offline, once the checksum file was read before', async () => {
    checksumFiles['/SHA256SUMS'] = `${sha256}  image.qcow2\n`;
    const path = await cache.ensure(image('/SHA256SUMS'));
    checksumFiles = {}; // the checksum file cannot be read any more (404)
    expect(await cache.ensure(image('/SHA256SUMS'))).toBe(path);
    // Another image whose checksum file was never read is refused, not trusted.
    const never = await cache
      .ensure({ ...image('/SHA256SUMS'), url: `${base}/image.qcow2?v=2` })
      .catch((e: unknown) => e);
    expect((never as ApiError).key).toBe('vms.error.checksumFileUnreachable');
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
      expect(await cache.find(imported.digest, 'qcow2')).toBe(imported.path);
      expect((await cache.list()).map((image) => image.digest.hex)).toEqual([imported.sha256]);
    } finally {
      await rm(source, { force: true });
    }
  });

  it('imports a raw disk (partition table) and refuses one with a backing file', async () => {
    const raw = join(cacheDir, 'disk.img');
    const disk = Buffer.alloc(1024 * 1024);
    disk.writeUInt16LE(0xaa55, 510); // the MBR boot signature
    await writeFile(raw, disk);
    expect((await cache.importDisk(raw)).format).toBe('raw');
    const overlay = join(cacheDir, 'overlay.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', raw, '-F', 'raw', overlay]);
    const error = await cache.importDisk(overlay).catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.imageHasBackingFile');
  });

  it('refuses, before copying anything, a file that is no disk, no kernel or no initrd', async () => {
    const text = join(cacheDir, 'notes.txt');
    await writeFile(text, 'hello\n');
    const keyOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'imported',
        (e: ApiError) => e.key,
      );
    expect(await keyOf(cache.importDisk(text))).toBe('vms.error.importNotDiskImage');
    expect(await keyOf(cache.importKernel(text))).toBe('vms.error.importNotKernel');
    expect(await keyOf(cache.importDisk(join(cacheDir, 'nope.qcow2')))).toBe('vms.error.importNotFound');
    expect(await keyOf(cache.importDisk(cacheDir))).toBe('vms.error.importNotAFile');
    const kernel = join(cacheDir, 'vmlinuz');
    await writeFile(kernel, bzImageLike());
    expect(await keyOf(cache.importKernel(kernel, text))).toBe('vms.error.importNotInitrd');
    const full = new ImageCache(cacheDir, async () => 1024);
    expect(await keyOf(full.importKernel(kernel))).toBe('vms.error.imageTooLarge');
    expect((await readdir(cacheDir)).sort()).toEqual(['notes.txt', 'vmlinuz']);
  });

  it('cancels an import half way and keeps nothing of it', async () => {
    const source = join(cacheDir, 'big.img');
    const disk = randomBytes(32 * 1024 * 1024);
    disk.writeUInt16LE(0xaa55, 510);
    await writeFile(source, disk);
    const controller = new AbortController();
    const error = await cache
      .importDisk(source, { signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('vms.error.importCancelled');
    expect(await readdir(cacheDir)).toEqual(['big.img']);
  });

  it('imports a kernel and initrd, named by checksum, reporting copy progress', async () => {
    const kernel = join(cacheDir, 'vmlinuz-src');
    const initrd = join(cacheDir, 'initrd-src');
    await writeFile(kernel, bzImageLike());
    await writeFile(initrd, Buffer.concat([Buffer.from([0x1f, 0x8b]), randomBytes(4096)]));
    const progress: TransferProgress[] = [];
    const imported = await cache.importKernel(kernel, initrd, { onProgress: (p) => progress.push(p) });
    expect(imported.kernel).toMatch(/kernels\/[0-9a-f]{64}\.vmlinuz$/);
    expect(imported.initrd).toMatch(/kernels\/[0-9a-f]{64}\.initrd$/);
    expect(imported.kernel).toContain(imported.kernelSha256);
    expect(imported.created).toEqual([imported.kernel, imported.initrd]);
    expect(await readFile(imported.kernel)).toEqual(bzImageLike());
    expect(progress.at(-1)?.receivedBytes).toBe(4098);
    // The same bytes again: nothing new, so nothing an undo could remove.
    expect((await cache.importKernel(kernel, initrd)).created).toEqual([]);
  });
});

async function qcow2PaddedTo(size: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'twinlab-it-qcow2-'));
  try {
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', join(dir, 'empty.qcow2'), '64M']);
    const qcow2 = await readFile(join(dir, 'empty.qcow2'));
    return Buffer.concat([qcow2, randomBytes(size - qcow2.length)]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first bytes of an x86 bzImage: the boot protocol's "HdrS" magic at 0x202. */
function bzImageLike(): Buffer {
  const kernel = Buffer.alloc(4096);
  kernel.write('HdrS', 0x202, 'latin1');
  return kernel;
}

/** A fresh, empty cache folder and a well-behaved server for every test. */
function freshCachePerTest(): void {
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'twinlab-it-images-'));
    cache = new ImageCache(cacheDir);
  });
  afterEach(async () => {
    mode = 'normal';
    requests = [];
    checksumFiles = {};
    await rm(cacheDir, { recursive: true, force: true });
  });
}
