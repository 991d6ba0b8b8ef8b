/**
 * A direct-kernel microVM from the offline fixture on the real libvirtd: create → running →
 * serial console shows the ready marker and the guest's own kernel → stats → shutdown/force off →
 * delete leaves nothing behind. Outside CI the suite skips, with the reason, when libvirt is down.
 */
import { readFile, readdir } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guest } from '../../../src/shared/guest';
import type { VmSide } from '../../../src/shared/template';
import { parseTemplateFile } from '../../../src/main/lab/catalog/load-templates';
import { BootTimer } from '../../../src/main/lab/vms/boot-timer';
import type { GuestChanges } from '../../../src/main/lab/vms/state-poller';
import { engineGate } from '../../support/engines';
import { fixtureTemplatesDir } from '../../support/fixtures';
import { SerialConsole } from './serial-console';
import {
  createTestLab,
  DEFINE_TIMEOUT_MS,
  domainExists,
  LIBVIRT_URI,
  removeDomain,
  uniqueName,
  type TestLab,
} from './support';

const gate = await engineGate(['libvirt']);
const MiB = 1024 * 1024;

async function fixtureVm(): Promise<{ templateId: string; vm: VmSide }> {
  const file = join(fixtureTemplatesDir, 'fixture-microvm.yaml');
  const parsed = parseTemplateFile(file, await readFile(file, 'utf8'));
  if (!('template' in parsed) || !parsed.template.vm)
    throw new Error(`fixture template unusable: ${JSON.stringify(parsed)}`);
  return { templateId: parsed.template.id, vm: parsed.template.vm };
}

describe.skipIf(gate.skip)('microVM on libvirt', () => {
  let lab: TestLab;
  const name = uniqueName('micro');
  let guest: Guest;
  let serial: SerialConsole | undefined;

  beforeAll(async () => {
    lab = await createTestLab();
  });

  afterAll(async () => {
    serial?.close();
    await removeDomain(name);
    await lab?.dispose();
  });

  it(
    'boots to the serial console marker, and its kernel is not the host kernel',
    async () => {
      const { templateId, vm } = await fixtureVm();
      expect(vm.memoryMiB).toBe(256);
      const steps: string[] = [];
      const createStarted = performance.now();
      // Paused first, so the console is attached before the guest prints its first byte.
      guest = await lab.service.create(
        { name, templateId, vm, twinId: 'twin-it', startPaused: true },
        { onProgress: (p) => steps.push(p.step) },
      );
      const createMs = Math.round(performance.now() - createStarted);
      expect(steps).toEqual(['validating', 'defining', 'starting']);
      expect(guest).toMatchObject({
        name,
        kind: 'vm',
        engine: 'libvirt',
        managed: true,
        templateId,
        twinId: 'twin-it',
        state: 'paused',
      });
      const accelerator = guest.runtime === 'qemu-kvm' ? 'kvm' : 'tcg';

      serial = new SerialConsole(LIBVIRT_URI, name);
      await serial.waitFor('Escape character', 15_000);
      const timer = new BootTimer(vm.readyPattern, performance.now());
      serial.onChunk((chunk) => timer.feed(chunk));
      const resumed = await lab.service.resume(guest.id);
      expect(resumed.state).toBe('running');
      await serial.waitFor(vm.readyPattern, 60_000);
      expect(timer.ready).toBeDefined();
      // The measurement the compare view shows; printed so the report can quote it.
      process.stdout.write(
        `BOOT: ${accelerator} microVM ready marker after ${timer.ready?.readyMs} ms (create incl. define+start: ${createMs} ms)\n`,
      );

      const marker = serial.output.length;
      serial.write('uname -r\r');
      const guestKernel = await serial.waitFor(/\d+\.\d+\.\d+-\d+-cloud-amd64/, 15_000, marker);
      expect(guestKernel).toMatch(/^6\.1\.0-/);
      expect(guestKernel).not.toBe(release());
    },
    DEFINE_TIMEOUT_MS,
  );

  it('lists it as a managed TCG/KVM guest with a start time', async () => {
    const listed = (await lab.service.list()).find((g) => g.id === guest.id);
    expect(listed).toMatchObject({ name, managed: true, state: 'running', runtime: guest.runtime });
    expect(Date.parse(listed?.startedAt ?? '')).toBeGreaterThan(Date.parse(listed?.createdAt ?? '') - 1000);
  });

  it('reports memory as QEMU RSS on the host (dommemstat, cross-checked with /proc), CPU and guest memory', async () => {
    const stats = await lab.service.stats(guest.id);
    expect(stats.memory.hostRssSource).toBe('dommemstat');
    expect(stats.memory.hostRssBytes).toBeGreaterThan(50 * MiB);
    expect(stats.memory.guestAssignedBytes).toBe(256 * MiB);
    expect(stats.cpuPercent).not.toBeNull();
    expect(stats.cpuPercent ?? -1).toBeGreaterThanOrEqual(0);
    // No disk image of its own: only the fixture's two sparse scratch disks (lesson 14), of which
    // the host has allocated at most a block or two while nothing wrote to them.
    expect(stats.disk.hostBytes).toBeLessThanOrEqual(64 * 1024);
    const proc = stats.memory.procStatusRssBytes ?? 0;
    expect(Math.abs(proc - stats.memory.hostRssBytes)).toBeLessThan(32 * MiB);
    process.stdout.write(
      `RSS: dommemstat ${(stats.memory.hostRssBytes / MiB).toFixed(1)} MiB, /proc VmRSS ${(proc / MiB).toFixed(1)} MiB, guest RAM 256 MiB, cpu ${stats.cpuPercent}%\n`,
    );
  });

  it('pauses and resumes, and the poller reports changes only', async () => {
    const seen: GuestChanges[] = [];
    const poller = lab.service.watch((changes) => seen.push(changes), { intervalMs: 200 });
    await poller.pollNow();
    expect(seen).toHaveLength(1); // the first list
    await poller.pollNow();
    expect(seen).toHaveLength(1); // nothing changed: nothing emitted
    expect((await lab.service.suspend(guest.id)).state).toBe('paused');
    await poller.pollNow();
    expect(seen.at(-1)?.changed.map((g) => [g.id, g.state])).toEqual([[guest.id, 'paused']]);
    expect((await lab.service.resume(guest.id)).state).toBe('running');
    await poller.pollNow();
    expect(seen.at(-1)?.changed.map((g) => [g.id, g.state])).toEqual([[guest.id, 'running']]);
    poller.stop();
  });

  it('an ACPI shutdown the BusyBox guest ignores times out and says force off is possible', async () => {
    await lab.service.reboot(guest.id); // an ACPI request too: accepted, and ignored by BusyBox
    const result = await lab.service.shutdown(guest.id, { timeoutMs: 2000 });
    expect(result).toMatchObject({ outcome: 'timeout', canForceOff: true });
    expect((await lab.service.forceOff(guest.id)).state).toBe('stopped');
    const stats = await lab.service.stats(guest.id);
    expect(stats.cpuPercent).toBeNull();
    expect(stats.memory.hostRssBytes).toBe(0);
  });

  it('delete removes the domain and leaves no file in the data dir', async () => {
    await lab.service.remove(guest.id);
    expect(await domainExists(name)).toBe(false);
    expect(await readdir(lab.dataDir)).toEqual([]);
    expect((await lab.service.list()).some((g) => g.id === guest.id)).toBe(false);
    await expect(lab.service.get(guest.id)).rejects.toMatchObject({ key: 'vms.error.notFound' });
  });
});
