/**
 * LXD's daemon restarted while a system container's console is open (a package upgrade, a crash):
 * the instance runs on, the console's exec session dies with the daemon, and the lab must find its
 * way back by itself — the console reconnects to a new shell and takes typing again, with no
 * action from the learner. The instance is Twinlab's (labelled as the app labels its own).
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate, labDaemon } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['docker', 'lxd']);
const name = `tl-it-lxd-restart-${process.pid.toString(36)}`;

describe.skipIf(gate.skip)('an LXD restart with a system container console open', () => {
  let lab: Lab;
  let client: LabClient;

  beforeAll(async () => {
    await lxc('launch', 'twinlab-fixture/busybox-system', name, '-c', 'user.twinlab.managed=true');
    ({ lab, client } = await startTestLab('docker'));
  }, 120_000);

  afterAll(async () => {
    await labDaemon('start', 'lxd'); // in case the test failed half way through the restart
    await lxc('delete', '--force', name).catch(() => undefined);
    client?.close();
    await lab?.dispose();
  }, 120_000);

  it('keeps the instance running and reconnects the console to a shell that takes typing', async () => {
    const session = await client.call('console.open', {
      target: { kind: 'system', guestId: name },
      cols: 100,
      rows: 30,
    });
    await client.call('console.attach', { sessionId: session.id });
    await client.call('console.write', { sessionId: session.id, data: 'echo BEFORE-$((6*7))\r' });
    await client.waitFor(() => client.output(session.id).includes('BEFORE-42'), 'output before the restart');

    const statesBefore = client.of('console.state').length;
    await labDaemon('restart', 'lxd');
    expect((await lxc('list', name, '-c', 's', '--format', 'csv')).trim()).toBe('RUNNING');

    const statesSince = () =>
      client
        .of('console.state')
        .slice(statesBefore)
        .filter((state) => state.sessionId === session.id)
        .map((state) => state.state);
    // The old exec ends with the daemon; the event stream coming back reconnects the console.
    await client.waitFor(() => statesSince().includes('disconnected'), 'the console to notice', 30_000);
    await client.waitFor(
      () => client.consoleState(session.id) === 'open',
      'the console to reconnect',
      60_000,
    );
    const typedAt = client.output(session.id).length;
    await client.call('console.write', { sessionId: session.id, data: 'echo AFTER-$((6*7))\r' });
    await client.waitFor(
      () => client.output(session.id).slice(typedAt).includes('AFTER-42'),
      'output after the restart',
    );
    await client.call('console.close', { sessionId: session.id });
  }, 180_000);
});
