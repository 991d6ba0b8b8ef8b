import { describe, expect, it } from 'vitest';
import {
  checkBudget,
  DEFAULT_BUDGET_BYTES,
  densityRatio,
  guestsPerBudget,
  hostCostPerGuest,
  SAFETY_MARGIN_BYTES,
} from '../../../src/main/lab/density/density-plan';

const MIB = 1024 * 1024;

describe('density budget', () => {
  it('defaults to 2 GiB when the host has room', () => {
    expect(checkBudget(undefined, 8192 * MIB)).toEqual({ ok: true, budgetBytes: DEFAULT_BUDGET_BYTES });
  });
  it('is capped by MemAvailable minus the safety margin', () => {
    expect(checkBudget(4096 * MIB, 1536 * MIB)).toEqual({
      ok: true,
      budgetBytes: 1536 * MIB - SAFETY_MARGIN_BYTES,
    });
  });
  it('refuses a non-positive budget with a sentence', () => {
    const check = checkBudget(0, 8192 * MIB);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(/positive number of MiB/);
  });
  it('refuses when the host has almost nothing left', () => {
    expect(checkBudget(undefined, 500 * MIB).ok).toBe(false);
  });
});

describe('density results', () => {
  it('divides the budget by the mean host cost per guest', () => {
    expect(guestsPerBudget([{ guests: 4, hostUsedBytes: 40 * MIB, guestsBytes: 2 * MIB }], 1024 * MIB)).toBe(
      102,
    );
  });
  it('never takes a guest to cost the host less than its own accounting (a noisy, even negative drop)', () => {
    expect(hostCostPerGuest([{ guests: 4, hostUsedBytes: -30 * MIB, guestsBytes: 2 * MIB }])).toBe(MIB / 2);
    expect(guestsPerBudget([{ guests: 4, hostUsedBytes: 1 * MIB, guestsBytes: 8 * MIB }], 1024 * MIB)).toBe(
      512,
    );
  });
  it('has no answer before a guest was measured', () => {
    expect(guestsPerBudget([], 1024 * MIB)).toBeUndefined();
  });
  it('gives the container-to-VM ratio', () => {
    expect(densityRatio(100, 20)).toBe(5);
    expect(densityRatio(100, undefined)).toBeUndefined();
  });
});
