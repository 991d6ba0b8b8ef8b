import { z } from 'zod';
import { operationIdSchema } from './refs';

/**
 * "How many fit?" — the density experiment (issue #13, seed 003's "4–6× more instances per host"):
 * guests of each kind are started one by one from one twin template, the host memory they really
 * consume is measured after each, and a kind stops at the memory budget or the count limit.
 * Everything the run made is removed at the end, on cancel, and when the app closes mid-run.
 */

/** Kinds in the order of the ladder: shared kernel → own kernel. */
export const densityKinds = ['container', 'sandbox', 'system', 'vm'] as const;
export type DensityKind = (typeof densityKinds)[number];

/** What runs inside every guest: the gain of dropping a guest kernel depends on it. */
export const densityWorkloadSchema = z.discriminatedUnion('kind', [
  /** The template's own command, nothing more. */
  z.object({ kind: z.literal('idle') }).strict(),
  /** A small web server answering on port 8080 inside the guest (BusyBox httpd). */
  z.object({ kind: z.literal('web') }).strict(),
  /** A process that allocates and touches this many MiB and keeps them. */
  z.object({ kind: z.literal('hold'), mib: z.number().int().min(1).max(1024) }).strict(),
]);
export type DensityWorkload = z.infer<typeof densityWorkloadSchema>;

export const DENSITY_MAX_PER_KIND = 200;

export const densityRunSchema = z
  .object({
    templateId: z.string().min(1).max(64),
    workload: densityWorkloadSchema,
    /** Host memory the run may use; default 2 GiB, capped at MemAvailable minus a safety margin. */
    budgetMiB: z
      .number()
      .int()
      .min(64)
      .max(1024 * 1024)
      .optional(),
    kinds: z.array(z.enum(densityKinds)).min(1).max(densityKinds.length),
    /** Guests of one kind at most, whatever the budget. */
    maxPerKind: z.number().int().min(1).max(DENSITY_MAX_PER_KIND),
    operationId: operationIdSchema,
  })
  .strict();
export type DensityRunInput = z.infer<typeof densityRunSchema>;

/** One measurement, taken after the `guests`-th guest of a kind was running (its workload too). */
export interface DensityPoint {
  guests: number;
  /** Host MemAvailable at the kind's start minus MemAvailable now: what the host really gave. */
  hostUsedBytes: number;
  /** The guests' own accounting summed: cgroup memory (containers, system containers), QEMU RSS (VMs). */
  guestsBytes: number;
  /** Milliseconds from the create call to the guest (and its workload) running. */
  startMs: number;
}

/**
 * Host memory a point stands for: MemAvailable's drop, but never less than the guests' own
 * accounting. The drop is host-wide, so other programs freeing memory meanwhile can push it below
 * what the guests demonstrably hold (even below zero on a busy host); the host cannot have given
 * them less than that. The chart, the per-guest cost and the ratio all use it.
 */
export function hostBytesAt(point: Pick<DensityPoint, 'hostUsedBytes' | 'guestsBytes'>): number {
  return Math.max(point.hostUsedBytes, point.guestsBytes);
}

/** Why a kind stopped adding guests. */
export type DensityStop = 'budget' | 'count' | 'cancelled' | 'failed' | 'unavailable';

export interface DensityKindResult {
  kind: DensityKind;
  points: DensityPoint[];
  stoppedBy: DensityStop;
  /** The failure or unavailability as a sentence, when stoppedBy says so. */
  message?: string;
  /** The sentence's catalog key and values: t(messageKey, { ...messageParams, defaultValue: message }). */
  messageKey?: string;
  messageParams?: Record<string, string | number>;
  /** Mean host memory per guest from the last point. */
  perGuestBytes?: number;
  /** Guests of this kind that fit in the budget at that cost. */
  fitInBudget?: number;
}

export interface DensityResult {
  /** ISO times. */
  startedAt: string;
  finishedAt: string;
  templateId: string;
  templateName: string;
  workload: DensityWorkload;
  budgetBytes: number;
  maxPerKind: number;
  host: { memTotalBytes: number; memAvailableAtStartBytes: number; kernel: string; accelerator: string };
  kinds: DensityKindResult[];
  /** Containers that fit in the budget ÷ VMs that fit (the seed's 4–6×), when both ran. */
  ratio?: number;
  cancelled: boolean;
  /** Guests the clean-up could not remove (named, so the user can), normally none. */
  leftBehind: string[];
}

/** Pushed while a run goes (event `density.progress`). */
export interface DensityProgress {
  operationId: string;
  phase: 'measuring' | 'cleaning' | 'done';
  kind?: DensityKind;
  /** The point just measured. */
  point?: DensityPoint;
}

/** What the form needs before a run: the budget bounds on this host and which kinds can run here. */
export interface DensityLimits {
  memAvailableBytes: number;
  defaultBudgetBytes: number;
  maxBudgetBytes: number;
  /** `reason` is the English sentence; `reasonKey` and `reasonParams` translate it as messageKey does. */
  kinds: {
    kind: DensityKind;
    available: boolean;
    reason?: string;
    reasonKey?: string;
    reasonParams?: Record<string, string | number>;
  }[];
}
