/**
 * The offline Debian 12 fixture (scripts/build-system-images.sh, imported by setup-lxd.sh as
 * twinlab-fixture/debian-systemd) made by Twinlab's service on the real LXD boots a whole system:
 * systemd is PID 1, reaches running (or degraded), runs its services, on the host's kernel. Read
 * back with LXD's own CLI, the yardstick. Locally skipped without LXD (reason printed); under CI it fails.
 */
import { release } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { LxdConnection } from '../../../src/main/lab/engines/lxd/connection';
import { SystemContainerService } from '../../../src/main/lab/system-containers/system-container-service';
import { engineGate } from '../../support/engines';
import { lxc, systemdBootState } from '../../support/lxd';

const gate = await engineGate(['lxd']);

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
    const state = await systemdBootState(name);
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
