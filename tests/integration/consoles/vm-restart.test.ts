/**
 * Brief s5/h4 items 1-3 on the fixture microVM: a VM console a learner can trust across a restart
 * made outside Twinlab (`virsh save` then `virsh restore`, what a checkpoint does) and a reboot inside
 * the guest. Only libvirt's domain events can tell the lab about these: the console comes back by
 * itself, shows the restored prompt without a key pressed, says it was disconnected once, and the
 * size the console was given while the guest was away reaches its serial tty through a fresh probe
 * channel.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { Guest } from '../../../src/shared/guest';
import { removeDomain } from '../../support/domain-cleanup';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { qemuReachableTempDir, uniqueName, virshCli } from '../vms/support';

const gate = await engineGate(['libvirt']);
const notice = '[disconnected — waiting for the guest]';

describe.skipIf(gate.skip)('a VM console across restarts', () => {
  let lab: Lab;
  let client: LabClient;
  let guest: Guest | undefined;
  let saveDir: string | undefined;
  const name = uniqueName('restart');

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('libvirt'));
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await removeDomain(name);
    if (saveDir) await rm(saveDir, { recursive: true, force: true });
  }, 60_000);

  const ttySize = async (vmId: string): Promise<string> => {
    const [answer] = await client.call('console.probe', {
      targets: [{ kind: 'vm', guestId: vmId }],
      command: 'stty -F /dev/ttyS0 size',
      timeoutMs: 10_000,
    });
    return answer?.ok ? answer.output : `failed: ${answer?.error.message}`;
  };
  const ttySizeBecomes = async (vmId: string, wanted: string, withinMs: number) => {
    const deadline = Date.now() + withinMs;
    let size = await ttySize(vmId);
    while (size !== wanted && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      size = await ttySize(vmId);
    }
    return size;
  };

  it('comes back after virsh save/restore with its prompt, one notice and the new size', async () => {
    guest = await client.call('vms.create', {
      templateId: 'fixture-microvm',
      name,
      operationId: `${name}-op`,
    });
    const vmId = guest.id;
    const session = await client.call('console.open', {
      target: { kind: 'vm', guestId: vmId },
      cols: 120,
      rows: 40,
    });
    await client.call('console.attach', { sessionId: session.id });
    await client.call('console.resize', { sessionId: session.id, cols: 120, rows: 40 });
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === vmId),
      'the VM to boot',
      120_000,
    );
    expect(await ttySizeBecomes(vmId, '40 120', 60_000)).toBe('40 120');
    const out = () => client.output(session.id);
    await client.waitFor(() => out().includes('/ # '), 'the first prompt', 30_000);

    saveDir = await qemuReachableTempDir('twinlab-it-restart-');
    const mark = out().length;
    await virshCli(['save', name, `${saveDir}/state.sav`, '--running']);
    await client.waitFor(() => client.consoleState(session.id) === 'disconnected', 'the console to drop');
    // The learner makes the window smaller while the guest is away.
    await client.call('console.resize', { sessionId: session.id, cols: 100, rows: 30 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await virshCli(['restore', `${saveDir}/state.sav`, '--running']);

    // No key is pressed: the restored shell's prompt comes back by the size change alone.
    await client.waitFor(
      () => client.consoleState(session.id) === 'open' && out().slice(mark).includes('/ # '),
      'the restored prompt in the reconnected console',
      60_000,
    );
    const since = out().slice(mark);
    expect(since.split(notice).length - 1, JSON.stringify(since)).toBe(1);
    expect(since).not.toContain('error:');
    expect(await ttySizeBecomes(vmId, '30 100', 30_000)).toBe('30 100');
  }, 300_000);

  it('shows the prompt in a reopened console without a key pressed', async () => {
    if (!guest) throw new Error('the first test made no VM');
    const target = { kind: 'vm' as const, guestId: guest.id };
    // The same size as before: only a redraw, not a size change, can bring the prompt back.
    expect(await ttySizeBecomes(guest.id, '30 100', 30_000)).toBe('30 100');
    const owner = `vm:${guest.id}`;
    const old = (await client.call('console.list', {})).find((each) => each.owner === owner);
    if (old) await client.call('console.close', { sessionId: old.id });
    const session = await client.call('console.open', { target, cols: 100, rows: 30 });
    await client.call('console.attach', { sessionId: session.id });
    // The shell printed its prompt before this console connected: it shows again by SIGWINCH alone.
    await client.waitFor(() => client.output(session.id).includes('/ # '), 'the redrawn prompt', 30_000);
  }, 120_000);

  it('gives a guest that rebooted itself its size again, through a fresh probe channel', async () => {
    if (!guest) throw new Error('the first test made no VM');
    const vmId = guest.id;
    const session = (await client.call('console.list', {})).find((each) => each.owner === `vm:${vmId}`);
    if (!session) throw new Error('no console is open');
    expect(await ttySizeBecomes(vmId, '30 100', 30_000)).toBe('30 100');
    // The learner reboots in the console (answering BusyBox's cursor query first, as xterm.js does).
    await client.call('console.write', { sessionId: session.id, data: '\x1b[1;1R' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mark = client.output(session.id).length;
    await client.call('console.write', { sessionId: session.id, data: 'reboot -f\r' });
    // Probed while the guest boots again: its probe shell answered before, so the probe waits for
    // the new one instead of being typed at the console once a prompt shows there.
    await client.waitFor(
      () => client.output(session.id).slice(mark).includes('Restarting system'),
      'the old kernel to go (its probe shell with it)',
      30_000,
    );
    const [during] = await client.call('console.probe', {
      targets: [{ kind: 'vm', guestId: vmId }],
      command: 'echo probe-$((6*7))',
      timeoutMs: 60_000,
    });
    expect(during).toMatchObject({ ok: true, exitCode: 0, output: 'probe-42' });
    await client.waitFor(
      () => client.output(session.id).slice(mark).includes('TWINLAB-READY'),
      'the guest to boot again',
      120_000,
    );
    // Probed at once: the probe shell is still starting, and since it answered before, the probe
    // waits for it rather than being typed at the console's idle prompt (checked below).
    // The rebooted kernel opened ttyS0 afresh (0x0); only the reboot event brings 30x100 back.
    expect(await ttySizeBecomes(vmId, '30 100', 60_000)).toBe('30 100');
    expect(client.output(session.id).slice(mark)).not.toContain('stty -F');
    expect(client.output(session.id).slice(mark)).not.toContain('probe-$((6*7))');
  }, 240_000);
});
