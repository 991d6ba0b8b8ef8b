import { describe, expect, it } from 'vitest';
import type { DensityProgress } from '../../../src/shared/density';
import { ApiError } from '../../../src/shared/errors';
import type { Guest } from '../../../src/shared/guest';
import type { Template } from '../../../src/shared/template';
import { measureKind, type KindLadderDeps, type KindPlan } from '../../../src/main/lab/density/kind-ladder';

const MiB = 1024 * 1024;

/**
 * The ladder's stop rules and clean-up, on a pretend host where each guest takes `costMiB` of
 * MemAvailable (pure logic; the integration tests run it on the real engines).
 */
function pretendHost(
  costMiB: number,
  options: { failAt?: number; abortAt?: number; controller?: AbortController } = {},
) {
  let running = 0;
  const removed: string[] = [];
  const progress: Omit<DensityProgress, 'operationId'>[] = [];
  const deps: KindLadderDeps = {
    memAvailableBytes: async () => 8192 * MiB - running * costMiB * MiB,
    create: async (_kind, name) => {
      if (options.failAt === running + 1) throw new Error(`The container ${name} could not start.`);
      running += 1;
      if (options.abortAt === running) options.controller?.abort();
      return { id: name, name, kind: 'container' } as Guest;
    },
    ready: async () => undefined,
    guestsBytes: async (guests) => guests.length * MiB,
    removeAll: async (guests) => {
      removed.push(...guests.map((guest) => guest.name));
      running -= guests.length;
      return [];
    },
    progress: (update) => progress.push(update),
    sleep: async () => undefined,
  };
  return { deps, removed, progress, running: () => running };
}

const plan = (budgetMiB: number, maxPerKind: number): KindPlan => ({
  kind: 'container',
  template: { id: 't', name: 'T' } as Template,
  workload: { kind: 'idle' },
  budgetBytes: budgetMiB * MiB,
  maxPerKind,
  namePrefix: 'density-run-container',
});

describe('one kind of the density ladder', () => {
  it('stops when the next guest would pass the budget, projected from the mean cost so far', async () => {
    const host = pretendHost(100);
    const { result } = await measureKind(host.deps, plan(350, 10), new AbortController().signal);
    // 3 guests use 300 MiB; a 4th at 100 MiB more would pass 350.
    expect(result.points.map((point) => point.hostUsedBytes / MiB)).toEqual([100, 200, 300]);
    expect(result).toMatchObject({ stoppedBy: 'budget', perGuestBytes: 100 * MiB, fitInBudget: 3 });
    expect(host.removed).toEqual([
      'density-run-container-1',
      'density-run-container-2',
      'density-run-container-3',
    ]);
    expect(host.running()).toBe(0);
  });

  it('stops at the count limit when the budget has room', async () => {
    const host = pretendHost(10);
    const { result } = await measureKind(host.deps, plan(1024, 4), new AbortController().signal);
    expect(result).toMatchObject({ stoppedBy: 'count', fitInBudget: 102 });
    expect(result.points).toHaveLength(4);
    expect(host.progress.map((p) => p.phase)).toEqual([
      'measuring',
      'measuring',
      'measuring',
      'measuring',
      'cleaning',
    ]);
  });

  it('a guest that fails to start stops the kind with its sentence and removes the ones made', async () => {
    const host = pretendHost(10, { failAt: 3 });
    const { result } = await measureKind(host.deps, plan(1024, 10), new AbortController().signal);
    expect(result).toMatchObject({
      stoppedBy: 'failed',
      message:
        'A guest failed to start: The container density-run-container-3 could not start. Check the engines on the Host page and try again.',
      messageKey: 'error.densityGuestFailed',
      messageParams: { detail: 'The container density-run-container-3 could not start' },
    });
    expect(result.points).toHaveLength(2);
    expect(host.running()).toBe(0);
  });

  it("a service's own refusal keeps its catalog key and values", async () => {
    const host = pretendHost(10);
    host.deps.create = async () => {
      throw new ApiError(
        'not-found',
        'containers.error.imageMissing',
        'The image x is not here. Import it.',
        { image: 'x' },
      );
    };
    const { result } = await measureKind(host.deps, plan(1024, 10), new AbortController().signal);
    expect(result).toMatchObject({
      stoppedBy: 'failed',
      message: 'The image x is not here. Import it.',
      messageKey: 'containers.error.imageMissing',
      messageParams: { image: 'x' },
    });
  });

  it('a cancel during a guest stops there: cancelled, the measured points kept, every guest removed', async () => {
    const controller = new AbortController();
    const host = pretendHost(10, { abortAt: 2, controller });
    host.deps.ready = async (_kind, _guest, _workload, signal) => signal.throwIfAborted();
    const { result } = await measureKind(host.deps, plan(1024, 10), controller.signal);
    expect(result.stoppedBy).toBe('cancelled');
    expect(result.points).toHaveLength(1);
    expect(host.removed).toHaveLength(2);
    expect(host.running()).toBe(0);
  });

  it('names what the clean-up could not remove', async () => {
    const host = pretendHost(10);
    host.deps.removeAll = async (guests) => guests.slice(0, 1).map((guest) => guest.name);
    const { leftBehind } = await measureKind(host.deps, plan(1024, 2), new AbortController().signal);
    expect(leftBehind).toEqual(['density-run-container-1']);
  });
});
