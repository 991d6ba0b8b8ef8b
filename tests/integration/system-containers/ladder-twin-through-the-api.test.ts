/**
 * The ladder twin through the router, on real dockerd, LXD and libvirtd: fixture-ladder becomes an
 * app container, a system container and a VM (the sandbox is switched off to keep it short); the
 * system container is typed into and measured like the others. Then the same template on a lab
 * whose LXD socket does not exist: the system column is left out with the reason, never an error.
 */
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { removeLeftovers, startLabWithDocker, stopTwinLab } from '../../support/twin';

const gate = await engineGate(['docker', 'libvirt', 'lxd']);
const prefix = `tl-ladder-${process.pid}`;

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

async function removeTwin(client: LabClient, guests: readonly Guest[]): Promise<void> {
  for (const guest of guests) {
    if (guest.kind === 'system') await client.call('systems.action', { id: guest.id, action: 'remove' });
    else if (guest.kind === 'vm') await client.call('vms.action', { id: guest.id, action: 'remove' });
    else await client.call('containers.action', { id: guest.id, action: 'remove' });
  }
}

describe.skipIf(gate.skip)('the ladder twin through the API', () => {
  const started: Array<{ lab: Lab; client: LabClient; name: string }> = [];
  afterAll(async () => {
    for (const { lab, client, name } of started) {
      await stopTwinLab(name, { lab, client }, []);
      await lxc('delete', '--force', `${name}-system`).catch(() => undefined);
    }
  }, 120_000);

  async function labWith(name: string, env: Record<string, string> = {}): Promise<LabClient> {
    await removeLeftovers(name);
    const { lab, client } = await startLabWithDocker(env);
    started.push({ lab, client, name });
    return client;
  }

  it('makes container, system container and VM in ladder order; init is PID 1 only in the system container', async () => {
    const name = `${prefix}-a`;
    const client = await labWith(name);
    const twin: TwinCreated = await client.call('twins.create', {
      templateId: 'fixture-ladder',
      name,
      sandbox: 'off',
      operationId: 'ladder-1',
    });
    expect(twin.guests.map((guest) => guest.name)).toEqual([
      `${name}-container`,
      `${name}-system`,
      `${name}-vm`,
    ]);
    expect(twin.leftOut).toBeUndefined();
    const system = twin.guests[1];
    if (!system) throw new Error('no system guest');
    expect(system).toMatchObject({ kind: 'system', runtime: 'lxc', state: 'running', twinId: twin.twinId });
    expect(await lxc('config', 'get', system.name, 'user.twinlab.twin')).toBe(`${twin.twinId}\n`);

    const results = await client.call('console.run', {
      targets: [
        { kind: 'container', guestId: twin.guests[0]?.id ?? '' },
        { kind: 'system', guestId: system.id },
      ],
      command: 'cat /proc/1/comm',
      timeoutMs: 20_000,
    });
    expect(results.map((result) => result.ok && result.output.trim())).toEqual(['sh', 'init']);

    const [measured] = await client.call('compare.measure', { guestIds: [system.id] });
    expect(measured).toMatchObject({ kind: 'system', memoryLimitBytes: 64 * 1024 * 1024 });
    expect(measured?.hostMemoryBytes).toBeGreaterThan(0);
    expect(measured?.hostProcesses?.commands).toEqual(['init']);
    // Start call to first prompt, timed like the app container's (its console opened once it ran).
    expect(measured?.readyMs).toBeGreaterThan(0);
    expect(measured?.readyMs).toBeLessThan(15_000);

    await removeTwin(client, twin.guests);
    expect(await lxc('list', '--format', 'csv', '-c', 'n', system.name)).toBe('');
  }, 240_000);

  it('leaves the system column out, with the reason, when LXD does not answer', async () => {
    const name = `${prefix}-b`;
    const client = await labWith(name, { TWINLAB_LXD_SOCKET: '/nonexistent/lxd.socket' });
    const twin = await client.call('twins.create', {
      templateId: 'fixture-ladder',
      name,
      sandbox: 'off',
      operationId: 'ladder-2',
    });
    expect(twin.guests.map((guest) => guest.name)).toEqual([`${name}-container`, `${name}-vm`]);
    expect(twin.leftOut).toEqual([
      expect.objectContaining({
        role: 'system',
        key: 'twins.leftOut.system',
        params: { reason: expect.stringContaining('/nonexistent/lxd.socket') },
      }),
    ]);
    await removeTwin(client, twin.guests);
  }, 240_000);
});
