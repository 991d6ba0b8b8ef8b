import type { DensityWorkload } from '@shared/density';
import { ApiError, type ErrorParams } from '@shared/errors';
import type { Guest } from '@shared/guest';
import type { SideRunResult } from '../consoles/run/side-output';
import type { NoProbeChannel } from '../consoles/run/vm-probes';
import { workloadCheckCommand, workloadStartCommand } from './workload';

/** A command beside the console: docker exec, LXD exec, or the VM's probe channel (which may not answer yet). */
export type GuestExec = (
  guest: Guest,
  command: string,
  timeoutMs: number,
) => Promise<SideRunResult | NoProbeChannel>;

export interface ReadyTimeouts {
  /** A VM's boot to its probe shell (a TCG microVM takes tens of seconds on a busy host). */
  bootMs: number;
  /** The workload's start, beyond the time to fill a holder (about 10 s per 100 MiB under TCG). */
  workloadMs: number;
}

export const defaultReadyTimeouts: ReadyTimeouts = { bootMs: 180_000, workloadMs: 30_000 };
const pollMs = 500;

/**
 * Waits until a freshly started guest runs its workload: a VM first boots to the shell on its probe
 * channel (containers run once created), then the workload starts and its check passes.
 */
export async function waitUntilReady(
  exec: GuestExec,
  guest: Guest,
  workload: DensityWorkload,
  signal: AbortSignal,
  timeouts: ReadyTimeouts = defaultReadyTimeouts,
): Promise<void> {
  if (guest.kind === 'vm') {
    const seconds = timeouts.bootMs / 1000;
    await until(exec, guest, 'true', signal, timeouts.bootMs, (why) =>
      densityError(
        'densityVmNoBoot',
        `The VM ${guest.name} did not boot to its probe shell within ${seconds} s (${why}). The host may be too busy: lower the count limit or leave VMs out, and try again.`,
        { name: guest.name, seconds, why },
      ),
    );
  }
  const start = workloadStartCommand(workload);
  const check = workloadCheckCommand(workload);
  if (start === undefined || check === undefined) return;
  const started = await exec(guest, start, 15_000);
  if (typeof started === 'string' || started.exitCode !== 0) {
    const why = describe(started);
    throw densityError(
      'densityWorkloadNoStart',
      `The ${workload.kind} workload did not start in ${guest.name} (${why}). Check the template's image has BusyBox, and try again.`,
      { workload: workload.kind, name: guest.name, why },
    );
  }
  const waitMs = timeouts.workloadMs + (workload.kind === 'hold' ? workload.mib * 100 : 0);
  const seconds = Math.round(waitMs / 1000);
  await until(exec, guest, check, signal, waitMs, (why) =>
    densityError(
      'densityWorkloadNotRunning',
      `The ${workload.kind} workload in ${guest.name} was not running after ${seconds} s (${why}). Give the template's guests more memory or choose a lighter workload, and try again.`,
      { workload: workload.kind, name: guest.name, seconds, why },
    ),
  );
}

async function until(
  exec: GuestExec,
  guest: Guest,
  command: string,
  signal: AbortSignal,
  timeoutMs: number,
  failure: (why: string) => ApiError,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let last: SideRunResult | NoProbeChannel | undefined;
  for (;;) {
    signal.throwIfAborted();
    last = await exec(guest, command, 10_000);
    if (last === 'no-device') throw failure('the VM has no probe channel');
    if (typeof last !== 'string' && last.exitCode === 0) return;
    if (performance.now() > deadline) throw failure(describe(last));
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function describe(ran: SideRunResult | NoProbeChannel): string {
  if (ran === 'silent' || ran === 'starting') return 'its probe shell did not answer';
  if (ran === 'no-device') return 'no probe channel';
  if (ran.timedOut) return 'the command timed out';
  return `exit code ${ran.exitCode ?? 'unknown'}${ran.output ? `: ${ran.output.slice(0, 200)}` : ''}`;
}

/** A guest that did not get ready: the kind stops with this sentence (error.<key> in the catalogs). */
function densityError(key: string, message: string, params: ErrorParams): ApiError {
  return new ApiError('internal', `error.${key}`, message, params);
}
