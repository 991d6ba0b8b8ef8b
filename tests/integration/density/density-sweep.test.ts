import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { densityTwinId } from '../../../src/main/lab/density/density-guests';
import { twinlabLabels } from '../../../src/main/lab/engines/docker/labels';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-density-sweep-${process.pid}`;

/** A container labelled as Twinlab's, as a density run makes it, made with docker's own CLI. */
async function densityContainer(name: string, twinId: string): Promise<void> {
  const labels = twinlabLabels({
    templateId: 'fixture-busybox',
    twinId,
    createdAt: new Date().toISOString(),
  });
  const flags = Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  await run('docker', ['run', '-d', '--name', name, ...flags, 'twinlab-fixture/busybox:1', 'sleep', '600']);
}

async function containerExists(name: string): Promise<boolean> {
  const { stdout } = await run('docker', [
    'ps',
    '-a',
    '--filter',
    `name=^${name}$`,
    '--format',
    '{{.Names}}',
  ]);
  return stdout.trim() === name;
}

/** Guests an interrupted density run left are removed when a lab starts; a run still going elsewhere is not touched. */
describe.skipIf(gate.skip)('density leftovers swept at lab start, on the real dockerd', () => {
  let lab: Lab | undefined;
  let client: LabClient | undefined;
  const orphan = `${prefix}-orphan`;
  const othersLive = `${prefix}-live`;
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await run('docker', ['rm', '-f', orphan, othersLive]).catch(() => undefined);
  });

  it("removes a run's guest whose process is gone and keeps one of a process still running", async () => {
    // Process 4194305 cannot exist (above Linux's largest pid_max, 2^22); process 1 (init) always runs.
    await densityContainer(orphan, densityTwinId('deadbeef', 4_194_305));
    await densityContainer(othersLive, densityTwinId('cafe0001', 1));
    ({ lab, client } = await startTestLab('libvirt'));
    const deadline = Date.now() + 30_000;
    while ((await containerExists(orphan)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 500));
    expect(await containerExists(orphan)).toBe(false);
    expect(await containerExists(othersLive)).toBe(true);
  }, 60_000);
});
