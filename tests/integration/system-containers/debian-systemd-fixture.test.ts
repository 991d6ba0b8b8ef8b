/**
 * The offline Debian 12 fixture (scripts/build-system-images.sh, imported by setup-lxd.sh as
 * twinlab-fixture/debian-systemd) made by Twinlab's service on the real LXD boots a whole system:
 * systemd is PID 1, reaches running (or degraded), runs its services, on the host's kernel. Read
 * back with LXD's own CLI, the yardstick. Locally skipped without LXD (reason printed); under CI it fails.
 */
import { execFile } from 'node:child_process';
import { release } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { LxdConnection } from '../../../src/main/lab/engines/lxd/connection';
import { SystemContainerService } from '../../../src/main/lab/system-containers/system-container-service';
import { engineGate } from '../../support/engines';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`lxc ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['lxd']);

/**
 * systemd's own view of its boot, polled: `is-system-running` answers initializing/starting until
 * every start job is done, then running (or degraded when a unit failed). Not `--wait`, which needs
 * the system bus that D-Bus may not offer yet this early in the boot.
 */
async function bootState(name: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    // It exits non-zero for every state but running; the state word is on stdout either way.
    state = (await lxc('exec', name, '--', 'sh', '-c', 'systemctl is-system-running || true')).trim();
    if (/^(running|degraded)$/.test(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return state;
}
const name = `tl-it-debsd-${process.pid.toString(36)}`;

describe.skipIf(gate.skip)('the Debian 12 systemd fixture on LXD', () => {
  const connection = new LxdConnection(process.env);
  const service = new SystemContainerService({
    client: () => connection.client,
    server: () => connection.server(),
  });

  afterAll(async () => {
    await lxc('delete', '--force', name).catch(() => undefined);
  }, 90_000);

  it('boots with systemd as PID 1 on the host’s kernel and reaches running', async () => {
    const started = performance.now();
    const guest = await service.create({
      name,
      templateId: 'fixture-debian-systemd',
      system: { image: 'twinlab-fixture/debian-systemd', memoryMiB: 256 },
    });
    expect(guest).toMatchObject({ id: name, kind: 'system', state: 'running', managed: true });

    expect((await lxc('exec', name, '--', 'cat', '/proc/1/comm')).trim()).toBe('systemd');
    const state = await bootState(name);
    expect(state).toMatch(/^(running|degraded)$/);
    console.info(
      `debian-systemd: ${state} ${Math.round(performance.now() - started)} ms after the create call`,
    );

    const services = await lxc(
      'exec',
      name,
      '--',
      'systemctl',
      'list-units',
      '--type=service',
      '--state=running',
      '--no-legend',
      '--plain',
    );
    expect(services).toContain('systemd-journald.service');
    expect(services).toContain('systemd-logind.service');
    expect((await lxc('exec', name, '--', 'uname', '-r')).trim()).toBe(release());
    // The hostname template in the image's metadata gave systemd the instance's name.
    expect((await lxc('exec', name, '--', 'hostname')).trim()).toBe(name);
  }, 120_000);
});
