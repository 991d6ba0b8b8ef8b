/**
 * Issue #14: keystrokes typed into a console whose guest is stopped must be refused, visibly, and
 * never run later. Stop a container, type a command, start it: the command must not have run.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const name = `tl-it-ghost-${process.pid.toString(36)}`;

describe.skipIf(gate.skip)('input typed while the guest is stopped', () => {
  let lab: Lab;
  let client: LabClient;
  beforeAll(async () => {
    ({ lab, client } = await startTestLab('docker'));
  }, 60_000);
  afterAll(async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
    client?.close();
    await lab?.dispose();
  });

  it('is refused with a sentence in the terminal, and nothing runs after Start', async () => {
    const guest = await client.call('containers.create', {
      spec: { image: 'twinlab-fixture/busybox:1', name, templateId: 'test', memoryMiB: 64 },
      operationId: `${name}-op`,
    });
    const session = await client.call('console.open', {
      target: { kind: 'container', guestId: guest.id },
      cols: 80,
      rows: 24,
    });
    await client.call('console.attach', { sessionId: session.id });
    await client.call('console.write', { sessionId: session.id, data: 'echo LIVE-$((6*7))\r' });
    await client.waitFor(() => client.output(session.id).includes('LIVE-42'), 'the live shell');

    await client.call('containers.action', { id: guest.id, action: 'stop' });
    await client.waitFor(
      () => client.consoleState(session.id) === 'disconnected',
      'the console to see the stop',
      20_000,
    );
    const before = client.output(session.id).length;
    await client.call('console.write', { sessionId: session.id, data: 'echo GHOST > /tmp/ghost\r' });
    await client.waitFor(
      () => client.output(session.id).slice(before).includes('what you type is not sent'),
      'the refusal in the terminal',
    );
    // Said once per outage, not once per key.
    await client.call('console.write', { sessionId: session.id, data: 'more' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.output(session.id).slice(before).split('what you type is not sent').length).toBe(2);

    await client.call('containers.action', { id: guest.id, action: 'start' });
    await client.waitFor(
      () => client.consoleState(session.id) === 'open',
      'the console to reconnect',
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ghost = await run('docker', ['exec', name, 'sh', '-c', 'cat /tmp/ghost 2>/dev/null || echo none']);
    expect(ghost.stdout.trim()).toBe('none');
  }, 90_000);
});
