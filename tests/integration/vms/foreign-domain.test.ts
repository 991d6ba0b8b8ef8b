/**
 * A domain Twinlab did not create (defined here with plain virsh, no Twinlab metadata) is listed
 * read-only and survives every Twinlab operation; validation refuses before anything is made.
 */
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import { vmSideSchema } from '../../../src/shared/template';
import { parseDacLabel } from '../../../src/main/lab/engines/libvirt/virsh-queries';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import {
  createTestLab,
  DEFINE_TIMEOUT_MS,
  domainExists,
  removeDomain,
  uniqueName,
  virshCli,
  type TestLab,
} from './support';

const gate = await engineGate(['libvirt']);

describe.skipIf(gate.skip)('domains Twinlab did not create', () => {
  let lab: TestLab;
  const foreign = uniqueName('foreign');
  let foreignId = '';

  beforeAll(async () => {
    lab = await createTestLab();
    const xmlFile = join(lab.dataDir, 'foreign.xml');
    await writeFile(
      xmlFile,
      `<domain type='qemu'><name>${foreign}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>
         <os><type arch='x86_64'>hvm</type></os><devices><serial type='pty'/></devices></domain>`,
    );
    await virshCli(['define', xmlFile], DEFINE_TIMEOUT_MS);
    foreignId = (await virshCli(['domuuid', foreign])).trim();
  }, DEFINE_TIMEOUT_MS);

  afterAll(async () => {
    await removeDomain(foreign); // the test made it, the test removes it
    await lab?.dispose();
  });

  it('is listed read-only', async () => {
    const listed = (await lab.service.list()).find((guest) => guest.name === foreign);
    expect(listed).toMatchObject({
      id: foreignId,
      managed: false,
      state: 'stopped',
      runtime: 'qemu-tcg',
      templateId: '',
      createdAt: '',
    });
    expect(await lab.service.stats(foreignId)).toMatchObject({ id: foreignId, cpuPercent: null });
  });

  it('survives every Twinlab operation: each is refused as forbidden', async () => {
    const operations: [string, () => Promise<unknown>][] = [
      ['start', () => lab.service.start(foreignId)],
      ['start paused', () => lab.service.start(foreignId, { paused: true })],
      ['shutdown', () => lab.service.shutdown(foreignId, { timeoutMs: 100 })],
      ['forceOff', () => lab.service.forceOff(foreignId)],
      ['suspend', () => lab.service.suspend(foreignId)],
      ['resume', () => lab.service.resume(foreignId)],
      ['reboot', () => lab.service.reboot(foreignId)],
      ['remove', () => lab.service.remove(foreignId)],
      ['remove by name', () => lab.service.remove(foreign)],
    ];
    for (const [label, operation] of operations) {
      const error = await operation().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, label).toBeInstanceOf(ApiError);
      expect((error as ApiError).code, label).toBe('forbidden');
      expect((error as ApiError).key, label).toBe('vms.error.notManaged');
      expect((error as ApiError).params, label).toEqual({ name: foreign });
    }
    expect(await domainExists(foreign)).toBe(true);
    expect((await virshCli(['domstate', foreign])).trim()).toBe('shut off');
  });

  it('is never reported or cleaned up as a leftover', async () => {
    const leftovers = await lab.service.cleanupLeftovers();
    expect(leftovers.brokenDomains.some((d) => d.name === foreign)).toBe(false);
    expect(await domainExists(foreign)).toBe(true);
  });

  it('refuses to create a VM with a taken name, before making anything', async () => {
    const vm = vmSideSchema.parse({ memoryMiB: 64, boot: { kernel: join(fixturesDir, 'microvm/vmlinuz') } });
    await expect(lab.service.create({ name: foreign, templateId: 't', vm })).rejects.toMatchObject({
      code: 'conflict',
      key: 'vms.error.nameTaken',
    });
    expect(await domainExists(foreign)).toBe(true);
  });

  it('refuses memory above what the host has free, a missing kernel and a bad name, making nothing', async () => {
    const name = uniqueName('refused');
    const huge = vmSideSchema.parse({
      memoryMiB: 64 * 1024 * 1024,
      boot: { kernel: join(fixturesDir, 'microvm/vmlinuz') },
    });
    await expect(lab.service.create({ name, templateId: 't', vm: huge })).rejects.toMatchObject({
      key: 'vms.error.notEnoughMemory',
    });
    const missing = vmSideSchema.parse({ memoryMiB: 64, boot: { kernel: '/nonexistent/vmlinuz' } });
    await expect(lab.service.create({ name, templateId: 't', vm: missing })).rejects.toMatchObject({
      key: 'vms.error.kernelMissing',
      params: { file: '/nonexistent/vmlinuz' },
    });
    await expect(
      lab.service.create({ name: 'no spaces', templateId: 't', vm: missing }),
    ).rejects.toMatchObject({
      key: 'vms.error.badName',
    });
    expect(await domainExists(name)).toBe(false);
    expect((await readdir(lab.dataDir)).filter((entry) => entry !== 'foreign.xml')).toEqual([]);
  });
});

describe.skipIf(gate.skip)('files QEMU cannot reach', () => {
  it('refuses a kernel in a folder the QEMU user may not enter, before making anything', async (context) => {
    const qemu = parseDacLabel(await virshCli(['capabilities']));
    if (!qemu || qemu.uid === 0) context.skip('QEMU runs as root on this host: every folder is reachable');
    const lab = await createTestLab();
    const hidden = await mkdtemp(join('/var/tmp', 'twinlab-it-hidden-')); // mode 0700, owned by us
    try {
      await copyFile(join(fixturesDir, 'microvm/vmlinuz'), join(hidden, 'vmlinuz'));
      const vm = vmSideSchema.parse({ memoryMiB: 64, boot: { kernel: join(hidden, 'vmlinuz') } });
      const name = uniqueName('hidden');
      const error = await lab.service.create({ name, templateId: 't', vm }).catch((e: unknown) => e);
      await removeDomain(name); // only if the refusal failed
      expect((error as ApiError).key).toBe('vms.error.folderNotReachable');
      expect((error as ApiError).params).toMatchObject({ blocked: hidden, path: join(hidden, 'vmlinuz') });
      expect(await domainExists(name)).toBe(false);
    } finally {
      await rm(hidden, { recursive: true, force: true });
      await lab.dispose();
    }
  });
});

describe.skipIf(gate.skip)('domain XML preview', () => {
  it("shows the XML create would define, on this host's accelerator and network, creating nothing", async () => {
    const lab = await createTestLab();
    try {
      const vm = vmSideSchema.parse({
        memoryMiB: 256,
        boot: { kernel: join(fixturesDir, 'microvm/vmlinuz'), cmdline: 'console=ttyS0' },
      });
      const name = uniqueName('preview');
      const xml = await lab.service.previewXml({ name, templateId: 'fixture-microvm', vm });
      expect(xml).toMatch(/^<domain type='(qemu|kvm)'/);
      expect(xml).toContain(`<name>${name}</name>`);
      expect(xml).toContain(`<kernel>${join(fixturesDir, 'microvm/vmlinuz')}</kernel>`);
      expect(xml).toContain('<twinlab:template>fixture-microvm</twinlab:template>');
      expect(await domainExists(name)).toBe(false);
      expect(await readdir(lab.dataDir)).toEqual([]);
    } finally {
      await lab.dispose();
    }
  });
});
