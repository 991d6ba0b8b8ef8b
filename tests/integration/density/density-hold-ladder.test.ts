import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { densityRemains, mib, watchDensityGuests } from './density-support';

const gate = await engineGate(['docker', 'libvirt', 'lxd']);
const MiB = 1024 * 1024;
const holdMiB = 48;

/**
 * The hold workload in every kind of the ladder (runc, gVisor, LXD, the BusyBox microVM): the
 * run only measures a guest once its holder's resident memory reached the size inside the guest,
 * and the engines' own accounting of each guest shows those bytes.
 */
describe.skipIf(gate.skip)('density hold workload on fixture-ladder, on the real engines', () => {
  let lab: Lab;
  let client: LabClient;

  beforeAll(async () => {
    ({ lab, client } = await startTestLab('libvirt'));
    await client.waitFor(
      () =>
        client
          .of('engines.status')
          .some((status) => status.docker.state === 'up' && status.lxd.state === 'up'),
      'docker and LXD to answer',
      30_000,
    );
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
  });

  it(`holds ${holdMiB} MiB in a container, a sandbox, a system container and a microVM`, async () => {
    const { value: result, seen } = await watchDensityGuests(client, () =>
      client.call('density.run', {
        templateId: 'fixture-ladder',
        workload: { kind: 'hold', mib: holdMiB },
        budgetMiB: 1024,
        kinds: ['vm', 'system', 'sandbox', 'container'],
        maxPerKind: 1,
        operationId: 'density-hold',
      }),
    );
    console.log(
      result.kinds
        .map(
          (k) =>
            `${k.kind}: ${k.stoppedBy} ${k.message ?? ''} own ${mib(k.points[0]?.guestsBytes)} MiB, host ${mib(k.perGuestBytes)} MiB`,
        )
        .join('\n'),
    );
    // In the ladder's order whatever order they were asked in.
    expect(result.kinds.map((kind) => [kind.kind, kind.stoppedBy, kind.message])).toEqual([
      ['container', 'count', undefined],
      ['sandbox', 'count', undefined],
      ['system', 'count', undefined],
      ['vm', 'count', undefined],
    ]);
    for (const kind of result.kinds)
      expect(kind.points[0]?.guestsBytes, kind.kind).toBeGreaterThan(holdMiB * MiB);
    expect(result.leftBehind).toEqual([]);
    expect(seen.size).toBe(4);
    expect(await densityRemains(seen)).toEqual([]);
  }, 300_000);
});
