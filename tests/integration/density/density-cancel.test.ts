import { afterAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { DensityResult } from '../../../src/shared/density';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startLabWithDocker } from '../../support/twin';
import { densityRemains, watchDensityGuests } from './density-support';

const gate = await engineGate(['docker', 'libvirt']);

const measured = (client: LabClient, operationId: string, kind: 'container' | 'vm') =>
  client
    .of('density.progress')
    .filter((p) => p.operationId === operationId && p.phase === 'measuring' && p.kind === kind).length;

/** A density run stopped half way (operations.cancel, or the lab closing) removes every guest it made. */
describe.skipIf(gate.skip)('density run cancelled half way, on the real engines', () => {
  const labs: { lab: Lab; client: LabClient }[] = [];
  afterAll(async () => {
    for (const { lab, client } of labs) {
      client.close();
      await lab.dispose();
    }
  });

  it('operations.cancel after the first VM is measured: answers cancelled, removes everything, keeps no last result', async () => {
    const started = await startLabWithDocker();
    labs.push(started);
    const { client } = started;
    const lastBefore = await client.call('density.last', {});
    const { value: result, seen } = await watchDensityGuests(client, async () => {
      const running = client.call('density.run', {
        templateId: 'fixture-twin',
        workload: { kind: 'idle' },
        budgetMiB: 1024,
        kinds: ['container', 'vm'],
        maxPerKind: 3,
        operationId: 'density-cancel',
      });
      await client.waitFor(
        () => measured(client, 'density-cancel', 'vm') >= 1,
        'the first VM to be measured',
        120_000,
      );
      await client.call('operations.cancel', { operationId: 'density-cancel' });
      return running;
    });

    expect(result.cancelled).toBe(true);
    expect(result.kinds.map((kind) => [kind.kind, kind.stoppedBy])).toEqual([
      ['container', 'count'],
      ['vm', 'cancelled'],
    ]);
    // The first VM was measured; the one being made when the cancel came was not.
    expect(result.kinds[1]?.points.length).toBe(1);
    expect(result.leftBehind).toEqual([]);
    expect([...seen.values()].some((guest) => guest.kind === 'vm')).toBe(true);
    expect(await densityRemains(seen)).toEqual([]);
    expect(await client.call('density.last', {})).toEqual(lastBefore);
  }, 240_000);

  it('the lab closing mid-run stops it and removes its guests before the engines close', async () => {
    const { lab, client } = await startLabWithDocker();
    let result: DensityResult | undefined;
    const { seen } = await watchDensityGuests(client, async () => {
      const running = client
        .call('density.run', {
          templateId: 'fixture-busybox',
          workload: { kind: 'web' },
          budgetMiB: 1024,
          kinds: ['container'],
          maxPerKind: 50,
          operationId: 'density-dispose',
        })
        .then((answer) => (result = answer));
      await client.waitFor(
        () => measured(client, 'density-dispose', 'container') >= 2,
        'two containers measured',
        60_000,
      );
      await lab.dispose();
      await running;
    });
    client.close();

    expect(result?.cancelled).toBe(true);
    expect(result?.kinds[0]?.stoppedBy).toBe('cancelled');
    expect(result?.leftBehind).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(2);
    expect(await densityRemains(seen)).toEqual([]);
  }, 120_000);
});
