import type { ConsoleRunResult } from '@shared/compare';
import type { ConsoleTarget } from '@shared/consoles';

/**
 * Runs one command on one target and reads back what it printed. ConsoleRunner types it into the
 * target's console exactly as a learner would; a probe that must not show in the learner's console
 * can implement this through a side channel instead (an exec beside the shell).
 */
export interface CommandRunner {
  runOn(target: ConsoleTarget, command: string, timeoutMs: number): Promise<ConsoleRunResult>;
}

/** The same command on every target at once: a slow VM does not hold up a container's answer. */
export function runOnEach(
  runner: CommandRunner,
  targets: ConsoleTarget[],
  command: string,
  timeoutMs: number,
): Promise<ConsoleRunResult[]> {
  return Promise.all(targets.map((target) => runner.runOn(target, command, timeoutMs)));
}
