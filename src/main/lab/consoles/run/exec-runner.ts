import type Docker from 'dockerode';
import type { ConsoleRunResult } from '@shared/compare';
import type { ConsoleTarget } from '@shared/consoles';
import { ApiError } from '@shared/errors';
import { twinError, twinMessage } from '../../twins/errors';
import { runOnEach, type CommandRunner } from './command-runner';
import type { ConsoleRunner } from './console-runner';
import { dockerSideRun } from './docker-side-run';
import { hostSideRun } from './host-side-run';
import type { SideRunResult } from './side-output';
import type { VmProbes } from './vm-probes';

export interface ExecRunnerDeps {
  docker: () => Docker;
  /** The ownership guard: a probe into a container Twinlab did not make is refused. */
  containers: { assertManaged(id: string): Promise<void> };
  /** A system container's side run (guarded by its service); absent while LXD is not set up. */
  systems?: { sideRun(name: string, command: string, timeoutMs: number): Promise<SideRunResult> };
  /** VMs: their probe channel (a second serial port with its own shell). */
  vms: Pick<VmProbes, 'sideRun'>;
  /** A VM without a probe channel (made by an older Twinlab): typed, but only at an idle prompt. */
  typing: Pick<ConsoleRunner, 'runOn'>;
  env: Record<string, string | undefined>;
}

/**
 * Automated probes (Measure inside, lesson checks) run beside the learner's shell, never in it:
 * a container or sandbox gets a `docker exec`, a system container an LXD exec, the host a child
 * process, each `sh -c <command>` without a terminal. The learner's console shows none of it, and
 * a program running there (cat) or a half-typed line is left as it was.
 */
export class ExecRunner implements CommandRunner {
  constructor(private readonly deps: ExecRunnerDeps) {}

  run(targets: ConsoleTarget[], command: string, timeoutMs: number): Promise<ConsoleRunResult[]> {
    return runOnEach(this, targets, command, timeoutMs);
  }

  async runOn(target: ConsoleTarget, command: string, timeoutMs: number): Promise<ConsoleRunResult> {
    const startedAt = performance.now();
    const durationMs = () => Math.round(performance.now() - startedAt);
    if (target.kind === 'container-logs')
      return { target, ok: false, error: twinMessage('runReadOnly'), output: '', durationMs: durationMs() };
    try {
      const ran =
        target.kind === 'vm'
          ? await this.deps.vms.sideRun(target.guestId, command, timeoutMs)
          : await this.#sideRun(target, command, timeoutMs);
      if (ran === 'no-device' || ran === 'silent') return this.#typedAtIdlePrompt(target, command, timeoutMs);
      if (ran === 'starting') {
        const error = twinMessage('probeShellStarting', { seconds: Math.round(timeoutMs / 1000) });
        return { target, ok: false, error, output: '', durationMs: durationMs() };
      }
      if (ran.timedOut) {
        const seconds = Math.round(timeoutMs / 100) / 10;
        const error = twinMessage('probeTimeout', { seconds });
        return { target, ok: false, error, output: ran.output, durationMs: durationMs() };
      }
      return {
        target,
        ok: true,
        output: ran.output,
        durationMs: durationMs(),
        ...(ran.exitCode !== null && { exitCode: ran.exitCode }),
      };
    } catch (error) {
      return { target, ok: false, error: messageOf(error), output: '', durationMs: durationMs() };
    }
  }

  /**
   * The fallback for a VM whose probe channel is missing (an older domain) or silent (a guest that
   * starts no probe shell): typed into its console at an idle, empty prompt, else "busy" saying why.
   */
  async #typedAtIdlePrompt(
    target: ConsoleTarget,
    command: string,
    timeoutMs: number,
  ): Promise<ConsoleRunResult> {
    const typed = await this.deps.typing.runOn(target, command, timeoutMs, { onlyWhenIdle: true });
    if (typed.ok || typed.error.key !== twinMessage('consoleBusy').key) return typed;
    return { ...typed, error: twinMessage('consoleBusyNoProbeChannel') };
  }

  async #sideRun(
    target: Exclude<ConsoleTarget, { kind: 'vm' | 'container-logs' }>,
    command: string,
    timeoutMs: number,
  ): Promise<SideRunResult> {
    switch (target.kind) {
      case 'container':
        await this.deps.containers.assertManaged(target.guestId);
        return dockerSideRun(this.deps.docker().getContainer(target.guestId), command, timeoutMs);
      case 'system':
        if (!this.deps.systems) throw twinError('runNotOpen');
        return this.deps.systems.sideRun(target.guestId, command, timeoutMs);
      case 'host':
        if (this.deps.env['TWINLAB_HOST_TERMINAL'] === '0') throw twinError('hostTerminalOff');
        return hostSideRun(command, timeoutMs, this.deps.env);
    }
  }
}

function messageOf(error: unknown): { key: string; message: string } {
  if (error instanceof ApiError) return { key: error.key, message: error.message };
  // Docker answers 409 to an exec into a stopped or paused container.
  if ((error as { statusCode?: unknown } | null)?.statusCode === 409) return twinMessage('runNotOpen');
  const detail = error instanceof Error ? error.message : String(error);
  return twinMessage('probeFailed', { detail: detail.replace(/\.$/, '') });
}
