import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import type { ConsoleTarget } from '../../../src/shared/consoles';
import type { ApiError } from '../../../src/shared/errors';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { labVmStorage } from '../../support/lab-storage';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { removeLeftovers, stopTwinLab } from '../../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-ul-${process.pid}`;
const noShellImage = 'twinlab-test/no-shell:1';

const target = (guest: Guest): ConsoleTarget =>
  guest.kind === 'vm' ? { kind: 'vm', guestId: guest.id } : { kind: 'container', guestId: guest.id };

/** Serves Debian's cloud kernel (the fixtures' copy) with a SHA256SUMS, as a kernel's publisher does. */
async function serveKernel(): Promise<{ server: Server; base: string; sha256: string }> {
  const kernel = await readFile(join(fixturesDir, 'microvm/vmlinuz'));
  const sha256 = createHash('sha256').update(kernel).digest('hex');
  const sums = `${sha256} *unpacked/vmlinuz-generic\n`;
  const server = createServer((req, res) => {
    if (req.url === '/release/unpacked/vmlinuz-generic') res.end(kernel);
    else if (req.url === '/release/SHA256SUMS') res.end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, sha256, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/release` };
}

function userlandTemplate(id: string, image: string, base: string, memoryMiB = 256): string {
  return `id: ${id}
name: ${id}
container:
  image: ${image}
  shell: /bin/sh
  memoryMiB: 64
vm:
  memoryMiB: ${memoryMiB}
  userland:
    kernel:
      url: ${base}/unpacked/vmlinuz-generic
      checksums: ${base}/SHA256SUMS
`;
}

/**
 * Same-userland twins on the real engines: the VM boots the container image's own files with a
 * downloaded, verified kernel; only the kernel and the virtualization differ.
 */
describe.skipIf(gate.skip)('a same-userland twin on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let twin: TwinCreated | undefined;
  let kernelServer: Server;
  let templates: string;
  const role = (name: 'container' | 'sandbox' | 'vm') => {
    const guest = twin?.guests.find((g) => g.name === `${prefix}-${name}`);
    if (!guest) throw new Error(`no ${name} in the twin`);
    return guest;
  };

  beforeAll(async () => {
    await removeLeftovers(prefix);
    const served = await serveKernel();
    kernelServer = served.server;
    // A kernel an earlier run cached would hide the download this test watches.
    await rm(join(labVmStorage.images, `${served.sha256}.vmlinuz`), { force: true });
    templates = await mkdtemp(join(tmpdir(), 'twinlab-userland-templates-'));
    await writeFile(
      join(templates, 'ul.yaml'),
      userlandTemplate('it-userland', 'twinlab-fixture/busybox:1', served.base),
    );
    await writeFile(join(templates, 'ns.yaml'), userlandTemplate('it-no-shell', noShellImage, served.base));
    // 64 MiB cannot hold even BusyBox's 2 MB of files unpacked beside the archive and a kernel.
    await writeFile(
      join(templates, 'small.yaml'),
      userlandTemplate('it-too-small', 'twinlab-fixture/busybox:1', served.base, 64),
    );
    // An image with a file but no shell: what a distroless image looks like to Twinlab.
    await run('sh', [
      '-c',
      `d=$(mktemp -d) && echo hi > "$d/hello" && tar -C "$d" -c . | docker import - ${noShellImage} && rm -rf "$d"`,
    ]);
    // This test is the publisher: the machine's mirror (a lab host has one) must not stand in for it.
    ({ lab, client } = await startTestLab('libvirt', {
      TWINLAB_EXTRA_TEMPLATES: templates,
      XDG_CONFIG_DIRS: join(templates, 'no-machine-settings'),
      XDG_CONFIG_HOME: join(templates, 'no-user-settings'),
    }));
  }, 60_000);

  afterAll(async () => {
    await stopTwinLab(prefix, { lab, client }, twin?.guests ?? []);
    kernelServer.close();
    await run('docker', ['rmi', '-f', noShellImage]).catch(() => undefined);
    await rm(templates, { recursive: true, force: true });
  }, 60_000);

  it('downloads the kernel, packs the image and boots it, with the steps in the progress', async () => {
    twin = await client.call('twins.create', {
      templateId: 'it-userland',
      name: prefix,
      operationId: 'ul-1',
    });
    expect(twin.guests.map((g) => g.runtime)).toEqual(['runc', 'runsc', 'qemu-tcg']);
    const vmSteps = client
      .of('operation.progress')
      .filter((p) => p.operationId === 'ul-1' && p.part === 'vm')
      .map((p) => p.step);
    expect(vmSteps).toEqual(
      expect.arrayContaining(['downloading-kernel', 'packing-rootfs', 'defining', 'booting']),
    );
    expect(
      client
        .of('operation.progress')
        .some((p) => p.part === 'vm' && (p.download?.receivedBytes ?? 0) > 1_000_000),
    ).toBe(true);
    await client.waitFor(
      () => client.of('vm.booted').some((b) => b.id === role('vm').id),
      'the VM to boot',
      120_000,
    );
    const boot = client.of('vm.booted').find((b) => b.id === role('vm').id);
    console.log(`same-userland BusyBox VM ready in ${boot?.readyMs} ms`);
  }, 180_000);

  it('runs the very same files in both, under two different kernels', async () => {
    const guests = [role('container'), role('vm')];
    const ask = async (command: string) =>
      (await client.call('console.run', { targets: guests.map(target), command, timeoutMs: 20_000 })).map(
        (r) => {
          expect(r.ok, `${command}: ${JSON.stringify(r)}`).toBe(true);
          return r.output.trim();
        },
      );
    const [containerBusybox, vmBusybox] = await ask('md5sum /bin/busybox');
    expect(vmBusybox).toMatch(/^[0-9a-f]{32} /);
    expect(vmBusybox).toBe(containerBusybox);
    const [containerKernel, vmKernel] = await ask('uname -r');
    expect(containerKernel).toBe(release());
    expect(vmKernel).not.toBe(release());
    expect(vmKernel).toMatch(/cloud-amd64$/);
    const [, vmInit] = await ask('cat /proc/1/comm');
    expect(vmInit).toBe('init');
    const [, vmHost] = await ask('hostname');
    expect(vmHost).toBe(`${prefix}-vm`);
    const [containerEnv, vmEnv] = await ask('ls -a / | grep -c dockerenv');
    expect([containerEnv, vmEnv]).toEqual(['1', '0']);
  }, 90_000);

  it('refuses an image without a shell with a sentence, and leaves nothing behind', async () => {
    const name = `${prefix}-ns`;
    const error = (await client
      .call('twins.create', { templateId: 'it-no-shell', name, operationId: 'ul-2' })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.key).toBe('vms.error.userlandNoShell');
    expect(error.message).toContain(noShellImage);
    expect((await client.call('guests.list', {})).filter((g) => g.name.startsWith(`${name}-`))).toEqual([]);
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', 'label=io.twinlab.rootfs-export']);
    expect(stdout.trim()).toBe('');
  }, 90_000);

  it('refuses a VM too small to hold the image in memory, naming the memory it needs', async () => {
    const name = `${prefix}-small`;
    const error = (await client
      .call('twins.create', { templateId: 'it-too-small', name, operationId: 'ul-3' })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.key).toBe('vms.error.userlandTooSmall');
    expect(error.params).toMatchObject({ memoryMiB: 64 });
    expect(Number(error.params?.['neededMiB'])).toBeGreaterThan(64);
    expect((await client.call('guests.list', {})).filter((g) => g.name.startsWith(`${name}-`))).toEqual([]);
  }, 60_000);
});
