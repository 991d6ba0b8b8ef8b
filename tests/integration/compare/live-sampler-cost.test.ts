import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveSampler } from '../../../src/main/lab/compare/live-sampler';
import { ContainerCgroupUsage } from '../../../src/main/lab/containers/container-cgroup-usage';
import { LibvirtConnection } from '../../../src/main/lab/engines/libvirt/connection';
import { VmLiveUsage } from '../../../src/main/lab/vms/vm-live-usage';
import { engineGate } from '../../support/engines';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-live-${process.pid}`;
const count = 30;

async function removeOurs(): Promise<void> {
  const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=${prefix}`]);
  const ids = stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await run('docker', ['rm', '-f', ...ids]);
}

/** guests.live's budget: 30 running guests sampled at 1 Hz cost main under 5 % of one core. */
describe.skipIf(gate.skip)('the live sampler with 30 running containers', () => {
  const libvirt = new LibvirtConnection(undefined);
  let sampler: LiveSampler;

  beforeAll(async () => {
    await removeOurs();
    const started: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      started.push(
        run('docker', [
          'run',
          '-d',
          '--name',
          `${prefix}-${i}`,
          '--label',
          'io.twinlab.managed=true',
          '--label',
          'io.twinlab.template=bench',
          'twinlab-fixture/busybox:1',
          'sleep',
          '600',
        ]),
      );
    }
    await Promise.all(started);
  }, 120_000);
  afterAll(async () => {
    sampler?.stop();
    await libvirt.close();
    await removeOurs();
  }, 60_000);

  it('samples all of them about once a second for under 5 % of a core, and stops when nobody asks', async () => {
    const docker = new Docker();
    sampler = new LiveSampler({
      sources: [new ContainerCgroupUsage(() => docker), new VmLiveUsage(libvirt)],
      idleMs: 3000,
    });
    const ask = setInterval(() => sampler.sample(), 1000);
    sampler.sample();
    await new Promise((resolve) => setTimeout(resolve, 4000)); // streams open, first samples in
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const cpu = process.cpuUsage(cpuBefore);
    const percentOfCore = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
    clearInterval(ask);
    const { stdout } = await run('docker', ['ps', '-q', '--filter', `name=${prefix}`]);
    const ours = new Set(stdout.split('\n').filter(Boolean));
    const samples = sampler.sample().filter((s) => [...ours].some((id) => s.guestId.startsWith(id)));
    console.log(
      `guests.live: ${samples.length} of ${ours.size} sampled, main at ${percentOfCore.toFixed(2)} % of a core`,
    );
    expect(samples.length).toBe(count);
    expect(samples.every((s) => (s.hostMemoryBytes ?? 0) > 0)).toBe(true);
    expect(percentOfCore).toBeLessThan(5);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(sampler.running).toBe(false);
  }, 60_000);
});
