/**
 * lab.dispose() leaves nothing of Twinlab's running in the process: no timer, child process, socket
 * or pipe. A real lab makes a container, opens its console, samples live stats and measures it, then
 * is disposed with the console still open; Node's own list of active resources must be back to what
 * it was before the lab was made. (A leftover handle is what kept `npm run bench:lab` from exiting.)
 */
import { execFile } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { engineGate } from '../../support/engines';
import { startTestLab } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-dispose-${process.pid}`;

/** Active resources by type, e.g. { Timeout: 2, TCPWrap: 1 }. */
function resourceCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

/** What `after` holds beyond `before`, e.g. ["Timeout +1"]. */
function leftOver(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([type, count]) => count > (before.get(type) ?? 0))
    .map(([type, count]) => `${type} +${count - (before.get(type) ?? 0)}`);
}

/** This process's open files in the cgroup tree: the live sampler's counter files. */
function cgroupFilesOpen(): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith('/sys/fs/cgroup/');
    } catch {
      return false; // closed while listing
    }
  }).length;
}

describe.skipIf(gate.skip)('disposing a lab that was used', () => {
  afterAll(async () => {
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
    const ids = stdout.split('\n').filter(Boolean);
    if (ids.length > 0) await run('docker', ['rm', '-f', ...ids]);
  });

  it('closes every timer, child process and socket it opened', async () => {
    const before = resourceCounts();
    const { lab, client } = await startTestLab('docker');
    await client.waitFor(
      () => client.of('engines.status').some((status) => status.libvirt.state === 'up'),
      'libvirt to answer',
      30_000,
    );
    const guest = await client.call('containers.create', {
      spec: { image: 'twinlab-fixture/busybox:1', name: `${prefix}-c`, templateId: 'fixture-busybox' },
      operationId: `${prefix}-c`,
    });
    const session = await client.call('console.open', {
      target: { kind: 'container', guestId: guest.id },
      cols: 80,
      rows: 24,
    });
    await client.call('console.attach', { sessionId: session.id });
    await client.call('console.write', { sessionId: session.id, data: 'echo disposed-$((6*7))\r' });
    await client.waitFor(() => client.output(session.id).includes('disposed-42'), 'the console to answer');
    await client.call('guests.live', {});
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the sampler's first ticks
    expect((await client.call('guests.live', {})).some((sample) => sample.guestId === guest.id)).toBe(true);
    await client.call('compare.measure', { guestIds: [guest.id] });
    const during = leftOver(before, resourceCounts());
    console.log(`while in use: ${during.join(', ')}`);
    expect(during.length).toBeGreaterThan(0); // the yardstick sees the lab's handles at all
    expect(cgroupFilesOpen()).toBeGreaterThan(0); // live stats read the container's cgroup

    client.close();
    await lab.dispose();
    // Closing sockets and reaping children finish on the next turns of the event loop.
    let left = leftOver(before, resourceCounts());
    for (let waited = 0; left.length > 0 && waited < 3000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = leftOver(before, resourceCounts());
    }
    console.log(`after dispose: ${left.length === 0 ? 'nothing left' : left.join(', ')}`);
    expect(left).toEqual([]);
    expect(cgroupFilesOpen()).toBe(0);
  }, 90_000);
});
