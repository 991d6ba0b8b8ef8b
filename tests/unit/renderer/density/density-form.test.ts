import { describe, expect, it } from 'vitest';
import {
  budgetBoundsMiB,
  initialFormValues,
  toDensityRunInput,
  validateDensityForm,
  type DensityFormValues,
} from '../../../../src/renderer/src/pages/density/density-form';
import { limits, result } from './fixtures';

const values: DensityFormValues = initialFormValues(limits, 'fixture-twin');

describe('the density form', () => {
  it('starts with containers and VMs, the default budget and idle', () => {
    expect(values).toEqual({
      templateId: 'fixture-twin',
      workload: 'idle',
      holdMiB: 64,
      budgetMiB: 2048,
      kinds: ['container', 'vm'],
      maxPerKind: 20,
    });
    expect(budgetBoundsMiB(limits)).toEqual({ defaultMiB: 2048, maxMiB: 19_488 });
  });

  it('caps the default budget at the maximum on a host with little free memory', () => {
    const small = { ...limits, maxBudgetBytes: 1000 * 1024 * 1024 };
    expect(initialFormValues(small, 'x').budgetMiB).toBe(1000);
  });

  it("repeats the last run's settings, a kind that cannot run now left out, the budget capped", () => {
    const hold = {
      ...result,
      workload: { kind: 'hold' as const, mib: 150 },
      budgetBytes: 30_000 * 1024 * 1024,
    };
    const noVms = {
      ...limits,
      kinds: limits.kinds.map((each) => (each.kind === 'vm' ? { ...each, available: false } : each)),
    };
    expect(initialFormValues(noVms, 'other', hold)).toEqual({
      templateId: 'fixture-twin',
      workload: 'hold',
      holdMiB: 150,
      budgetMiB: 19_488,
      kinds: ['container'],
      maxPerKind: 3,
    });
    expect(initialFormValues(limits, 'other', null).templateId).toBe('other');
  });

  it('makes the contract input, kinds in the ladder order, a hold workload with its MiB', () => {
    const input = toDensityRunInput(
      { ...values, workload: 'hold', holdMiB: '150', kinds: ['vm', 'container'], maxPerKind: '3' },
      limits,
      'op-1',
    );
    expect(input).toEqual({
      templateId: 'fixture-twin',
      workload: { kind: 'hold', mib: 150 },
      budgetMiB: 2048,
      kinds: ['container', 'vm'],
      maxPerKind: 3,
      operationId: 'op-1',
    });
  });

  it('names each field in error with a catalog key and makes no input then', () => {
    const bad: DensityFormValues = {
      templateId: null,
      workload: 'hold',
      holdMiB: 0,
      budgetMiB: 20_000,
      kinds: ['system'],
      maxPerKind: 2.5,
    };
    expect(validateDensityForm(bad, limits)).toEqual({
      templateId: 'density.form.errors.template',
      holdMiB: 'density.form.errors.hold',
      budgetMiB: 'density.form.errors.budget',
      kinds: 'density.form.errors.kinds',
      maxPerKind: 'density.form.errors.maxPerKind',
    });
    expect(toDensityRunInput(bad, limits, 'op')).toBeUndefined();
    expect(validateDensityForm({ ...values, budgetMiB: '' }, limits)).toEqual({
      budgetMiB: 'density.form.errors.budget',
    });
  });

  it('ignores the hold size unless the workload holds memory', () => {
    expect(validateDensityForm({ ...values, holdMiB: '' }, limits)).toEqual({});
  });
});
