/**
 * The cloud-image path on the real libvirtd, with a locally made base image (no internet here):
 * overlay on the cached base + cloud-init seed ISO + port forward, define, start; delete removes the
 * VM's files and never the base; a failure after define rolls everything back; crash leftovers are
 * found and cleaned. The guest does not boot an OS (the base is blank), which none of this needs.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import { vmSideSchema, type VmSide } from '../../../src/shared/template';
import { sha256Of } from '../../../src/main/lab/images/image-cache';
import { engineGate } from '../../support/engines';
import {
  createTestLab,
  DEFINE_TIMEOUT_MS,
  domainExists,
  removeDomain,
  uniqueName,
  virshCli,
  type TestLab,
} from './support';

const run = promisify(execFile);
const gate = await engineGate(['libvirt']);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

describe.skipIf(gate.skip)('cloud-image VMs', () => {
  let lab: TestLab;
  let base: { path: string; sha256: string };
  const names: string[] = [];
  const cloudVm = async (forwardPort: number): Promise<VmSide> =>
    vmSideSchema.parse({
      memoryMiB: 128,
      image: { url: 'http://127.0.0.1:9/never-downloaded.qcow2', sha256: base.sha256, format: 'qcow2' },
      diskGiB: 1,
      cloudInit: { password: 'learner', hostname: 'lab-guest' },
      portForwards: [{ guest: 22, host: forwardPort }],
    });

  beforeAll(async () => {
    lab = await createTestLab();
    const source = join(lab.cacheDir, 'blank-source.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', source, '256M']);
    const imported = await lab.images.importDisk(source);
    await unlink(source);
    base = { path: imported.path, sha256: imported.sha256 };
  });

  afterAll(async () => {
    for (const name of names) await removeDomain(name);
    await lab?.dispose();
  });

  it(
    'creates overlay + seed + forward from the cached base, and delete removes them but never the base',
    async () => {
      const name = uniqueName('cloud');
      names.push(name);
      const port = await freePort();
      const steps: string[] = [];
      const guest = await lab.service.create(
        { name, templateId: 'blank-cloud', vm: await cloudVm(port) },
        { onProgress: (p) => steps.push(p.step) },
      );
      expect(steps).toEqual([
        'validating',
        'downloading',
        'preparing-disk',
        'writing-seed',
        'defining',
        'starting',
      ]);
      expect(guest).toMatchObject({ name, state: 'running', managed: true, templateId: 'blank-cloud' });

      const vmDir = join(lab.dataDir, guest.id);
      expect((await readdir(vmDir)).sort()).toEqual(['disk.qcow2', 'seed.iso']);
      const overlay = JSON.parse(
        (await run('qemu-img', ['info', '-U', '--output=json', join(vmDir, 'disk.qcow2')])).stdout,
      ) as Record<string, unknown>;
      expect(overlay).toMatchObject({
        format: 'qcow2',
        'backing-filename': base.path,
        'backing-filename-format': 'qcow2',
        'virtual-size': 1024 ** 3,
      });

      const iso = (await run('xorriso', ['-indev', join(vmDir, 'seed.iso'), '-pvd_info'])).stdout;
      expect(iso).toMatch(/Volume Id\s*:\s*cidata/);
      const files = (await run('xorriso', ['-indev', join(vmDir, 'seed.iso'), '-find', '/', '-type', 'f']))
        .stdout;
      expect(files).toContain("'/user-data'");
      expect(files).toContain("'/meta-data'");

      const xml = await lab.service.domainXml(guest.id);
      expect(xml).toContain(`<source file='${join(vmDir, 'seed.iso')}'`);
      expect(xml).toContain(`hostfwd=tcp:127.0.0.1:${port}-:22`);
      expect(await isListening(port)).toBe(true); // QEMU holds the forwarded port on the host

      const stats = await lab.service.stats(guest.id);
      expect(stats.disk.guestBytes).toBe(1024 ** 3);
      expect(stats.disk.hostBytes).toBeGreaterThan(0);

      await lab.service.remove(guest.id);
      expect(await domainExists(name)).toBe(false);
      expect(await readdir(lab.dataDir)).toEqual([]);
      expect(await sha256Of(base.path)).toBe(base.sha256);
      expect((await stat(base.path)).mode & 0o777).toBe(0o444);
    },
    DEFINE_TIMEOUT_MS,
  );

  it(
    'rolls back when the start fails after define: no domain, no overlay, no seed, base untouched',
    async () => {
      const name = uniqueName('rollback');
      names.push(name);
      const port = await freePort();
      let squatter: Server | undefined;
      // Another program takes the port between validation and start (the realistic race).
      const error = await lab.service
        .create(
          { name, templateId: 'blank-cloud', vm: await cloudVm(port) },
          {
            onProgress: (p) => {
              if (p.step === 'defining' && !squatter) {
                squatter = createServer();
                squatter.listen(port, '127.0.0.1');
              }
            },
          },
        )
        .catch((e: unknown) => e);
      await new Promise((resolve) => squatter?.close(resolve));
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).key).toBe('vms.error.portInUse');
      expect((error as ApiError).params).toEqual({ port: String(port) });
      expect(await domainExists(name)).toBe(false);
      expect(await readdir(lab.dataDir)).toEqual([]);
      expect(await sha256Of(base.path)).toBe(base.sha256);
    },
    DEFINE_TIMEOUT_MS,
  );

  it(
    'finds and cleans what a crash left: a domain missing its files, a folder with no domain',
    async () => {
      const name = uniqueName('crashed');
      names.push(name);
      const guest = await lab.service.create({
        name,
        templateId: 'blank-cloud',
        vm: await cloudVm(await freePort()),
      });
      await lab.service.forceOff(guest.id);
      const vmDir = join(lab.dataDir, guest.id);
      await unlink(join(vmDir, 'disk.qcow2')); // as if the crash came before the overlay was written
      const orphan = join(lab.dataDir, '0b7e5a8c-2d4f-4c1a-9e3b-6f5d4c3b2a10');
      await mkdir(orphan);
      await writeFile(join(orphan, 'seed.iso'), 'left behind');
      const notOurs = join(lab.dataDir, 'notes.txt');
      await writeFile(notOurs, 'a file Twinlab did not make');

      const found = await lab.service.findLeftovers();
      expect(found.brokenDomains).toEqual([
        { id: guest.id, name, missingFiles: [join(vmDir, 'disk.qcow2')] },
      ]);
      expect(found.orphanFolders).toEqual([{ path: orphan, files: [join(orphan, 'seed.iso')] }]);

      await lab.service.cleanupLeftovers();
      expect(await domainExists(name)).toBe(false);
      expect(await readdir(lab.dataDir)).toEqual(['notes.txt']); // only Twinlab's own leftovers go
      expect(await lab.service.findLeftovers()).toEqual({ brokenDomains: [], orphanFolders: [] });
      expect(await sha256Of(base.path)).toBe(base.sha256);
      await rm(notOurs);
      expect((await virshCli(['list', '--all', '--name'])).includes(name)).toBe(false);
    },
    DEFINE_TIMEOUT_MS,
  );
});
