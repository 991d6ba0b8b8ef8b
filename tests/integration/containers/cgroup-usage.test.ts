/**
 * The live sampler's container numbers, read from cgroup files, against Docker's own stats API for
 * the same container at the same time: a runc container holding 24 MiB in /dev/shm and spinning at
 * half a core (--cpus 0.5), and a gVisor one, whose sandbox and gofer share the container's cgroup.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ContainerCgroupUsage } from '../../../src/main/lab/containers/container-cgroup-usage';
import { readRuntimeInfo } from '../../../src/main/lab/engines/docker/runtime-info';
import { readStatsOnce } from '../../../src/main/lab/engines/docker/stats';
import { engineGate } from '../../support/engines';
import { cleanUp, docker, FIXTURE_IMAGE, runPrefix } from './support';

const gate = await engineGate(['docker']);
const prefix = runPrefix('cgroup');
const MIB = 2 ** 20;
const runtimes = gate.skip ? [] : (await readRuntimeInfo(docker)).runtimes;
if (!gate.skip && !runtimes.includes('runsc') && process.env['CI'])
  throw new Error('CI requires gVisor (runsc) registered with Docker');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function busyContainer(name: string, runtime: string): Promise<string> {
  const container = await docker.createContainer({
    name,
    Image: FIXTURE_IMAGE,
    Cmd: ['sh', '-c', 'head -c 25165824 /dev/zero > /dev/shm/fill; while :; do :; done'],
    Labels: { 'io.twinlab.managed': 'true', 'io.twinlab.template': 'fixture-busybox' },
    HostConfig: {
      NanoCpus: 500_000_000,
      Runtime: runtime,
      ...(runtime === 'runsc' && { NetworkMode: 'none' }),
    },
  });
  await container.start();
  return container.id;
}

describe.skipIf(gate.skip)('container CPU and memory from cgroup files', () => {
  const usage = new ContainerCgroupUsage(() => docker);
  afterAll(async () => {
    usage.stop();
    await cleanUp(prefix);
  });

  for (const runtime of ['runc', 'runsc']) {
    it.skipIf(!runtimes.includes(runtime))(
      `reads what Docker's stats API reads for a ${runtime} container`,
      async () => {
        const id = await busyContainer(`${prefix}-${runtime}`, runtime);
        await sleep(3000); // /dev/shm filled, the loop at its quota
        await usage.relist(() => true);
        await usage.sampleNow();
        // Docker's one-shot stats takes two readings a second apart; ours span the same second.
        const [docker1] = await Promise.all([
          readStatsOnce(docker.getContainer(id)),
          sleep(1000).then(() => usage.sampleNow()),
        ]);
        const ours = usage.samples().find((sample) => sample.guestId === id);
        console.log(
          `${runtime}: cgroup ${((ours?.hostMemoryBytes ?? 0) / MIB).toFixed(1)} MiB, ${ours?.cpuPercent} % ` +
            `| Docker ${(docker1.memoryBytes / MIB).toFixed(1)} MiB, ${docker1.cpuPercent.toFixed(1)} %`,
        );
        expect(ours?.hostMemoryBytes).toBeGreaterThan(24 * MIB);
        expect(Math.abs((ours?.hostMemoryBytes ?? 0) - docker1.memoryBytes)).toBeLessThan(2 * MIB);
        // Spinning, within its half-core quota (less on a host too busy to give it that much).
        expect(ours?.cpuPercent).toBeGreaterThan(5);
        expect(ours?.cpuPercent).toBeLessThan(70);
        expect(Math.abs((ours?.cpuPercent ?? 0) - docker1.cpuPercent)).toBeLessThan(15);

        await docker.getContainer(id).stop({ t: 0 });
        await usage.sampleNow();
        expect(usage.samples().some((sample) => sample.guestId === id)).toBe(false);
      },
      60_000,
    );
  }
});
