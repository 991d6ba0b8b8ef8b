import { execFile } from 'node:child_process';
import { release } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { Guest } from '../../../src/shared/guest';
import { engineGate, labDaemon } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startTestLab } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = `tl-api-${process.pid}`;

/** The container half of the lab end to end through the router, as the renderer drives it. */
describe.skipIf(gate.skip)('containers and consoles through the API, on the real dockerd', () => {
  let lab: Lab;
  let client: LabClient;
  let guest: Guest;
  let sessionId: string;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('docker'));
  });
  afterAll(async () => {
    await labDaemon('start', 'docker');
    client?.close();
    await lab?.dispose();
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
    const leftovers = stdout.split('\n').filter(Boolean);
    if (leftovers.length > 0) await run('docker', ['rm', '-fv', ...leftovers]);
  });

  it('creates a container from the fixture template, with progress, and lists it', async () => {
    const catalog = await client.call('templates.list', {});
    const template = catalog.entries.find((entry) => entry.template.id === 'fixture-busybox')?.template;
    expect(template?.container).toBeDefined();
    const spec = {
      ...template?.container,
      image: template?.container?.image ?? '',
      name: `${prefix}-a`,
      templateId: 'fixture-busybox',
      restart: 'always',
    };

    expect(await client.call('containers.validate', { spec })).toEqual([]);
    const preview = await client.call('containers.preview', { spec });
    expect(preview.dockerRun).toMatch(/^docker run .*--memory 64m.* twinlab-fixture\/busybox:1/);

    guest = await client.call('containers.create', { spec, operationId: 'create-a' });
    expect(guest).toMatchObject({
      name: `${prefix}-a`,
      kind: 'container',
      engine: 'docker',
      runtime: 'runc',
      state: 'running',
      managed: true,
    });
    const steps = client
      .of('operation.progress')
      .filter((p) => p.operationId === 'create-a')
      .map((p) => p.step);
    expect(steps).toEqual(['validating', 'creating', 'starting', 'done']);
    expect((await client.call('guests.list', {})).map((g) => g.id)).toContain(guest.id);
  });

  it('refuses a bad spec before creating anything, with a sentence that names the field', async () => {
    const problems = await client.call('containers.validate', {
      spec: { image: 'twinlab-fixture/busybox:1', name: `${prefix}-a`, templateId: 'x', memoryMiB: 2 },
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual(['memoryMiB', 'name']);
    await expect(
      client.call('containers.create', {
        spec: { image: 'twinlab-fixture/busybox:1', name: 'bad name!', templateId: 'x' },
        operationId: 'bad',
      }),
    ).rejects.toMatchObject({ code: 'bad-input', key: 'containers.validate.nameInvalid' });
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', 'name=bad']);
    expect(stdout.trim()).toBe('');
  });

  it('opens a console where uname -r prints the host kernel, and replays it after a detach', async () => {
    const session = await client.call('console.open', {
      target: { kind: 'container', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    sessionId = session.id;
    expect(session.readOnly).toBe(false);
    const again = await client.call('console.open', {
      target: { kind: 'container', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    expect(again.id).toBe(sessionId); // one live session per target, shared by every view

    await client.call('console.attach', { sessionId });
    await client.call('console.write', { sessionId, data: 'uname -r\r' });
    await client.waitFor(
      () => client.output(sessionId).includes(release()),
      'the host kernel in the console',
    );
    await client.call('console.detach', { sessionId });

    const reattached = await client.call('console.attach', { sessionId });
    expect(reattached.replay).toContain(release());
    expect(reattached.state).toBe('open');
  });

  it('reconnects the console after the container restarts', async () => {
    await client.call('containers.action', { id: guest.id, action: 'restart' });
    await client.waitFor(
      () => client.of('console.state').some((s) => s.sessionId === sessionId && s.state === 'disconnected'),
      'the console to notice the restart',
    );
    await client.waitFor(() => client.consoleState(sessionId) === 'open', 'the console to reconnect');
    await client.call('console.write', { sessionId, data: 'echo back-$((40+2))\r' });
    await client.waitFor(() => client.output(sessionId).includes('back-42'), 'output after the reconnect');
  });

  // Stopping dockerd needs root: the root pass of CI runs this, the ordinary user's pass cannot.
  it.skipIf(process.getuid?.() !== 0)('reconnects the console after dockerd itself restarts', async () => {
    await labDaemon('stop', 'docker');
    await client.waitFor(
      () => client.consoleState(sessionId) === 'disconnected',
      'the console to show disconnected',
    );
    await labDaemon('start', 'docker'); // restart policy "always" brings the container back
    await client.waitFor(
      () => client.consoleState(sessionId) === 'open',
      'the console to reconnect after dockerd returned',
      30_000,
    );
    await client.call('console.write', { sessionId, data: 'echo again-$((40+2))\r' });
    await client.waitFor(
      () => client.output(sessionId).includes('again-42'),
      'output after dockerd returned',
    );
  });

  it('shows the memory limit that was set, and follows the log read-only', async () => {
    const stats = await client.call('containers.stats', { id: guest.id });
    expect(stats.memoryLimitBytes).toBe(64 * 1024 * 1024);
    const logs = await client.call('console.open', {
      target: { kind: 'container-logs', guestId: guest.id },
      cols: 100,
      rows: 30,
    });
    expect(logs.readOnly).toBe(true);
    await client.call('console.attach', { sessionId: logs.id });
    await client.call('console.close', { sessionId: logs.id });
  });

  it('removes the container with its anonymous volumes, and only Twinlab containers', async () => {
    await run('docker', [
      'run',
      '-d',
      '--name',
      `${prefix}-user`,
      'twinlab-fixture/busybox:1',
      'sleep',
      '600',
    ]);
    const theirs = (await client.call('guests.list', {})).find((g) => g.name === `${prefix}-user`);
    expect(theirs?.managed).toBe(false);
    if (!theirs) throw new Error('the user container is not listed');
    for (const action of ['stop', 'remove'] as const) {
      await expect(client.call('containers.action', { id: theirs.id, action })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(
      (await run('docker', ['inspect', '-f', '{{.State.Running}}', `${prefix}-user`])).stdout.trim(),
    ).toBe('true');

    await client.call('console.close', { sessionId });
    await client.call('containers.action', { id: guest.id, action: 'remove' });
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}-a`]);
    expect(stdout.trim()).toBe('');
    expect((await client.call('guests.list', {})).map((g) => g.id)).not.toContain(guest.id);
  });
});
