import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { labVmStorage } from '../../support/lab-storage';
import type { LabClient } from '../../support/lab-client';
import { startTestLab } from '../../support/lab-client';

const run = promisify(execFile);
const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args]);
const gate = await engineGate(['libvirt']);
const name = `tl-api-vm-${process.pid}`;

/** The VM half of the lab through the router: boot timing, serial console, stats, delete. */
describe.skipIf(gate.skip)('VMs through the API, on the real libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let guest: Guest;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('libvirt'));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await virsh('destroy', name).catch(() => undefined);
    await virsh('undefine', name).catch(() => undefined);
  });

  it('previews the domain XML: software emulation here, direct kernel boot, Twinlab metadata', async () => {
    const { xml } = await client.call('vms.preview', { templateId: 'fixture-microvm', name });
    expect(xml).toContain("<domain type='qemu'");
    expect(xml).toContain('/microvm/vmlinuz</kernel>');
    expect(xml).toMatch(/twinlab:/);
  });

  it('creates fixture-microvm, boots it to its marker and records the boot time', async () => {
    guest = await client.call('vms.create', { templateId: 'fixture-microvm', name, operationId: 'vm-1' });
    expect(guest).toMatchObject({ name, kind: 'vm', engine: 'libvirt', runtime: 'qemu-tcg', managed: true });
    const steps = client
      .of('operation.progress')
      .filter((p) => p.operationId === 'vm-1')
      .map((p) => p.step);
    expect(steps).toEqual(expect.arrayContaining(['validating', 'defining', 'booting', 'done']));

    await client.waitFor(
      () => client.of('vm.booted').some((b) => b.id === guest.id),
      'the ready marker',
      120_000,
    );
    const boot = client.of('vm.booted').find((b) => b.id === guest.id);
    expect(boot?.pattern).toBe('TWINLAB-READY');
    expect(boot?.readyMs).toBeGreaterThan(100);
    expect((await client.call('vms.bootTimes', {})).map((b) => b.id)).toContain(guest.id);
    console.log(`fixture-microvm boot to marker: ${boot?.readyMs} ms`);
  });

  it('has a serial console in which uname -r prints the guest kernel, not the host one', async () => {
    const session = await client.call('console.open', {
      target: { kind: 'vm', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    const attached = await client.call('console.attach', { sessionId: session.id });
    expect(attached.replay).toContain('TWINLAB-READY'); // the console was there from the first line
    await client.call('console.write', { sessionId: session.id, data: 'uname -r\r' });
    await client.waitFor(
      () => /6\.1\.0-\d+-cloud-amd64/.test(client.output(session.id)),
      'the guest kernel',
      30_000,
    );
    expect(client.output(session.id)).not.toContain(release());
  });

  it("shows only the guest: virsh's own banner is not in the console, and Ctrl+] does not drop it", async () => {
    const session = await client.call('console.open', {
      target: { kind: 'vm', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    const { replay } = await client.call('console.attach', { sessionId: session.id });
    const everything = replay + client.output(session.id);
    expect(everything).not.toMatch(/Connected to domain|Escape character is|Authorization not available/);
    await client.call('console.write', { sessionId: session.id, data: '\x1d' }); // virsh's default escape
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(client.consoleState(session.id) ?? 'open').toBe('open');
    const typedAt = client.output(session.id).length;
    await client.call('console.write', { sessionId: session.id, data: 'echo STILL-$((6*7))\r' });
    await client.waitFor(
      () => client.output(session.id).slice(typedAt).includes('STILL-42'),
      'the shell after Ctrl+]',
      30_000,
    );
  });

  it('reports host memory for the VM and lists it among the guests', async () => {
    const stats = await client.call('vms.stats', { id: guest.id });
    expect(stats.memory.hostRssBytes).toBeGreaterThan(50 * 2 ** 20);
    expect(stats.memory.guestAssignedBytes).toBe(256 * 2 ** 20);
    expect((await client.call('guests.list', {})).find((g) => g.id === guest.id)?.kind).toBe('vm');
  });

  it('pauses and resumes, and offers Force off when the guest ignores the ACPI shutdown', async () => {
    const state = async () => (await client.call('guests.list', {})).find((g) => g.id === guest.id)?.state;
    await client.call('vms.action', { id: guest.id, action: 'suspend' });
    expect(await state()).toBe('paused');
    await client.call('vms.action', { id: guest.id, action: 'resume' });
    expect(await state()).toBe('running');
    // The fixture's initramfs has no ACPI daemon: a polite shutdown is ignored.
    const result = await client.call('vms.action', { id: guest.id, action: 'shutdown', timeoutSeconds: 3 });
    expect(result).toMatchObject({ outcome: 'timeout', canForceOff: true });
    await client.call('vms.action', { id: guest.id, action: 'forceOff' });
    expect(await state()).toBe('stopped');
  });

  it('starts again, boots again and gets its console back', async () => {
    const boots = () => client.of('vm.booted').filter((b) => b.id === guest.id).length;
    const before = boots();
    await client.call('vms.action', { id: guest.id, action: 'start' });
    await client.waitFor(() => boots() > before, 'a second boot', 120_000);
    const session = await client.call('console.open', {
      target: { kind: 'vm', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    expect(session.state).toBe('open');
  });

  it('deletes the VM and leaves no domain and no file behind', async () => {
    await client.call('vms.action', { id: guest.id, action: 'remove' });
    const { stdout } = await virsh('list', '--all', '--name');
    expect(stdout.split('\n')).not.toContain(name);
    expect(existsSync(join(labVmStorage.vms, guest.id))).toBe(false);
  });
});

describe.skipIf(gate.skip)('what a crash left half-made', () => {
  let lab: Lab;
  let client: LabClient;
  const orphan = join(labVmStorage.vms, randomUUID());

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('libvirt'));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await rm(orphan, { recursive: true, force: true });
  });

  it('finds a VM disk folder no domain owns, and cleans it up on request', async () => {
    await mkdir(orphan, { recursive: true });
    await writeFile(join(orphan, 'disk.qcow2'), 'half-written overlay');
    const found = await client.call('vms.leftovers', {});
    expect(found.orphanFolders.map((folder) => folder.path)).toContain(orphan);
    await client.call('vms.cleanupLeftovers', {});
    expect(existsSync(orphan)).toBe(false);
  });
});
