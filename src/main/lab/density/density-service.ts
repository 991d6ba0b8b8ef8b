import { randomBytes } from 'node:crypto';
import {
  densityKinds,
  type DensityKind,
  type DensityKindResult,
  type DensityLimits,
  type DensityProgress,
  type DensityResult,
  type DensityRunInput,
} from '@shared/density';
import { ApiError } from '@shared/errors';
import type { Guest } from '@shared/guest';
import type { Catalog, Template } from '@shared/template';
import { templateById } from '../catalog/catalog';
import type { Logger } from '../log';
import { checkBudget, DEFAULT_BUDGET_BYTES, densityRatio, SAFETY_MARGIN_BYTES } from './density-plan';
import { runsGoingHere, type DensityGuests } from './density-guests';
import type { DensityStore } from './density-store';
import { waitUntilReady, type GuestExec, type ReadyTimeouts } from './guest-ready';
import { measureKind } from './kind-ladder';
import { workloadMemoryMiB } from './workload';
import { kindMessage, type DensitySentence } from './density-sentence';

export interface DensityServiceDeps {
  catalog: () => Promise<Catalog>;
  /** MemAvailable from /proc/meminfo. */
  memAvailableBytes: () => Promise<number>;
  host: () => Promise<Omit<DensityResult['host'], 'memAvailableAtStartBytes'>>;
  /** Why guests of a kind cannot be made on this host now (engine down, no runsc/Kata, no LXD), or undefined. */
  unavailableReason: (kind: DensityKind) => Promise<DensitySentence | undefined>;
  guests: DensityGuests;
  exec: GuestExec;
  /** Ends Twinlab's own host-side helpers of a ready guest (a VM's probe channel), so they are not measured. */
  releaseProbe: (guest: Guest) => Promise<void>;
  /** Host memory the engines account to each guest (cgroup memory, QEMU RSS), by guest id. */
  guestBytes: (guestIds: string[]) => Promise<number[]>;
  store: DensityStore;
  emit: (progress: DensityProgress) => void;
  log: Logger;
  readyTimeouts?: ReadyTimeouts;
}

const MiB = 1024 * 1024;

/** "How many fit?": the density experiment's limits, its runs and the last result. */
export class DensityService {
  #running: { controller: AbortController; done: Promise<unknown> } | undefined;
  #startupSweep: NodeJS.Timeout | undefined;

  constructor(private readonly deps: DensityServiceDeps) {}

  async limits(): Promise<DensityLimits> {
    const memAvailableBytes = await this.deps.memAvailableBytes();
    const maxBudgetBytes = Math.max(0, memAvailableBytes - SAFETY_MARGIN_BYTES);
    const kinds = await Promise.all(
      densityKinds.map(async (kind) => {
        const reason = await this.deps.unavailableReason(kind);
        if (reason === undefined) return { kind, available: true };
        return {
          kind,
          available: false,
          reason: reason.message,
          reasonKey: reason.key,
          ...(reason.params && { reasonParams: reason.params }),
        };
      }),
    );
    return {
      memAvailableBytes,
      defaultBudgetBytes: Math.min(DEFAULT_BUDGET_BYTES, maxBudgetBytes),
      maxBudgetBytes,
      kinds,
    };
  }

  last(): Promise<DensityResult | null> {
    return this.deps.store.last();
  }

