import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { loadImageArchive, sharedImageArchive } from '../../../src/main/lab/sharing/share-client';
import type { ApiError } from '../../../src/shared/errors';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const sharedTag = `tl-share-test/busybox:${process.pid}`;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A free port at or above 1024, as share.start accepts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * "Share my images" on the real engines: what the templates name and this computer holds is served
 * read-only, at mirror paths, with checksum files made from verified digests; nothing else.
 */
describe.skipIf(gate.skip)('Share my images, served from a real lab', () => {
  let lab: Lab;
  let client: LabClient;
  let upstream: Server;
  let templates: string;
  let kernel: Buffer;
  let kernelSha: string;
  let base: string;
  let share: string;

  beforeAll(async () => {
    kernel = await readFile(join(fixturesDir, 'microvm/vmlinuz'));
    kernelSha = createHash('sha256').update(kernel).digest('hex');
    upstream = createServer((req, res) => {
      if (req.url === '/noble/unpacked/vmlinuz-generic') res.end(kernel);
      else if (req.url === '/noble/SHA256SUMS') res.end(`${kernelSha} *unpacked/vmlinuz-generic\n`);
      else res.writeHead(404).end();
    });
    base = `http://127.0.0.1:${await listen(upstream)}/noble`;
    await run('docker', ['tag', 'twinlab-fixture/busybox:1', sharedTag]);
    templates = await mkdtemp(join(tmpdir(), 'twinlab-share-templates-'));
    await writeFile(
      join(templates, 'shared.yaml'),
      `id: it-shared-twin
name: it-shared-twin
container:
  image: ${sharedTag}
  shell: /bin/sh
vm:
  memoryMiB: 256
  userland:
    kernel:
      url: ${base}/unpacked/vmlinuz-generic
      checksums: ${base}/SHA256SUMS
`,
    );
    ({ lab, client } = await startTestLab('docker', {
      TWINLAB_EXTRA_TEMPLATES: templates,
      TWINLAB_SHARE_HOST: '127.0.0.1',
      // This test is the publisher: the machine's mirror (a lab host has one) must not stand in for it.
      XDG_CONFIG_DIRS: join(templates, 'no-machine-settings'),
      XDG_CONFIG_HOME: join(templates, 'no-user-settings'),
    }));
    // Prepare for offline fetches the kernel into the cache, as an instructor would before a session.
    const report = await client.call('lessons.prepare', {
      templateId: 'it-shared-twin',
      operationId: 'share-prep',
    });
    expect(report.ready).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await client?.call('share.stop', {}).catch(() => undefined);
    client?.close();
    await lab?.dispose();
    if (upstream?.listening) upstream.close();
    await run('docker', ['rmi', sharedTag]).catch(() => undefined);
    await rm(templates, { recursive: true, force: true });
  }, 60_000);

  it('is off until asked, then lists the cached kernel and the loaded image', async () => {
    expect(await client.call('share.status', {})).toMatchObject({ running: false, urls: [] });
    const port = await freePort();
    const status = await client.call('share.start', { port });
    expect(status).toMatchObject({ running: true, port, urls: [`http://127.0.0.1:${port}/`] });
    share = `http://127.0.0.1:${port}`;
    const index = (await (await fetch(`${share}/twinlab/share.json`)).json()) as {
      artifacts: { path: string; url: string; bytes: number }[];
      images: { image: string; path: string }[];
    };
    const kernelPath = new URL(`${base}/unpacked/vmlinuz-generic`).pathname;
    expect(index.artifacts).toContainEqual({
      path: `/127.0.0.1:${new URL(base).port}${kernelPath}`,
      url: `${base}/unpacked/vmlinuz-generic`,
      bytes: kernel.length,
    });
    expect(index.images.map((entry) => entry.image)).toContain(sharedTag);
  });

  it('serves the kernel at its mirror path, resumable, with a checksum file made from the verified digest', async () => {
    const mirrorBase = `${share}/127.0.0.1:${new URL(base).port}/noble`;
    const whole = Buffer.from(await (await fetch(`${mirrorBase}/unpacked/vmlinuz-generic`)).arrayBuffer());
    expect(createHash('sha256').update(whole).digest('hex')).toBe(kernelSha);
    const tail = await fetch(`${mirrorBase}/unpacked/vmlinuz-generic`, { headers: { range: 'bytes=1000-' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(kernel.subarray(1000))).toBe(true);
    expect(await (await fetch(`${mirrorBase}/SHA256SUMS`)).text()).toBe(
      `${kernelSha} *unpacked/vmlinuz-generic\n`,
    );
  });

  it('serves nothing else: other paths are 404, writes are refused', async () => {
    for (const path of [
      '/etc/passwd',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/shadow',
      '/twinlab/images/alpine.tar',
    ]) {
      const response = await fetch(`${share}${path}`);
      await response.body?.cancel();
      expect(response.status, path).toBe(404);
    }
    expect((await fetch(`${share}/twinlab/share.json`, { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('offers the image as a docker save archive that Docker loads back, tags included', async () => {
    const archive = await sharedImageArchive(`${share}/`, sharedTag);
    expect(archive?.href).toBe(`${share}/twinlab/images/${encodeURIComponent(sharedTag)}.tar`);
    const bytes = Buffer.from(await (await fetch(archive as URL)).arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1_000_000);
    // One Docker here, so the receiver is this one with the tag removed (the fixture image stays).
    await run('docker', ['rmi', sharedTag]);
    await loadImageArchive(new Docker(), Readable.from([bytes]), sharedTag);
    const { stdout } = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', sharedTag]);
    const { stdout: fixture } = await run('docker', [
      'image',
      'inspect',
      '--format',
      '{{.Id}}',
      'twinlab-fixture/busybox:1',
    ]);
    expect(stdout.trim()).toBe(fixture.trim());
    expect(await sharedImageArchive(`${share}/`, 'not-shared/image:1')).toBeUndefined();
    expect(await sharedImageArchive(base, sharedTag)).toBeUndefined(); // not a share: a plain mirror
  }, 60_000);

  it('lets a second Twinlab, with its own cache and the share as its only mirror, create the same twin', async () => {
    // The publisher goes away: whatever the second lab downloads now can only come from the share.
    await new Promise((resolve) => upstream.close(resolve));
    const state = await mkdtemp(join('/var/lib', 'twinlab-share-b-'));
    const home = await mkdtemp(join(tmpdir(), 'twinlab-share-b-home-'));
    const second = await startTestLab('libvirt', {
      TWINLAB_EXTRA_TEMPLATES: templates,
      TWINLAB_MIRROR: `${share}/`,
      TWINLAB_STATE_DIR: state,
      XDG_CONFIG_DIRS: join(home, 'no-machine-settings'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
    });
    const name = `tl-share-b-${process.pid}`;
    try {
      const twin = await second.client.call('twins.create', {
        templateId: 'it-shared-twin',
        name,
        sandbox: 'off',
        operationId: 'share-b',
      });
      const vm = twin.guests.find((guest) => guest.kind === 'vm');
      if (!vm) throw new Error('no VM in the twin');
      await second.client.waitFor(
        () => second.client.of('vm.booted').some((boot) => boot.id === vm.id),
        'the VM to boot',
        120_000,
      );
      const downloaded = second.client
        .of('operation.progress')
        .filter((p) => p.operationId === 'share-b' && p.step === 'downloading-kernel' && p.download);
      expect(downloaded.at(-1)?.download?.receivedBytes).toBe(kernel.length);
      // The second lab's own cache holds the kernel, verified against the share's checksum file.
      const { stdout } = await run('sha256sum', [join(state, 'images', `${kernelSha}.vmlinuz`)]);
      expect(stdout.split(' ')[0]).toBe(kernelSha);
      for (const guest of twin.guests)
        await second.client.call(guest.kind === 'vm' ? 'vms.action' : 'containers.action', {
          id: guest.id,
          action: 'remove',
        });
    } finally {
      second.client.close();
      await second.lab.dispose();
      await rm(state, { recursive: true, force: true });
      await rm(home, { recursive: true, force: true });
    }
  }, 180_000);

  it('says so when the port is taken, and stops when asked', async () => {
    const blocker = createServer();
    const taken = await listen(blocker);
    await client.call('share.stop', {});
    const error = (await client.call('share.start', { port: taken }).catch((e: unknown) => e)) as ApiError;
    blocker.close();
    expect(error.key).toBe('share.error.portInUse');
    expect((await client.call('share.status', {})).running).toBe(false);
    await expect(fetch(`${share}/twinlab/share.json`)).rejects.toThrow();
  });
});
