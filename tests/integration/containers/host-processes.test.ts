/**
 * "What the host sees" of a gVisor container, through compare.measure on the real dockerd and runsc:
 * the host's own processes (runsc's sandbox and gofer), which `docker top` cannot show because it
 * lists the sandbox's view. Checked against ps, the host's own tool.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeInfo } from '../../../src/main/lab/engines/docker/runtime-info';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { cleanUp, docker, runPrefix } from './support';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = runPrefix('hostps');
const runtimes = gate.skip ? [] : (await readRuntimeInfo(docker)).runtimes;
if (!gate.skip && !runtimes.includes('runsc') && process.env['CI'])
  throw new Error('CI requires gVisor (runsc) registered with Docker');

/** `ps -o args` of every process in the container's cgroup: the host's own answer. */
async function psOfCgroup(containerId: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'cgroup:512,args', '--no-headers', '--sort', 'pid']);
  return stdout
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .filter(([cgroup]) => cgroup?.includes(containerId))
    .map(([, program]) => (program ?? '').split('/').at(-1) ?? '');
}

describe.skipIf(gate.skip || !runtimes.includes('runsc'))("a gVisor container's host processes", () => {
  let lab: Lab;
  let client: LabClient;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('docker'));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await cleanUp(prefix);
  });

  it('names runsc-sandbox and runsc-gofer, as ps does, where docker top shows the sandbox’s own PID 1', async () => {
    const guest = await client.call('containers.create', {
      spec: {
        image: 'twinlab-fixture/busybox:1',
        name: `${prefix}-gvisor`,
        templateId: 'fixture-busybox',
        runtime: 'runsc',
        command: ['sleep', '600'],
      },
      operationId: `${prefix}-gvisor`,
    });
    const [measurement] = await client.call('compare.measure', { guestIds: [guest.id] });
    const commands = measurement?.hostProcesses?.commands ?? [];
    console.log(`gVisor on the host: ${commands.join(', ')}`);
    expect(commands).toContain('runsc-sandbox');
    expect(commands).toContain('runsc-gofer');
    expect(commands).toEqual(await psOfCgroup(guest.id));
    expect(measurement?.hostProcesses?.count).toBe(commands.length);

    const top = await docker.getContainer(guest.id).top();
    expect(JSON.stringify(top)).not.toContain('runsc-sandbox');
  });

  it('lists a runc container’s own processes, the same ones docker top lists', async () => {
    const guest = await client.call('containers.create', {
      spec: {
        image: 'twinlab-fixture/busybox:1',
        name: `${prefix}-runc`,
        templateId: 'fixture-busybox',
        command: ['sh', '-c', 'sleep 600 & sleep 601'],
      },
      operationId: `${prefix}-runc`,
    });
    const [measurement] = await client.call('compare.measure', { guestIds: [guest.id] });
    expect(measurement?.hostProcesses).toEqual({ count: 2, commands: ['sleep', 'sleep'] });
    const top = (await docker.getContainer(guest.id).top()) as { Processes: string[][] };
    expect(top.Processes).toHaveLength(2);
  });
});
