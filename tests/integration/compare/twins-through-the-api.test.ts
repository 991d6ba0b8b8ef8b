import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import type { ConsoleTarget } from '../../../src/shared/consoles';
import { ApiError } from '../../../src/shared/errors';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { fixtureTemplatesDir } from '../../support/fixtures';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { removeLeftovers, startTwinLab, stopTwinLab } from '../../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-cmp-${process.pid}`;

async function guestsNamed(client: LabClient, name: string): Promise<Guest[]> {
  return (await client.call('guests.list', {})).filter((guest) => guest.name.startsWith(`${name}-`));
}

const target = (guest: Guest): ConsoleTarget =>
  guest.kind === 'vm' ? { kind: 'vm', guestId: guest.id } : { kind: 'container', guestId: guest.id };

/** Twins, console.run, measurements and live samples through the router, on the real engines. */
describe.skipIf(gate.skip)('twins and Compare through the API, on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let twin: TwinCreated;
  const byRole = (role: 'container' | 'sandbox' | 'vm') => {
    const guest = twin.guests.find((g) => g.name === `${prefix}-${role}`);
    if (!guest) throw new Error(`no ${role} in the twin`);
    return guest;
  };

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
  }, 60_000);
  afterAll(() => stopTwinLab(prefix, { lab, client }, twin?.guests ?? []), 60_000);

  it('creates fixture-twin as a container, a gVisor sandbox and a VM under one twin id, in parallel', async () => {
    twin = await client.call('twins.create', {
      templateId: 'fixture-twin',
      name: prefix,
      operationId: 'twin-1',
    });
    expect(twin.guests.map((g) => g.name)).toEqual([
      `${prefix}-container`,
      `${prefix}-sandbox`,
      `${prefix}-vm`,
    ]);
    expect(twin.guests.map((g) => g.runtime)).toEqual(['runc', 'runsc', 'qemu-tcg']);
    for (const guest of twin.guests) expect(guest).toMatchObject({ twinId: twin.twinId, managed: true });
    const progress = client.of('operation.progress').filter((p) => p.operationId === 'twin-1');
    expect(new Set(progress.map((p) => p.part).filter(Boolean))).toEqual(
      new Set(['container', 'sandbox', 'vm']),
    );
    // In parallel: the VM's create began before the last container started.
    const firstVmStep = progress.findIndex((p) => p.part === 'vm');
    const lastContainerStart = progress.findLastIndex((p) => p.part !== 'vm' && p.step === 'starting');
    expect(firstVmStep).toBeGreaterThan(-1);
    expect(firstVmStep).toBeLessThan(lastContainerStart);
    expect(progress.at(-1)?.step).toBe('done');
    await client.waitFor(
      () => client.of('vm.booted').some((b) => b.id === byRole('vm').id),
      'the VM to boot',
      120_000,
    );
  }, 180_000);

  it('types uname -r into all three: host kernel, gVisor 4.4.0, the VM its own kernel', async () => {
    const results = await client.call('console.run', {
      targets: twin.guests.map(target),
      command: 'uname -r',
      timeoutMs: 20_000,
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const [container, sandbox, vm] = results.map((r) => r.output.trim());
    expect(container).toBe(release());
    expect(sandbox).toBe('4.4.0');
    expect(vm).toMatch(/^\d+\.\d+\.\d+\S*$/);
    expect(vm).not.toBe(release());
    // The probe stays visible in the console the learner looks at, as if typed there, with nothing added.
    const session = (await client.call('console.list', {})).find((s) => s.owner === `vm:${byRole('vm').id}`);
    const { replay } = await client.call('console.attach', { sessionId: session?.id ?? '' });
    expect(replay).toMatch(/uname -r\r?\n/);
    expect(replay).not.toMatch(/uname -r;|tl-end/);
  }, 60_000);

  it('cuts the output of a command longer than the serial console is wide', async () => {
    const long = `echo ${'x'.repeat(150)} ${'y'.repeat(150)} | wc -c`;
    const [vm, container] = await client.call('console.run', {
      targets: [target(byRole('vm')), target(byRole('container'))],
      command: long,
      timeoutMs: 20_000,
    });
    expect(vm).toMatchObject({ ok: true, output: '302' });
    expect(container?.output.trim()).toBe('302');
  }, 60_000);

  it('serializes two runs on one console and times out with what was printed', async () => {
    const container = target(byRole('container'));
    const [slow, quick] = await Promise.all([
      client.call('console.run', { targets: [container], command: 'echo first; sleep 1', timeoutMs: 10_000 }),
      client.call('console.run', { targets: [container], command: 'echo second', timeoutMs: 10_000 }),
    ]);
    expect(slow[0]).toMatchObject({ ok: true, output: 'first' });
    expect(quick[0]).toMatchObject({ ok: true, output: 'second' });
    const [stuck] = await client.call('console.run', {
      targets: [container],
      command: 'echo started; sleep 30',
      timeoutMs: 1000,
    });
    expect(stuck).toMatchObject({ ok: false, output: 'started', error: { key: 'twins.error.runTimeout' } });
    // Ctrl+C gave the console back.
    const [after] = await client.call('console.run', { targets: [container], command: 'echo back' });
    expect(after).toMatchObject({ ok: true, output: 'back' });
  }, 60_000);

  it('measures the VM as hundreds of MB of QEMU and the container as a few MB, with ready times', async () => {
    const measured = await client.call('compare.measure', { guestIds: twin.guests.map((g) => g.id) });
    const [container, sandbox, vm] = measured;
    console.log(JSON.stringify(measured, null, 1));
    expect(container?.hostMemoryBytes).toBeGreaterThan(0);
    expect(vm?.hostMemoryBytes).toBeGreaterThan(10 * (container?.hostMemoryBytes ?? 0));
    expect(vm?.memoryLimitBytes).toBe(256 * 1024 * 1024);
    expect(container?.memoryLimitBytes).toBe(64 * 1024 * 1024);
    for (const m of measured) expect(m.readyMs).toBeGreaterThan(0);
    expect(vm?.readyMs).toBeGreaterThan(container?.readyMs ?? Infinity);
    expect(container?.disk?.sharedBytes).toBeGreaterThan(1_000_000); // the busybox image
    expect(vm?.disk?.sharedBytes).toBeGreaterThan(1_000_000); // kernel and initrd
    expect(vm?.hostProcesses).toEqual({ count: 1, commands: [expect.stringMatching(/^qemu-system/)] });
    expect(container?.hostProcesses?.count).toBeGreaterThan(0);
    expect(sandbox?.runtime).toBe('runsc');
  }, 60_000);

  it('refuses to measure a container Twinlab did not make', async () => {
    const name = `${prefix}-foreign`;
    await run('docker', ['create', '--name', name, 'twinlab-fixture/busybox:1']);
    const error = await client.call('compare.measure', { guestIds: [name] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).key).toBe('containers.guard.notManaged');
  });

  it('describes the host the comparison ran on', async () => {
    const environment = await client.call('compare.environment', {});
    expect(environment).toMatchObject({ hostKernel: release(), accelerator: 'tcg' });
    expect(environment.sandboxRuntimes).toContain('runsc');
    expect(environment.qemu).toMatch(/^\d+\.\d+/);
    expect(environment.docker).toMatch(/^\d+\./);
    expect(environment.cpus).toBeGreaterThan(0);
  });

  it('samples every running guest about once a second while asked', async () => {
    await client.call('guests.live', {});
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const samples = await client.call('guests.live', {});
    for (const guest of twin.guests) {
      const sample = samples.find((s) => s.guestId === guest.id);
      expect(sample?.hostMemoryBytes, guest.name).toBeGreaterThan(0);
    }
    expect(samples.find((s) => s.guestId === byRole('vm').id)?.cpuPercent).toBeGreaterThanOrEqual(0);
  }, 20_000);

  it('runs a command in the shared host shell', async () => {
    const [host] = await client.call('console.run', {
      targets: [{ kind: 'host', guestId: 'host' }],
      command: 'echo $((6*7))',
    });
    expect(host).toMatchObject({ ok: true, output: '42' });
    const again = await client.call('console.open', {
      target: { kind: 'host', guestId: 'host' },
      cols: 80,
      rows: 24,
    });
    expect(again.owner).toBe('host:host');
    expect((await client.call('console.list', {})).filter((s) => s.owner === 'host:host')).toHaveLength(1);
  }, 30_000);

  it('refuses a template without a VM side before making anything', async () => {
    const error = await client
      .call('twins.create', { templateId: 'fixture-busybox', name: `${prefix}-half`, operationId: 'twin-2' })
      .catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('twins.error.templateHasNoVm');
    expect(await guestsNamed(client, `${prefix}-half`)).toEqual([]);
  });

  it('removes every part made when the twin is cancelled half way', async () => {
    const name = `${prefix}-cancel`;
    const creating = client
      .call('twins.create', { templateId: 'fixture-twin', name, operationId: 'twin-3' })
      .catch((e: unknown) => e);
    await client.waitFor(
      () => client.of('operation.progress').some((p) => p.operationId === 'twin-3' && p.step === 'creating'),
      'the first part to be created',
    );
    await client.call('operations.cancel', { operationId: 'twin-3' });
    expect(((await creating) as ApiError).key).toBe('twins.error.cancelled');
    expect(await guestsNamed(client, name)).toEqual([]);
  }, 60_000);
});

