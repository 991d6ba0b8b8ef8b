/**
 * Issue #14 items 1 and 3 for VMs: probes go through the VM's probe channel (a root shell on its
 * second serial port), never through the learner's serial console. With `cat` running in the
 * console, then with a half-typed line, every Compare-page probe answers through console.probe and
 * the console receives not one byte; cat still echoes and the half line runs when finished. The
 * guest's serial tty gets the console's size: `stty size` typed in the console prints "40 120".
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { removeDomain, uniqueName, virshCli } from './support';

const gate = await engineGate(['libvirt']);
/** The Compare page's probes (src/renderer/src/pages/compare/probes.ts), as in probes-beside-console. */
const probes = [
  { id: 'kernel', command: 'uname -r' },
  { id: 'processes', command: 'ps -o pid,comm' },
  { id: 'memory', command: 'head -2 /proc/meminfo' },
  { id: 'cpus', command: 'grep -c ^processor /proc/cpuinfo' },
  { id: 'mounts', command: 'head -12 /proc/mounts' },
  { id: 'network', command: 'cat /proc/net/dev' },
  { id: 'hostname', command: 'hostname' },
  { id: 'users', command: 'cat /proc/self/uid_map' },
];

describe.skipIf(gate.skip)('a VM’s probe channel beside its serial console', () => {
  let lab: Lab;
  let client: LabClient;
  let guest: Guest | undefined;
  let olderGuest: Guest | undefined;

  /** Opens the VM's serial console at 40x120 and types until its shell answers `echo <word>-42`. */
  async function openSerial(vmId: string, word: string) {
    const target = { kind: 'vm' as const, guestId: vmId };
    const session = await client.call('console.open', { target, cols: 120, rows: 40 });
    await client.call('console.attach', { sessionId: session.id });
    // vms.create opened the console at the default size: the view's resize is what sets it.
    await client.call('console.resize', { sessionId: session.id, cols: 120, rows: 40 });
    const out = () => client.output(session.id);
    // BusyBox ash asks where the cursor is (ESC[6n) at each prompt and waits: answer as xterm.js does,
    // first and after a pause (ash drops what arrives in the same read as the answer).
    let answered = 0;
    const type = async (data: string) => {
      for (const asked = out().split('\x1b[6n').length - 1; answered < asked; answered++) {
        await client.call('console.write', { sessionId: session.id, data: '\x1b[1;5R' });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      if (data !== '') await client.call('console.write', { sessionId: session.id, data });
    };
    // The marker comes a moment before the shell reads its line: type until it answers.
    for (let attempt = 0; attempt < 12 && !out().includes(`${word}-42`); attempt++) {
      await type(`\x15echo ${word}-$((6*7))\r`);
      await client
        .waitFor(() => out().includes(`${word}-42`), 'the serial shell', 10_000)
        .catch(() => undefined);
    }
    expect(out(), `the serial shell; it showed ${JSON.stringify(out().slice(-1500))}`).toContain(
      `${word}-42`,
    );
    return { out, type };
  }
  const name = uniqueName('probe');
  const olderName = `${name}-older`;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('libvirt'));
  }, 60_000);
  afterAll(async () => {
    for (const vm of [olderGuest, guest])
      if (vm) await client.call('vms.action', { id: vm.id, action: 'remove' }).catch(() => undefined);
    client?.close();
    await lab?.dispose();
    await removeDomain(olderName);
    await removeDomain(name);
  }, 60_000);

  it('answers every probe while cat runs and while a line is half typed, and sizes the tty', async () => {
    // The wizard's preview shows the probe port too.
    const { xml: preview } = await client.call('vms.preview', { templateId: 'fixture-microvm', name });
    expect(preview).toMatch(/<serial type='pty'>\s*<target port='1'\/>/);
    guest = await client.call('vms.create', {
      templateId: 'fixture-microvm',
      name,
      operationId: `${name}-op`,
    });
    const target = { kind: 'vm' as const, guestId: guest.id };
    expect(await virshCli(['dumpxml', name])).toMatch(/<alias name='serial1'\/>/);

    const { out, type } = await openSerial(guest.id, 'READY');

    // The size reaches the guest through the channel (retried while the guest was still booting).
    const deadline = Date.now() + 60_000;
    let size = '';
    while (Date.now() < deadline) {
      const [answer] = await client.call('console.probe', {
        targets: [target],
        command: 'stty -F /dev/ttyS0 size',
        timeoutMs: 10_000,
      });
      size = answer?.output ?? '';
      if (size === '40 120') break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(size).toBe('40 120');
    let mark = out().length;
    await type('stty size\r');
    await client.waitFor(() => /\n40 120\r?\n/.test(out().slice(mark)), '"40 120" in the console', 30_000);

    const runProbes = async (phase: string) => {
      const before = out().length;
      const durations: number[] = [];
      for (const probe of probes) {
        const [result] = await client.call('console.probe', {
          targets: [target],
          command: probe.command,
          timeoutMs: 20_000,
        });
        expect(result, `${probe.id} (${phase})`).toMatchObject({ ok: true, exitCode: 0 });
        expect(result?.output.trim(), probe.id).not.toBe('');
        durations.push(result?.durationMs ?? 0);
      }
      const [kernel] = await client.call('console.probe', {
        targets: [target],
        command: 'uname -r',
        timeoutMs: 20_000,
      });
      expect(kernel?.ok && kernel.output).toMatch(/^6\.1\.0-\d+-cloud-amd64$/);
      const [failing] = await client.call('console.probe', {
        targets: [target],
        command: 'echo out; echo err >&2; exit 7',
        timeoutMs: 20_000,
      });
      expect(failing).toMatchObject({ ok: true, exitCode: 7, output: 'out\nerr' });
      durations.sort((a, b) => a - b);
      console.log(
        `VM probe latency via the probe channel (${phase}): median ${durations[Math.floor(durations.length / 2)]} ms, ` +
          `min ${durations[0]} ms, max ${durations.at(-1)} ms over ${durations.length} probes`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      return out().slice(before);
    };

    // 1. cat runs in the console.
    await type('cat\r');
    await new Promise((resolve) => setTimeout(resolve, 500));
    mark = out().length;
    await type('first line\r');
    await client.waitFor(() => out().slice(mark).split('first line').length >= 3, 'cat to echo a line');
    expect(await runProbes('cat running')).toBe('');
    mark = out().length;
    await type('still here\r');
    await client.waitFor(
      () => out().slice(mark).split('still here').length >= 3,
      'cat to echo the next line',
    );
    await type('\x04'); // Ctrl+D ends cat
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // 2. A half-typed line.
    await type('echo half-typed');
    await client.waitFor(() => out().includes('echo half-typed'), 'the half line');
    expect(await runProbes('line half typed')).toBe('');
    mark = out().length;
    await type(' and-finished\r');
    await client.waitFor(() => out().slice(mark).includes('\nhalf-typed and-finished'), 'the finished line');
    expect(out()).not.toContain('^C');
    expect(out()).not.toContain('TWLP-');

    // A probe that outlives its timeout is killed in the guest, with what it started.
    const [slow] = await client.call('console.probe', {
      targets: [target],
      command: 'echo started; sleep 60',
      timeoutMs: 2000,
    });
    expect(slow).toMatchObject({ ok: false, output: 'started', error: { key: 'twins.error.probeTimeout' } });
    const [ps] = await client.call('console.probe', {
      targets: [target],
      command: 'ps -o args',
      timeoutMs: 20_000,
    });
    expect(ps?.output).not.toContain('sleep 60');
  }, 420_000);

  it('falls back to typing at an idle prompt in a VM made before the probe channel, and says so', async () => {
    if (!guest) throw new Error('the first test made no VM');
    // An older Twinlab's domain: the same definition (Twinlab's metadata included) without the
    // second serial port, under another name. The first VM is off, so its disks are free.
    const xml = await virshCli(['dumpxml', '--inactive', name]);
    const older = xml
      .replace(/<serial type='pty'>\s*<target type='isa-serial' port='1'>[\s\S]*?<\/serial>\s*/, '')
      .replace(/<name>[^<]*<\/name>/, `<name>${olderName}</name>`)
      .replace(/<uuid>[^<]*<\/uuid>/, `<uuid>${randomUUID()}</uuid>`);
    expect(older).not.toMatch(/port='1'/);
    await client.call('vms.action', { id: guest.id, action: 'forceOff' });
    const dir = await mkdtemp(join(tmpdir(), 'tl-probe-'));
    await writeFile(join(dir, 'older.xml'), older);
    await virshCli(['define', join(dir, 'older.xml')]).finally(() => rm(dir, { recursive: true }));
    olderGuest = (await client.call('guests.list', {})).find((g) => g.name === olderName);
    if (!olderGuest) throw new Error('the older domain is not listed');
    await client.call('vms.action', { id: olderGuest.id, action: 'start' });
    expect(await virshCli(['dumpxml', olderName])).not.toMatch(/<alias name='serial1'\/>/);
    const target = { kind: 'vm' as const, guestId: olderGuest.id };
    const { out, type } = await openSerial(olderGuest.id, 'AGAIN');
    await type(''); // answers the prompt's cursor query
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const [idle] = await client.call('console.probe', {
      targets: [target],
      command: 'hostname',
      timeoutMs: 20_000,
    });
    expect(idle).toMatchObject({ ok: true, output: 'twinlab-microvm' });
    await type('');
    await type('echo half-typed');
    await client.waitFor(() => out().endsWith('echo half-typed'), 'the half line');
    const [busy] = await client.call('console.probe', {
      targets: [target],
      command: 'hostname',
      timeoutMs: 20_000,
    });
    expect(busy).toMatchObject({ ok: false, error: { key: 'twins.error.consoleBusyNoProbeChannel' } });
    expect(out()).toMatch(/echo half-typed$/);
  }, 300_000);
});
