import {
  densityKinds,
  type DensityKind,
  type DensityLimits,
  type DensityResult,
  type DensityRunInput,
} from '@shared/density';
import { ApiError } from '@shared/errors';
import { checkBudget, DEFAULT_BUDGET_BYTES, SAFETY_MARGIN_BYTES } from './density-plan';
import type { DensityStore } from './density-store';

export interface DensityServiceDeps {
  /** MemAvailable from /proc/meminfo. */
  memAvailableBytes: () => Promise<number>;
  /** Why guests of a kind cannot be made on this host now (engine down, no runsc/Kata, no LXD), or undefined. */
  unavailableReason: (kind: DensityKind) => Promise<string | undefined>;
  store: DensityStore;
}

/** "How many fit?": the density experiment's limits, its runs and the last result. */
export class DensityService {
  constructor(private readonly deps: DensityServiceDeps) {}

  async limits(): Promise<DensityLimits> {
    const memAvailableBytes = await this.deps.memAvailableBytes();
    const budget = checkBudget(undefined, memAvailableBytes);
    const maxBudgetBytes = Math.max(0, memAvailableBytes - SAFETY_MARGIN_BYTES);
    const kinds = await Promise.all(
      densityKinds.map(async (kind) => {
        const reason = await this.deps.unavailableReason(kind);
        return { kind, available: reason === undefined, ...(reason !== undefined && { reason }) };
      }),
    );
    return {
      memAvailableBytes,
      defaultBudgetBytes: budget.ok ? budget.budgetBytes : Math.min(DEFAULT_BUDGET_BYTES, maxBudgetBytes),
      maxBudgetBytes,
      kinds,
    };
  }

  last(): Promise<DensityResult | null> {
    return this.deps.store.last();
  }

  // The run itself lands in the next commit (density-run.ts); the API entry exists so the page can be built.
  async run(input: DensityRunInput, signal: AbortSignal): Promise<DensityResult> {
    signal.throwIfAborted();
    throw new ApiError(
      'internal',
      'error.densityNotReady',
      `The density experiment cannot run template ${input.templateId} yet in this build. Update Twinlab and try again.`,
    );
  }
}
