import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { DensityProgress, DensityResult } from '../../../src/shared/density';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startLabWithDocker } from '../../support/twin';
import { densityRemains, mib, watchDensityGuests } from './density-support';

const gate = await engineGate(['docker', 'libvirt']);
const MiB = 1024 * 1024;

/** The density experiment end to end through the router, on the real dockerd and libvirtd. */
describe.skipIf(gate.skip)('density run on fixture-twin: containers and microVMs in a 1 GiB budget', () => {
  let lab: Lab;
  let client: LabClient;

  beforeAll(async () => {
    ({ lab, client } = await startLabWithDocker());
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
  });

  it('measures each kind guest by guest, stops at the budget or the count, and removes every guest', async () => {
    // Twinlab's own virsh console to a ready VM (its probe channel) must not be measured with it.
    const channelsAtVmPoints: string[][] = [];
    const unsubscribe = lab.events.subscribe(({ event, payload }) => {
      const progress = payload as DensityProgress;
      if (event !== 'density.progress' || progress.phase !== 'measuring' || progress.kind !== 'vm') return;
      const args = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
      channelsAtVmPoints.push(args.filter((line) => /^virsh .*console density-\S+-vm-/.test(line)));
    });
    const { value: result, seen } = await watchDensityGuests(client, () =>
      client.call('density.run', {
        templateId: 'fixture-twin',
        workload: { kind: 'idle' },
        budgetMiB: 1024,
        kinds: ['container', 'vm'],
        maxPerKind: 4,
        operationId: 'density-a',
      }),
    );
    unsubscribe();
    report(result);
    expect(channelsAtVmPoints.length).toBeGreaterThan(0);
    expect(channelsAtVmPoints.flat()).toEqual([]);

    expect(result.cancelled).toBe(false);
    expect(result.budgetBytes).toBe(1024 * MiB);
    expect(result.kinds.map((kind) => kind.kind)).toEqual(['container', 'vm']);
    for (const kind of result.kinds) {
      expect(kind.stoppedBy, `${kind.kind}: ${kind.message ?? ''}`).toMatch(/^(budget|count)$/);
      expect(kind.points.map((point) => point.guests)).toEqual(
        Array.from({ length: kind.points.length }, (_, i) => i + 1),
      );
      if (kind.stoppedBy === 'count') expect(kind.points).toHaveLength(4);
      for (const point of kind.points) {
        expect(point.startMs).toBeGreaterThan(0);
        expect(point.guestsBytes).toBeGreaterThan(0);
      }
    }
    // A microVM's QEMU holds far more than an idle BusyBox shell's cgroup: the guests' own accounting says so.
    const perGuest = (name: 'container' | 'vm') => {
      const last = result.kinds.find((kind) => kind.kind === name)?.points.at(-1);
      return last ? last.guestsBytes / last.guests : 0;
    };
    expect(perGuest('vm')).toBeGreaterThan(perGuest('container') * 5);
    // MemAvailable is read at every point. Its drop is host-wide: on a host where other work starts
    // and ends (several test runs at once) it can even rise, so only its reading is asserted here,
    // not its size; the guests' own accounting above is the robust yardstick.
    for (const kind of result.kinds) {
      const drops = kind.points.map((point) => point.hostUsedBytes);
      expect(drops.every(Number.isSafeInteger), kind.kind).toBe(true);
      expect(new Set(drops).size, `${kind.kind}: one reading for every point`).toBe(drops.length);
    }

    // Progress after each point, then cleaning and done.
    const progress = client.of('density.progress').filter((p) => p.operationId === 'density-a');
    expect(progress.filter((p) => p.phase === 'measuring')).toHaveLength(
      result.kinds.reduce((sum, kind) => sum + kind.points.length, 0),
    );
    expect(progress.at(-1)?.phase).toBe('done');

    // Nothing left: not in the result, not in the engines' own listings, no VM folder.
    expect(result.leftBehind).toEqual([]);
    expect(seen.size).toBe(result.kinds.reduce((sum, kind) => sum + kind.points.length, 0));
    expect(await densityRemains(seen)).toEqual([]);

    // Kept as the last result.
    expect(await client.call('density.last', {})).toEqual(result);
  }, 300_000);
});

function report(result: DensityResult): void {
  const lines = result.kinds.map(
    (kind) =>
      `${kind.kind}: ${kind.points.length} guests, stopped by ${kind.stoppedBy}; host ${mib(kind.perGuestBytes)} MiB/guest, ` +
      `own ${mib((kind.points.at(-1)?.guestsBytes ?? 0) / Math.max(1, kind.points.at(-1)?.guests ?? 1))} MiB/guest, ` +
      `fit in budget ${kind.fitInBudget ?? 'n/a'}, start ${kind.points.map((p) => p.startMs).join('/')} ms`,
  );
  console.log(
    `density (${result.host.accelerator}):\n  ${lines.join('\n  ')}\n  ratio ${result.ratio?.toFixed(2) ?? 'n/a'}`,
  );
}
