/**
 * Issue #14 item 1 for system containers: console.probe runs an LXD exec beside the instance's
 * shell (no pty). With cat running in the learner's console, a probe answers its output (stdout
 * and stderr) and exit code, a slow one is stopped at its timeout, and the console shows nothing.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['lxd']);
const suffix = process.pid.toString(36);
const mine = `tl-it-sysprobe-${suffix}`;
const users = `users-probe-${suffix}`;

describe.skipIf(gate.skip)('probes beside a system container’s shell', () => {
  let lab: Lab;
  let client: LabClient;
  beforeAll(async () => {
    await lxc('launch', 'twinlab-fixture/busybox-system', mine, '-c', 'user.twinlab.managed=true');
    await lxc('launch', 'twinlab-fixture/busybox-system', users);
    ({ lab, client } = await startTestLab('docker'));
  }, 120_000);
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await lxc('delete', '--force', mine).catch(() => undefined);
    await lxc('delete', '--force', users).catch(() => undefined);
  });

  it('answers output and exit code while cat runs in the console, which sees none of it', async () => {
    const target = { kind: 'system' as const, guestId: mine };
    const session = await client.call('console.open', { target, cols: 100, rows: 30 });
    await client.call('console.attach', { sessionId: session.id });
    const type = (data: string) => client.call('console.write', { sessionId: session.id, data });
    await type('echo READY-$((6*7))\r');
    await client.waitFor(() => client.output(session.id).includes('READY-42'), 'the shell', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await type('cat\r');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = client.output(session.id).length;

    const [answer] = await client.call('console.probe', {
      targets: [target],
      command: 'echo "out $(hostname)"; echo oops >&2; exit 3',
      timeoutMs: 10_000,
    });
    expect(answer).toMatchObject({ ok: true, exitCode: 3 });
    expect(answer?.output.split('\n').sort()).toEqual(['oops', `out ${mine}`]);

    const [slow] = await client.call('console.probe', {
      targets: [target],
      command: 'echo started; sleep 30',
      timeoutMs: 1000,
    });
    expect(slow).toMatchObject({ ok: false, output: 'started', error: { key: 'twins.error.probeTimeout' } });
    expect(await lxc('exec', mine, '--', 'ps', '-o', 'args')).not.toContain('sleep 30');

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.output(session.id).slice(before)).toBe('');
    await type('still cat\r');
    await client.waitFor(
      () => client.output(session.id).slice(before).split('still cat').length >= 3,
      'cat to echo the line',
    );
  }, 90_000);

  it('refuses an instance Twinlab did not make, in words', async () => {
    const [refused] = await client.call('console.probe', {
      targets: [{ kind: 'system', guestId: users }],
      command: 'true',
      timeoutMs: 5000,
    });
    expect(refused).toMatchObject({ ok: false, error: { key: 'systems.error.notManaged' } });
  });
});
