import { expect } from 'vitest';
import { runStepChecks, type TwinUnderLesson } from '../../src/main/lab/lessons/check-runner';
import { twinFacts } from '../../src/main/lab/lessons/twin-facts';
import type { MethodInput } from '../../src/shared/api';
import { type TwinCreated } from '../../src/shared/compare';
import { twinRoleOf } from '../../src/shared/twin-roles';
import type { ConsoleTarget } from '../../src/shared/consoles';
import type { CheckResult, LessonStep, RunBlock } from '../../src/shared/lessons';
import type { LabClient } from './lab-client';

/**
 * Makes a twin through the router for a lesson test, waits for its VM to boot, and returns it with
 * what the lesson evaluators know of it (facts from its template, guests by role).
 */
export async function createLessonTwin(
  client: LabClient,
  request: MethodInput<'twins.create'>,
): Promise<{ created: TwinCreated; twin: TwinUnderLesson }> {
  const created = await client.call('twins.create', request);
  const vm = created.guests.find((guest) => guest.kind === 'vm');
  await client.waitFor(
    () => client.of('vm.booted').some((boot) => boot.id === vm?.id),
    'the VM to boot',
    120_000,
  );
  const template = (await client.call('templates.list', {})).entries.find(
    (entry) => entry.template.id === request.templateId,
  );
  if (!template)
    throw new Error(
      `${request.templateId} is not in the catalog: scripts/setup-lab-host.sh and scripts/setup-lxd.sh install the fixtures`,
    );
  const twin = {
    facts: twinFacts(created.guests, template.template),
    guests: Object.fromEntries(created.guests.map((guest) => [twinRoleOf(guest), guest])),
  };
  return { created, twin };
}

/** A lesson's steps on one twin through the router, as the lesson page does them. */
export interface LessonSteps {
  /** Types a run block line by line into each of its targets the twin has, as the Run button does. */
  typeRun(block: RunBlock): Promise<void>;
  /** Judges a step's checks with the lesson evaluators. */
  check(step: LessonStep): Promise<CheckResult[]>;
}

export function lessonSteps(client: LabClient, twin: TwinUnderLesson): LessonSteps {
  return {
    async typeRun(block) {
      const targets = block.targets.flatMap((target): ConsoleTarget[] => {
        if (target === 'host') return [{ kind: 'host', guestId: 'host' }];
        const guest = twin.guests[target];
        return guest ? [{ kind: guest.kind, guestId: guest.id }] : [];
      });
      for (const command of block.lines) {
        const answers = await client.call('console.run', { targets, command, timeoutMs: 30_000 });
        for (const answer of answers) expect({ command, ...answer }).toMatchObject({ command, ok: true });
      }
    },
    check: (step) =>
      runStepChecks(step, twin, {
        run: (input) => client.call('console.run', input),
        measure: (guestIds) => client.call('compare.measure', { guestIds }),
      }),
  };
}
