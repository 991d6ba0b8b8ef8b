/**
 * System containers on the real LXD: the BusyBox fixture image (scripts/setup-lxd.sh) created,
 * typed into and removed through Twinlab's service and console backend, next to a user's own
 * instance that must survive everything. Locally the suite skips when LXD does not answer (with
 * the reason printed); under CI it fails instead.
 */
import { execFile } from 'node:child_process';
import { release } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import { lxdExecBackend } from '../../../src/main/lab/consoles/backends/lxd-exec';
import { LxdConnection } from '../../../src/main/lab/engines/lxd/connection';
import { watchLxdEvents, type LxdEventSignal } from '../../../src/main/lab/engines/lxd/events';
import { SystemContainerService } from '../../../src/main/lab/system-containers/system-container-service';
import { engineGate } from '../../support/engines';
import { eventually, Harness } from '../consoles/console-harness';

const run = promisify(execFile);
/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['lxd']);
const image = 'twinlab-fixture/busybox-system';
const suffix = process.pid.toString(36);
const mine = `tl-it-sys-${suffix}`;
const users = `users-own-${suffix}`;

describe.skipIf(gate.skip)('system containers on LXD', () => {
  const connection = new LxdConnection(process.env);
  const service = new SystemContainerService({
    client: () => connection.client,
    server: () => connection.server(),
  });
  const harness = new Harness();
  const signals: LxdEventSignal[] = [];
  let stopEvents: () => void = () => undefined;
  let imagesBefore = '';

  beforeAll(async () => {
    imagesBefore = await lxc('image', 'list', '--format', 'csv', '-c', 'f');
    // A user's own instance, made with the CLI and never labelled: Twinlab must leave it alone.
    await lxc('init', image, users);
    stopEvents = watchLxdEvents(
      () => connection.client,
      (signal) => signals.push(signal),
    );
  }, 120_000);

  afterAll(async () => {
    stopEvents();
    await harness.closeAll();
    await lxc('delete', '--force', mine).catch(() => undefined);
    await lxc('delete', '--force', users).catch(() => undefined);
  }, 120_000);

  it('answers the health check with its product and version', async () => {
    expect(await connection.check()).toMatch(/^(LXD|Incus) \d+\.\d+/);
  });

  it('creates and starts the BusyBox system container, labelled as Twinlab’s', async () => {
    const steps: string[] = [];
    const guest = await service.create(
      { name: mine, templateId: 'fixture-ladder', twinId: 'twin-1', system: { image, memoryMiB: 64 } },
      { onStep: (step) => steps.push(step) },
    );
    expect(steps).toEqual(['creating', 'starting']);
    expect(guest).toMatchObject({
      id: mine,
      kind: 'system',
      engine: 'lxd',
      runtime: 'lxc',
      state: 'running',
    });
    expect(guest).toMatchObject({ managed: true, templateId: 'fixture-ladder', twinId: 'twin-1' });
    expect(await lxc('config', 'get', mine, 'limits.memory')).toBe('64MiB\n');
    await eventually(async () =>
      expect(signals).toContainEqual({ type: 'instance', event: { action: 'instance-started', name: mine } }),
    );
  }, 120_000);

  it('lists its own instance as managed and the user’s as not', async () => {
    const guests = await service.list();
    expect(guests.find((guest) => guest.id === mine)?.managed).toBe(true);
    expect(guests.find((guest) => guest.id === users)).toMatchObject({ managed: false, state: 'stopped' });
  });

  it('opens a shell: PID 1 is init, the kernel is the host’s, root inside is shifted outside', async () => {
    const viewer = await harness.open(({ cols, rows }) =>
      lxdExecBackend(connection.client, mine, { cols, rows }),
    );
    await viewer.waitFor('#');
    expect(await viewer.run('cat /proc/1/comm', /\r\ninit\r\n/)).toMatch(/\r\ninit\r\n/);
    const kernel = await viewer.run(
      'uname -r',
      new RegExp(`\\r\\n${release().replace(/[.+]/g, '\\$&')}\\r\\n`),
    );
    expect(kernel).toContain(release());
    const map = await viewer.run('cat /proc/self/uid_map', /\r\n\s*0\s+(\d+)\s+(\d+)\r\n/);
    const outside = Number(/\r\n\s*0\s+(\d+)\s+\d+\r\n/.exec(map)?.[1]);
    expect(outside).toBeGreaterThan(0); // unprivileged: uid 0 inside is an ordinary uid outside
  }, 60_000);

  it('resizes the pty through the control socket', async () => {
    const viewer = await harness.open(({ cols, rows }) =>
      lxdExecBackend(connection.client, mine, { cols, rows }),
    );
    await viewer.waitFor('#');
    harness.manager.resize(viewer.id, 91, 27);
    await eventually(() => viewer.run('stty size', '27 91', 3000));
  }, 60_000);

  it('reads stats from the instance state: memory, processes and the host pid of init', async () => {
    const stats = await service.stats(mine);
    expect(stats.memoryBytes).toBeGreaterThan(0);
    expect(stats.processes).toBeGreaterThanOrEqual(1);
    const { stdout } = await run('cat', [`/proc/${stats.hostPid}/comm`]);
    expect(stdout.trim()).toBe('init');
  });

  it('refuses every change to the user’s own instance, which survives', async () => {
    for (const action of ['start', 'stop', 'remove'] as const) {
      const refused = await service.action(users, action).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).key).toBe('systems.error.notManaged');
    }
    expect(await lxc('list', '--format', 'csv', '-c', 'ns', users)).toBe(`${users},STOPPED\n`);
  });

  it('refuses a name that is taken and an image LXD does not have, before making anything', async () => {
    const taken = await service.validate({ name: users, system: { image } }).catch((error: unknown) => error);
    expect((taken as ApiError).key).toBe('systems.error.nameTaken');
    const missing = await service
      .validate({ name: `${mine}-x`, system: { image: 'no-such-image' } })
      .catch((error: unknown) => error);
    expect((missing as ApiError).key).toBe('systems.error.imageMissing');
  });

  it('stops, starts and removes its own instance, leaving no instance and every image as before', async () => {
    expect(await service.action(mine, 'stop')).toMatchObject({ state: 'stopped' });
    expect(await service.action(mine, 'start')).toMatchObject({ state: 'running' });
    expect(await service.action(mine, 'remove')).toBeNull();
    expect(await lxc('list', '--format', 'csv', '-c', 'n', mine)).toBe('');
    expect(await lxc('image', 'list', '--format', 'csv', '-c', 'f')).toBe(imagesBefore);
    expect(await lxc('list', '--format', 'csv', '-c', 'n', users)).toBe(`${users}\n`);
  }, 120_000);
});
