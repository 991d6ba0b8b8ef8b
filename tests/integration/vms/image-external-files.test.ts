/**
 * Issue #16: an image must never put a host file under a guest's disk. A qcow2 can name a backing
 * file or an external data file (`data-file`), and qemu-img's format probe lets a file's own bytes
 * choose how it is read. Imports and downloads are inspected on the cached copy, in their known
 * format, under resource limits; anything naming another file is refused and nothing of it stays.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImageCache } from '../../../src/main/lab/images/image-cache';
import { imageInfo, qemuImgLimits } from '../../../src/main/lab/engines/libvirt/qemu-img';
import { runTool } from '../../../src/main/lab/engines/libvirt/tools';

const run = promisify(execFile);
const keyOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: { key?: string }) => error.key,
  );

describe('images that name other files', () => {
  let work: string;
  let cacheDir: string;
  let cache: ImageCache;
  /** A host file the attacker wants as the guest's disk. */
  let secret: string;
  let withDataFile: string;
  let withBackingFile: string;
  const served: Record<string, Buffer> = {};
  let server: Server;
  let base = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'twinlab-it-external-'));
    secret = join(work, 'secret.raw');
    await writeFile(secret, Buffer.alloc(1024 * 1024, 'host secret '));
    withDataFile = join(work, 'data-file.qcow2');
    await run('qemu-img', [
      'create',
      '-q',
      '-f',
      'qcow2',
      '-o',
      `data_file=${secret},data_file_raw=on`,
      withDataFile,
      '1M',
    ]);
    withBackingFile = join(work, 'backing.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', secret, '-F', 'raw', withBackingFile]);
    served['/data-file.qcow2'] = await readFile(withDataFile);
    served['/backing.qcow2'] = await readFile(withBackingFile);
    server = createServer((req, res) => {
      const bytes = served[req.url ?? ''];
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(bytes.length) }).end(bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await rm(work, { recursive: true, force: true });
  });
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'twinlab-it-external-cache-'));
    cache = new ImageCache(cacheDir);
  });
  afterEach(() => rm(cacheDir, { recursive: true, force: true }));

  it('refuses to import a qcow2 with an external data file, and keeps nothing', async () => {
    expect(await keyOf(cache.importDisk(withDataFile))).toBe('vms.error.imageHasDataFile');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('refuses to import a qcow2 with a backing file, and keeps nothing', async () => {
    expect(await keyOf(cache.importDisk(withBackingFile))).toBe('vms.error.imageHasBackingFile');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('refuses a downloaded qcow2 with a data file or a backing file, even with the right checksum', async () => {
    for (const [path, key] of [
      ['/data-file.qcow2', 'vms.error.imageHasDataFile'],
      ['/backing.qcow2', 'vms.error.imageHasBackingFile'],
    ] as const) {
      const sha256 = createHash('sha256')
        .update(served[path] ?? Buffer.alloc(0))
        .digest('hex');
      expect(await keyOf(cache.ensure({ url: `${base}${path}`, sha256, format: 'qcow2' }))).toBe(key);
      expect(await cache.find({ algorithm: 'sha256', hex: sha256 }, 'qcow2')).toBeUndefined();
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('never lets qemu-img probe an import: a VMDK descriptor naming a host file is refused unread', async () => {
    const descriptor = join(work, 'disk.img');
    await writeFile(
      descriptor,
      `# Disk DescriptorFile\nversion=1\nCID=fffffffe\nparentCID=ffffffff\ncreateType="monolithicFlat"\n` +
        `RW 2048 FLAT "${secret}" 0\n`,
    );
    expect(await keyOf(cache.importDisk(descriptor))).toBe('vms.error.imageUnsupportedFormat');
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('runs qemu-img under resource limits that really bind', async () => {
    // The limits in use let qemu-img work ...
    expect((await imageInfo(withBackingFile, 'qcow2')).backingFile).toBe(secret);
    expect(qemuImgLimits).toContain('--as=1073741824');
    // ... and the same mechanism with a tiny address space stops it: the limit is enforced.
    const starved = runTool('qemu-img', ['info', '-f', 'qcow2', withBackingFile], {
      limits: ['--as=8388608'],
    });
    expect(await keyOf(starved)).toBe('vms.error.toolFailed');
  });
});
