import type { ConsoleRunInput, ConsoleRunResult, GuestMeasurement } from '@shared/compare';
import type { TwinRole } from '@shared/twin-roles';
import type { ConsoleTarget } from '@shared/consoles';
import type { Guest } from '@shared/guest';
import {
  stepChecks,
  type CheckResult,
  type LessonStep,
  type LessonTarget,
  type TwinFacts,
} from '@shared/lessons';
import { evaluateCompare, evaluateProbe, probeTargets, skipReason } from './evaluate-checks';

export interface TwinUnderLesson {
  facts: TwinFacts;
  guests: Partial<Record<TwinRole, Pick<Guest, 'id' | 'kind'>>>;
}

/**
 * The two calls a check needs, as the API offers them: console.probe (beside the learner's consoles,
 * never typed into them) and compare.measure.
 */
export interface CheckCalls {
  run: (input: ConsoleRunInput) => Promise<ConsoleRunResult[]>;
  measure: (guestIds: string[]) => Promise<GuestMeasurement[]>;
}

/** Runs a step's checks one after another (a VM's probe still types at its idle prompt) and judges each. */
export async function runStepChecks(
  step: LessonStep,
  twin: TwinUnderLesson,
  calls: CheckCalls,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of stepChecks(step)) {
    const skipped = skipReason(step, check, twin.facts);
    if (skipped) {
      results.push({ checkId: check.id, status: 'skipped', reason: skipped });
    } else if (check.type === 'compare') {
      const roles = (Object.keys(twin.guests) as TwinRole[]).filter((role) => twin.guests[role]);
      const measured = await calls.measure(roles.map((role) => twin.guests[role]?.id ?? ''));
      const byRole = Object.fromEntries(
        roles.map((role) => [role, measured.find((m) => m.guestId === twin.guests[role]?.id)]),
      );
      results.push(evaluateCompare(check, byRole));
    } else {
      const targets = probeTargets(check, twin.facts);
      const answers = await calls.run({
        targets: targets.map((target) => consoleTarget(target, twin)),
        command: check.command,
        ...(check.timeoutMs && { timeoutMs: check.timeoutMs }),
      });
      const runs = Object.fromEntries(targets.map((target, index) => [target, answers[index]]));
      results.push(evaluateProbe(check, twin.facts, runs));
    }
  }
  return results;
}

function consoleTarget(target: LessonTarget, twin: TwinUnderLesson): ConsoleTarget {
  if (target === 'host') return { kind: 'host', guestId: 'host' };
  const guest = twin.guests[target];
  if (!guest) throw new Error(`the twin has no ${target}`); // probeTargets keeps present roles only
  return { kind: guest.kind, guestId: guest.id };
}
