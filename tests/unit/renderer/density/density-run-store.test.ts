import { describe, expect, it } from 'vitest';
import type { ApiEvents, EventName, MethodInput, MethodName, MethodResult } from '../../../../src/shared/api';
import type { DensityProgress, DensityResult } from '../../../../src/shared/density';
import type { ApiClient } from '../../../../src/renderer/src/api/client';
import { densityRunStore } from '../../../../src/renderer/src/pages/density/density-run-store';
import { MiB, result } from './fixtures';

/** A stand-in client: density.run waits until the test settles it; events are pushed by hand. */
function fakeClient() {
  const calls: { method: MethodName; input: unknown }[] = [];
  const progress = new Set<(payload: DensityProgress) => void>();
  let settle: { resolve: (value: DensityResult) => void; reject: (reason: unknown) => void } | undefined;
  const client: ApiClient = {
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
      calls.push({ method, input });
      if (method !== 'density.run') return Promise.resolve(null as MethodResult<M>);
      return new Promise<MethodResult<M>>((resolve, reject) => {
        settle = { resolve: (value) => resolve(value as MethodResult<M>), reject };
      });
    },
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      if (event !== 'density.progress') return () => undefined;
      const typed = listener as (payload: DensityProgress) => void;
      progress.add(typed);
      return () => progress.delete(typed);
    },
    onConnection: () => () => undefined,
  };
  return {
    client,
    calls,
    push: (payload: DensityProgress) => progress.forEach((listener) => listener(payload)),
    listeners: () => progress.size,
    settle: () => settle,
  };
}

const input = {
  templateId: 'fixture-twin',
  workload: { kind: 'idle' as const },
  budgetMiB: 1024,
  kinds: ['container' as const, 'vm' as const],
  maxPerKind: 3,
  operationId: 'op-1',
};
const point = { guests: 1, hostUsedBytes: 2 * MiB, guestsBytes: MiB, startMs: 300 };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the density run store', () => {
  it("follows its own run's points, ignores other runs', and hands over the result", async () => {
    const fake = fakeClient();
    const store = densityRunStore(fake.client);
    const results: DensityResult[] = [];
    store.start(
      input,
      (value) => results.push(value),
      () => undefined,
    );
    expect(store.get().operationId).toBe('op-1');
    fake.push({ operationId: 'other', phase: 'measuring', kind: 'vm', point });
    fake.push({ operationId: 'op-1', phase: 'measuring', kind: 'container', point });
    expect(store.get().live).toEqual([{ kind: 'container', points: [point] }]);

    store.start(
      { ...input, operationId: 'op-2' },
      () => undefined,
      () => undefined,
    );
    expect(fake.calls.filter((call) => call.method === 'density.run')).toHaveLength(1);

    fake.settle()?.resolve(result);
    await flush();
    expect(results).toEqual([result]);
    expect(store.get().operationId).toBeUndefined();
    expect(fake.listeners()).toBe(0);
  });

  it('cancels once through operations.cancel and keeps the error of a run that failed', async () => {
    const fake = fakeClient();
    const store = densityRunStore(fake.client);
    let failed = 0;
    store.start(
      input,
      () => undefined,
      () => (failed += 1),
    );
    store.cancel();
    store.cancel();
    expect(store.get().cancelling).toBe(true);
    expect(fake.calls.filter((call) => call.method === 'operations.cancel')).toEqual([
      { method: 'operations.cancel', input: { operationId: 'op-1' } },
    ]);
    fake.settle()?.reject(new Error('cancelled'));
    await flush();
    expect(failed).toBe(1);
    expect(store.get()).toMatchObject({
      operationId: undefined,
      cancelling: false,
      error: new Error('cancelled'),
    });
  });
});
