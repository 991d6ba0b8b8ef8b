import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ImageCache, type CacheArtifact } from '../../../src/main/lab/images/image-cache';

/** The lab host's HTTP mirror (scripts/build-mirror.sh) and what it holds. */
const mirror = 'http://127.0.0.1:8787';
const mirrorDir = '/var/lib/twinlab/mirror';
const release = 'cloud-images.ubuntu.com/releases/noble/release';
const kernelPath = `${release}/unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic`;

const mirrorAnswers = await fetch(`${mirror}/${release}/SHA256SUMS`, {
  signal: AbortSignal.timeout(3000),
}).then(
  // Cancelled, not left paused: see nodejs/undici#5360 (BusyBox httpd closes after each response).
  async (response) => {
    await response.body?.cancel();
    return response.ok;
  },
  () => false,
);
if (!mirrorAnswers && process.env['CI'])
  throw new Error(`CI requires the local HTTP mirror at ${mirror}: run scripts/build-mirror.sh`);
if (!mirrorAnswers) console.warn(`SKIPPED: no HTTP mirror at ${mirror}; run scripts/build-mirror.sh`);

/** The kernel artifact exactly as the built-in Debian same-userland twin names it. */
async function builtinKernel(): Promise<CacheArtifact> {
  const template = parse(
    await readFile(join(import.meta.dirname, '../../../resources/templates/debian-twin.yaml'), 'utf8'),
  ) as { vm: { userland: { kernel: { url: string; checksums: string } } } };
  return { ...template.vm.userland.kernel, format: 'vmlinuz' };
}

describe.skipIf(!mirrorAnswers)('downloads through the HTTP mirror', () => {
  let dir: string;
  let liar: Server;
  let liarUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tl-http-mirror-'));
    // A throwaway mirror: the real kernel bytes, but a SHA256SUMS that lists another digest for them.
    const kernel = await readFile(join(mirrorDir, kernelPath));
    const wrong = createHash('sha256').update('not the kernel').digest('hex');
    liar = createServer((request, response) => {
      if (request.url === `/${release}/SHA256SUMS`)
        response.end(`${wrong} *unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic\n`);
      else if (request.url === `/${kernelPath}`) response.end(kernel);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => liar?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  const cacheAt = async (name: string, httpMirror: string) =>
    new ImageCache(join(dir, name), undefined, undefined, async () => httpMirror);
  const everything = async (folder: string) =>
    (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);

  it('fetches the built-in twin’s kernel and its checksum file from the mirror, verified', async () => {
    const cache = await cacheAt('good', mirror);
    const path = await cache.ensure(await builtinKernel());
    const served = await readFile(join(mirrorDir, kernelPath));
    expect(
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ).toBe(createHash('sha256').update(served).digest('hex'));
  });

  it('refuses a file whose checksum the mirror gets wrong, names the mirror, and caches nothing', async () => {
    const cache = await cacheAt('wrong', liarUrl);
    await expect(cache.ensure(await builtinKernel())).rejects.toMatchObject({
      code: 'bad-input',
      key: 'mirrors.error.checksum',
      message: expect.stringContaining(`The HTTP mirror ${liarUrl} served a file`),
    });
    expect(await everything(join(dir, 'wrong'))).toEqual([]);
  });

  it('refuses a mirror that does not answer, names it, and caches nothing', async () => {
    const cache = await cacheAt('silent', 'http://127.0.0.1:1');
    await expect(cache.ensure(await builtinKernel())).rejects.toMatchObject({
      key: 'mirrors.error.unreachable',
      message: expect.stringContaining('The HTTP mirror http://127.0.0.1:1 did not answer'),
    });
    expect(await everything(join(dir, 'silent'))).toEqual([]);
  });

  it('says the mirror does not have a file it lacks', async () => {
    const cache = await cacheAt('missing', liarUrl);
    const artifact = await builtinKernel();
    await expect(
      cache.ensure({ ...artifact, checksums: artifact.checksums?.replace('noble', 'jammy') }),
    ).rejects.toMatchObject({ key: 'mirrors.error.missing', message: expect.stringContaining(liarUrl) });
  });
});
