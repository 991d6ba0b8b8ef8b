/**
 * Issue #16: console.open and console.run used to reach containers and domains Twinlab did not
 * make: a command ran inside a user's unlabelled container, and `virsh console --force` typed into
 * (and took over) a user's VM. Both now stop at the same ownership guard as every other operation.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { DEFINE_TIMEOUT_MS, removeDomain, uniqueName, virshCli } from '../vms/support';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const size = { cols: 80, rows: 24 };

describe.skipIf(gate.skip)('consoles only for guests Twinlab made', () => {
  let lab: Lab;
  let client: LabClient;
  const container = uniqueName('users-container');
  const domain = uniqueName('users-vm');
  let containerId = '';
  let domainId = '';

  beforeAll(async () => {
    // What a user's own `docker run` and `virsh define; virsh start` make: no Twinlab labels.
    containerId = (
      await run('docker', ['run', '-d', '--name', container, 'twinlab-fixture/busybox:1', 'sleep', '3600'])
    ).stdout.trim();
    const xmlFile = join(await mkdtemp(join(tmpdir(), 'twinlab-users-vm-')), 'domain.xml');
    await writeFile(
      xmlFile,
      `<domain type='qemu'><name>${domain}</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>
         <os><type arch='x86_64'>hvm</type></os><devices><serial type='pty'/><console type='pty'/></devices></domain>`,
    );
    await virshCli(['define', xmlFile], DEFINE_TIMEOUT_MS);
    await virshCli(['start', domain], DEFINE_TIMEOUT_MS);
    domainId = (await virshCli(['domuuid', domain])).trim();
    ({ lab, client } = await startTestLab('docker'));
    await client.waitFor(
      () => client.of('engines.status').some((status) => status.libvirt.state === 'up'),
      'libvirt to answer',
      30_000,
    );
  }, DEFINE_TIMEOUT_MS);

  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await run('docker', ['rm', '-f', container]).catch(() => undefined);
    await removeDomain(domain);
  });

  it("refuses console.open on a user's container, by id and by name, and execs nothing in it", async () => {
    for (const guestId of [containerId, container]) {
      await expect(
        client.call('console.open', { target: { kind: 'container', guestId }, ...size }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        key: 'containers.guard.notManaged',
      });
    }
    const { stdout } = await run('docker', ['inspect', '--format', '{{len .ExecIDs}}', containerId]);
    expect(stdout.trim()).toBe('0');
  });

  it("refuses console.run in a user's container: the command never runs", async () => {
    const [result] = await client.call('console.run', {
      targets: [{ kind: 'container', guestId: containerId }],
      command: 'touch /tmp/twinlab-was-here',
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ ok: false, error: { key: 'containers.guard.notManaged' } });
    await expect(run('docker', ['exec', container, 'test', '-e', '/tmp/twinlab-was-here'])).rejects.toThrow();
  });

  it("refuses console.open and console.run on a user's running VM, and opens no serial console", async () => {
    expect((await virshCli(['domstate', domain])).trim()).toBe('running');
    await expect(
      client.call('console.open', { target: { kind: 'vm', guestId: domainId }, ...size }),
    ).rejects.toMatchObject({ code: 'forbidden', key: 'vms.error.notManaged' });
    const [result] = await client.call('console.run', {
      targets: [{ kind: 'vm', guestId: domain }],
      command: 'reboot',
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ ok: false, error: { key: 'vms.error.notManaged' } });
    expect(await client.call('console.list', {})).toEqual([]);
    const { stdout } = await run('pgrep', ['-f', `console ${domain}`]).catch(() => ({ stdout: '' }));
    expect(stdout.trim()).toBe('');
  });

  it('still lets the host shell target run a command', async () => {
    const [result] = await client.call('console.run', {
      targets: [{ kind: 'host', guestId: 'host' }],
      command: 'echo host-$((6*7))',
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({ ok: true });
    expect(result?.output).toContain('host-42');
  });
});
