import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { DensityRunInput } from '../../../src/shared/density';
import { ApiError } from '../../../src/shared/errors';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { watchDensityGuests } from './density-support';

const gate = await engineGate(['docker', 'libvirt']);

/** Bad density input is refused with a sentence saying what to do, before any guest is made. */
describe.skipIf(gate.skip)('density run refusals, on the real engines', () => {
  let lab: Lab;
  let client: LabClient;

  let config: string;

  beforeAll(async () => {
    // A user template whose container image is not on this host (nor any registry it can reach).
    config = await mkdtemp(join(tmpdir(), 'twinlab-density-'));
    await mkdir(join(config, 'twinlab', 'templates'), { recursive: true });
    await writeFile(
      join(config, 'twinlab', 'templates', 'density-absent-image.yaml'),
      'id: density-absent-image\nname: Absent image\ncontainer:\n  image: twinlab-fixture/absent:1\n  shell: /bin/sh\n',
    );
    ({ lab, client } = await startTestLab('libvirt', { XDG_CONFIG_HOME: config }));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await rm(config, { recursive: true, force: true });
  });

  const base: DensityRunInput = {
    templateId: 'fixture-twin',
    workload: { kind: 'idle' },
    budgetMiB: 1024,
    kinds: ['container', 'vm'],
    maxPerKind: 2,
    operationId: 'refused',
  };

  it.each([
    [
      'a budget smaller than one VM',
      { budgetMiB: 128 },
      'error.densityBudgetBelowGuest',
      /Raise the budget to at least 256 MiB or leave VMs out/,
    ],
    [
      'an unknown template',
      { templateId: 'no-such-template' },
      'twins.error.templateNotFound',
      /There is no template "no-such-template"/,
    ],
    [
      'a kind the template lacks',
      { kinds: ['container', 'system'] as DensityRunInput['kinds'] },
      'error.densityTemplateLacksKind',
      /has no system container side, so it cannot start system containers\. Leave system containers out/,
    ],
    [
      'a container-only template asked for VMs',
      { templateId: 'fixture-busybox' },
      'error.densityTemplateLacksKind',
      /has no VM side, so it cannot start VMs/,
    ],
    [
      "a template whose image is not here (the container service's own check)",
      { templateId: 'density-absent-image', kinds: ['container'] as DensityRunInput['kinds'] },
      'error.densityImageMissing',
      /The image "twinlab-fixture\/absent:1" .* is not on this computer, and a density run downloads nothing/,
    ],
    [
      'a holder too large for the VM',
      { workload: { kind: 'hold' as const, mib: 200 } },
      'error.densityHoldTooLarge',
      /Hold at most 53 MiB, or leave VMs out/,
    ],
  ])('refuses %s', async (_what, change, key, sentence) => {
    const operationId = `refused-${key}`;
    const { value: error, seen } = await watchDensityGuests(client, () =>
      client.call('density.run', { ...base, ...change, operationId }).then(
        () => undefined,
        (refusal: unknown) => refusal,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: expect.stringMatching(/^(bad-input|not-found)$/), key });
    expect((error as ApiError).message).toMatch(sentence);
    expect(seen.size).toBe(0);
    expect(client.of('density.progress').filter((p) => p.operationId === operationId)).toEqual([]);
  });

  it('density.limits: the budget bounds from MemAvailable, and which kinds this host can run', async () => {
    const limits = await client.call('density.limits', {});
    expect(limits.memAvailableBytes).toBeGreaterThan(limits.maxBudgetBytes);
    expect(limits.maxBudgetBytes).toBe(limits.memAvailableBytes - 512 * 1024 * 1024);
    expect(limits.defaultBudgetBytes).toBe(Math.min(2048 * 1024 * 1024, limits.maxBudgetBytes));
    expect(limits.kinds.map((kind) => kind.kind)).toEqual(['container', 'sandbox', 'system', 'vm']);
    // Docker and libvirt answer (the gate); gVisor is registered by setup-lab-host.sh.
    for (const kind of limits.kinds.filter((k) => k.kind !== 'system'))
      expect(kind, kind.kind).toEqual({ kind: kind.kind, available: true });
  });

  it('refuses a budget below the 64 MiB minimum of the contract', async () => {
    await expect(client.call('density.run', { ...base, budgetMiB: 32 })).rejects.toMatchObject({
      code: 'bad-input',
    });
  });
});