describe.skipIf(gate.skip)('a twin whose VM part cannot be made', () => {
  let lab: Lab;
  let client: LabClient;
  let dir: string;
  const name = `${prefix}-broken`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tl-cmp-templates-'));
    await writeFile(
      join(dir, 'broken-twin.yaml'),
      [
        'id: broken-twin',
        'name: Twin with a missing kernel',
        'container:',
        '  image: twinlab-fixture/busybox:1',
        'vm:',
        '  memoryMiB: 128',
        '  boot:',
        `    kernel: ${join(fixtureTemplatesDir, '../microvm/no-such-vmlinuz')}`,
        '',
      ].join('\n'),
    );
    ({ lab, client } = await startTestLab('docker', { TWINLAB_EXTRA_TEMPLATES: dir }));
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await rm(dir, { recursive: true, force: true });
    await removeLeftovers(prefix);
  });

  it('fails with the missing kernel and leaves no container behind', async () => {
    const error = await client
      .call('twins.create', { templateId: 'broken-twin', name, operationId: 'twin-4' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).key).toBe('vms.error.kernelMissing');
    expect(await guestsNamed(client, name)).toEqual([]);
  }, 60_000);
});

describe.skipIf(gate.skip)('the host terminal, switched off', () => {
  it('refuses with a sentence when TWINLAB_HOST_TERMINAL=0', async () => {
    const { lab, client } = await startTestLab('docker', { TWINLAB_HOST_TERMINAL: '0' });
    try {
      const error = await client
        .call('console.open', { target: { kind: 'host', guestId: 'host' }, cols: 80, rows: 24 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'forbidden', key: 'twins.error.hostTerminalOff' });
      const [run] = await client.call('console.run', {
        targets: [{ kind: 'host', guestId: 'host' }],
        command: 'true',
      });
      expect(run).toMatchObject({ ok: false, error: { key: 'twins.error.hostTerminalOff' } });
    } finally {
      client.close();
      await lab.dispose();
    }
  }, 60_000);
});
