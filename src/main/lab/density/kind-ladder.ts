import type {
  DensityKind,
  DensityKindResult,
  DensityPoint,
  DensityProgress,
  DensityWorkload,
} from '@shared/density';
import type { Guest } from '@shared/guest';
import type { Template } from '@shared/template';
import { guestsPerBudget, hostCostPerGuest } from './density-plan';
import { failureSentence, kindMessage } from './density-sentence';

type KindStop = Pick<DensityKindResult, 'stoppedBy' | 'message' | 'messageKey' | 'messageParams'>;

/** Host memory settles this long after a guest starts before MemAvailable is read (see measureKind). */
export const SETTLE_MS = 1500;

export interface KindLadderDeps {
  memAvailableBytes: () => Promise<number>;
  create: (kind: DensityKind, name: string, signal: AbortSignal) => Promise<Guest>;
  /** Waits until the guest (and its workload) runs; rejects with a sentence when it does not in time. */
  ready: (kind: DensityKind, guest: Guest, workload: DensityWorkload, signal: AbortSignal) => Promise<void>;
  /** The guests' own accounting, summed: cgroup memory or QEMU RSS. */
  guestsBytes: (guests: readonly Guest[]) => Promise<number>;
  /** Removes the guests; answers the names it could not remove. */
  removeAll: (guests: readonly Guest[]) => Promise<string[]>;
  progress: (update: Omit<DensityProgress, 'operationId'>) => void;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface KindPlan {
  kind: DensityKind;
  template: Template;
  workload: DensityWorkload;
  budgetBytes: number;
  maxPerKind: number;
  /** The guest names of this kind: `<prefix>-<n>`. */
  namePrefix: string;
}

/**
 * One rung of the ladder: guests of one kind started one by one, each measured once it runs, until
 * the next would pass the budget (projected from the mean cost so far) or the count limit; then all
 * of them removed, so the next kind starts from a clean host and its own MemAvailable baseline.
 */
export async function measureKind(
  deps: KindLadderDeps,
  plan: KindPlan,
  signal: AbortSignal,
): Promise<{ result: DensityKindResult; leftBehind: string[] }> {
  const baseline = await deps.memAvailableBytes();
  const made: Guest[] = [];
  const points: DensityPoint[] = [];
  let stop: KindStop = { stoppedBy: 'count' };
  try {
    for (let guests = 1; guests <= plan.maxPerKind; guests += 1) {
      const perGuest = hostCostPerGuest(points);
      if (perGuest !== undefined && guests * perGuest > plan.budgetBytes) {
        stop = { stoppedBy: 'budget' };
        break;
      }
      signal.throwIfAborted();
      const startedAt = performance.now();
      const guest = await deps.create(plan.kind, `${plan.namePrefix}-${guests}`, signal);
      made.push(guest);
      await deps.ready(plan.kind, guest, plan.workload, signal);
      const startMs = Math.round(performance.now() - startedAt);
      // MemAvailable is host-wide and lags: QEMU touches guest pages as the kernel boots, the
      // runtime's shim settles, freed page cache is returned. A short wait reads the guest's cost,
      // not the middle of its start.
      await deps.sleep(SETTLE_MS, signal);
      const [available, guestsBytes] = await Promise.all([deps.memAvailableBytes(), deps.guestsBytes(made)]);
      const point = { guests, hostUsedBytes: baseline - available, guestsBytes, startMs };
      points.push(point);
      deps.progress({ phase: 'measuring', kind: plan.kind, point });
    }
  } catch (error) {
    stop = signal.aborted
      ? { stoppedBy: 'cancelled' }
      : { stoppedBy: 'failed', ...kindMessage(failureSentence(error)) };
  }
  deps.progress({ phase: 'cleaning', kind: plan.kind });
  const leftBehind = await deps.removeAll(made);
  return { result: kindResult(plan, points, stop), leftBehind };
}

function kindResult(plan: KindPlan, points: DensityPoint[], stop: KindStop): DensityKindResult {
  const perGuestBytes = hostCostPerGuest(points);
  const fitInBudget = guestsPerBudget(points, plan.budgetBytes);
  return {
    kind: plan.kind,
    points,
    ...stop,
    ...(perGuestBytes !== undefined && { perGuestBytes }),
    ...(fitInBudget !== undefined && { fitInBudget }),
  };
}
