/**
 * Pure arithmetic of the density experiment ("How many fit?", issue #13 item 1): which host-memory
 * budget a run may use, and what its measurements come to. No engine calls, so it is unit-tested alone.
 */

import { hostBytesAt, type DensityPoint } from '@shared/density';

const MIB = 1024 * 1024;
export const DEFAULT_BUDGET_BYTES = 2 * 1024 * MIB;
/** Left to the host (desktop, engines, the app itself) whatever the user asks for. */
export const SAFETY_MARGIN_BYTES = 512 * MIB;

export type BudgetCheck =
  | { ok: true; budgetBytes: number }
  /** `key` names the sentence in the renderer's catalogs (error.<key>), with `params`. */
  | { ok: false; key: string; reason: string; params?: Record<string, number> };

/** The budget a run may use, or a sentence saying why none can start. */
export function checkBudget(requestedBytes: number | undefined, memAvailableBytes: number): BudgetCheck {
  const requested = requestedBytes ?? DEFAULT_BUDGET_BYTES;
  if (!Number.isFinite(requested) || requested <= 0) {
    return {
      ok: false,
      key: 'densityBudgetNotPositive',
      reason: 'The memory budget must be a positive number of MiB. Enter one such as 1024.',
    };
  }
  const ceiling = memAvailableBytes - SAFETY_MARGIN_BYTES;
  if (ceiling < 64 * MIB) {
    return {
      ok: false,
      key: 'densityHostTooFull',
      reason: `The host has only ${Math.floor(memAvailableBytes / MIB)} MiB available, too little to start guests safely. Stop some guests or programs and try again.`,
      params: { availableMiB: Math.floor(memAvailableBytes / MIB) },
    };
  }
  return { ok: true, budgetBytes: Math.min(requested, ceiling) };
}

/** One measurement after a guest of some kind started. */
export type DensitySample = Pick<DensityPoint, 'guests' | 'hostUsedBytes' | 'guestsBytes'>;

/** Host memory per guest from the last sample (see hostBytesAt). */
export function hostCostPerGuest(samples: readonly DensitySample[]): number | undefined {
  const last = samples.at(-1);
  if (!last || last.guests === 0) return undefined;
  const bytes = hostBytesAt(last);
  return bytes > 0 ? Math.round(bytes / last.guests) : undefined;
}

/** Guests of one kind that fit in the budget at the host cost per guest measured. */
export function guestsPerBudget(samples: readonly DensitySample[], budgetBytes: number): number | undefined {
  const perGuest = hostCostPerGuest(samples);
  return perGuest === undefined ? undefined : Math.floor(budgetBytes / perGuest);
}

/** How many more containers than VMs fit in the same memory (the seed's 4–6× claim). */
export function densityRatio(containers: number | undefined, vms: number | undefined): number | undefined {
  if (containers === undefined || vms === undefined || vms === 0) return undefined;
  return containers / vms;
}