  /**
   * Validates everything, then measures each requested kind in the ladder's order and removes its
   * guests before the next. A cancel stops at the current guest, removes everything and answers
   * what was measured with `cancelled`; only a finished run is kept as the last result.
   */
  async run(input: DensityRunInput, signal: AbortSignal): Promise<DensityResult> {
    if (this.#running)
      throw new ApiError(
        'conflict',
        'error.densityRunning',
        'A density run is already going. Wait for it to finish or cancel it, then start again.',
      );
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    const done = this.#run(input, controller.signal);
    this.#running = { controller, done: done.catch(() => undefined) };
    try {
      return await done;
    } finally {
      signal.removeEventListener('abort', abort);
      this.#running = undefined;
    }
  }

  /** Removes the guests of earlier runs this process is not running (an app that quit or crashed mid-run). */
  async sweep(): Promise<string[]> {
    const leftovers = await this.deps.guests.orphans();
    if (leftovers.length > 0)
      this.deps.log.info(`density: removing ${leftovers.length} guests of earlier runs`);
    return this.deps.guests.removeAll(leftovers);
  }

  /**
   * The lab's start: once the engines have answered (up or down; a connecting engine lists nothing),
   * the guests earlier runs left are removed. Polled, not awaited, so the lab starts at once.
   */
  sweepWhenEnginesAnswer(answered: () => boolean, pollMs = 1000, giveUpMs = 120_000): void {
    const since = Date.now();
    const tick = () => {
      this.#startupSweep = undefined;
      if (!answered() && Date.now() - since < giveUpMs) {
        this.#startupSweep = setTimeout(tick, pollMs);
        return;
      }
      this.sweep().catch((error: unknown) => this.deps.log.warn('density: sweep at start failed', error));
    };
    this.#startupSweep = setTimeout(tick, 0);
  }

  /**
   * The lab closes: a run going stops and removes its guests before the engines' connections close.
   * An engine that hangs is not waited for longer than `waitMs`: what it keeps, the next start sweeps.
   */
  async dispose(waitMs = 60_000): Promise<void> {
    clearTimeout(this.#startupSweep);
    const running = this.#running;
    if (!running) return;
    running.controller.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([running.done, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  async #run(input: DensityRunInput, signal: AbortSignal): Promise<DensityResult> {
    const startedAt = new Date().toISOString();
    const template = templateById(await this.deps.catalog(), input.templateId);
    const kinds = densityKinds.filter((kind) => input.kinds.includes(kind));
    for (const kind of kinds) refuseUnfit(template, kind, input);
    const memAvailableAtStartBytes = await this.deps.memAvailableBytes();
    const budget = checkBudget(
      input.budgetMiB === undefined ? undefined : input.budgetMiB * MiB,
      memAvailableAtStartBytes,
    );
    if (!budget.ok) throw new ApiError('bad-input', `error.${budget.key}`, budget.reason, budget.params);
    for (const kind of kinds) refuseBudgetBelowOneGuest(template, kind, budget.budgetBytes);
    const available = new Map(
      await Promise.all(kinds.map(async (kind) => [kind, await this.deps.unavailableReason(kind)] as const)),
    );
    const runId = randomBytes(4).toString('hex');
    const plan = (name: string) => ({
      template,
      name,
      runId,
      workloadMiB: workloadMemoryMiB(input.workload),
    });
    for (const kind of kinds)
      if (available.get(kind) === undefined)
        await this.deps.guests.check(kind, plan(`density-${runId}-${kind}-1`), signal);
    const host = await this.deps.host();
    await this.sweep().catch((error: unknown) =>
      this.deps.log.warn('density: sweep before a run failed', error),
    );

    runsGoingHere.add(runId);
    const results: DensityKindResult[] = [];
    const leftBehind: string[] = [];
    const progress = (update: Omit<DensityProgress, 'operationId'>) =>
      this.deps.emit({ operationId: input.operationId, ...update });
    try {
      for (const kind of kinds) {
        const reason = available.get(kind);
        if (reason !== undefined) {
          results.push({ kind, points: [], stoppedBy: 'unavailable', ...kindMessage(reason) });
          continue;
        }
        if (signal.aborted) {
          results.push({ kind, points: [], stoppedBy: 'cancelled' });
          continue;
        }
        const measured = await measureKind(
          {
            memAvailableBytes: this.deps.memAvailableBytes,
            create: (guestKind, name, abort) => this.deps.guests.create(guestKind, plan(name), abort),
            ready: async (_kind, guest, workload, abort) => {
              await waitUntilReady(this.deps.exec, guest, workload, abort, this.deps.readyTimeouts);
              await this.deps.releaseProbe(guest);
            },
            guestsBytes: async (guests) =>
              (await this.deps.guestBytes(guests.map((guest) => guest.id))).reduce(
                (sum, bytes) => sum + bytes,
                0,
              ),
            removeAll: (guests) => this.deps.guests.removeAll(guests),
            progress,
            sleep: abortableSleep,
          },
          {
            kind,
            template,
            workload: input.workload,
            budgetBytes: budget.budgetBytes,
            maxPerKind: input.maxPerKind,
            namePrefix: `density-${runId}-${kind}`,
          },
          signal,
        );
        results.push(measured.result);
        leftBehind.push(...measured.leftBehind);
      }
    } finally {
      // Whatever a kind's own clean-up missed (a create that answered as the run was cancelled).
      const stray = await this.deps.guests.ofRun(runId).catch(() => []);
      const strayLeft = await this.deps.guests.removeAll(stray);
      for (const name of strayLeft) if (!leftBehind.includes(name)) leftBehind.push(name);
      runsGoingHere.delete(runId);
      progress({ phase: 'done' });
    }

    const fit = (kind: DensityKind) => results.find((result) => result.kind === kind)?.fitInBudget;
    const ratio = densityRatio(fit('container'), fit('vm'));
    const result: DensityResult = {
      startedAt,
      finishedAt: new Date().toISOString(),
      templateId: template.id,
      templateName: template.name,
      workload: input.workload,
      budgetBytes: budget.budgetBytes,
      maxPerKind: input.maxPerKind,
      host: { ...host, memAvailableAtStartBytes },
      kinds: results,
      ...(ratio !== undefined && { ratio }),
      cancelled: signal.aborted,
      leftBehind,
    };
    if (!result.cancelled) await this.deps.store.save(result);
    return result;
  }
}

/** The template must have the kind's part, and the part room for the workload. */
function refuseUnfit(template: Template, kind: DensityKind, input: DensityRunInput): void {
  const part = kind === 'vm' ? 'VM' : kind === 'system' ? 'system container' : 'container';
  if (!templateHasPart(template, kind))
    throw new ApiError(
      'bad-input',
      'error.densityTemplateLacksKind',
      `The template "${template.name}" has no ${part} side, so it cannot start ${kindPlural[kind]}. Leave ${kindPlural[kind]} out or pick a template that has one.`,
      { template: template.name, kind },
    );
  const needMiB = workloadMemoryMiB(input.workload);
  const holdMiB = input.workload.kind === 'hold' ? input.workload.mib : 0;
  if (kind === 'vm' && template.vm && needMiB + 64 > template.vm.memoryMiB) {
    const most = Math.max(0, Math.floor((template.vm.memoryMiB - 64 - 32) / 3));
    throw new ApiError(
      'bad-input',
      'error.densityHoldTooLarge',
      `Holding ${holdMiB} MiB does not fit in a VM of "${template.name}" (${template.vm.memoryMiB} MiB, and filling it briefly needs about three times the size). Hold at most ${most} MiB, or leave VMs out.`,
      { template: template.name, mib: holdMiB, vmMiB: template.vm.memoryMiB, most },
    );
  }
}

/** A budget that cannot hold one guest at the size its template gives it measures nothing. */
function refuseBudgetBelowOneGuest(template: Template, kind: DensityKind, budgetBytes: number): void {
  const sizeMiB = kind === 'vm' ? template.vm?.memoryMiB : undefined;
  if (sizeMiB === undefined || sizeMiB * MiB <= budgetBytes) return;
  throw new ApiError(
    'bad-input',
    'error.densityBudgetBelowGuest',
    `A budget of ${Math.floor(budgetBytes / MiB)} MiB is smaller than one VM of "${template.name}" (${sizeMiB} MiB). Raise the budget to at least ${sizeMiB} MiB or leave VMs out.`,
    { budgetMiB: Math.floor(budgetBytes / MiB), sizeMiB, template: template.name },
  );
}

const kindPlural: Record<DensityKind, string> = {
  container: 'containers',
  sandbox: 'sandboxed containers',
  system: 'system containers',
  vm: 'VMs',
};

function templateHasPart(template: Template, kind: DensityKind): boolean {
  if (kind === 'vm') return template.vm !== undefined;
  if (kind === 'system') return template.system !== undefined;
  return template.container !== undefined;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
