import { useState } from 'react';
import type { Guest } from '@shared/guest';
import { hostCommandsOf, type Lesson, type LessonProgress, type LessonStep } from '@shared/lessons';
import { useApi } from '../../data/ApiContext';
import { currentLocale } from '../../i18n';
import type { HostTrustRequest } from './HostTrustDialog';
import { lessonHostCommands, needsHostTrust, rememberHostTrust } from './host-trust';
import { runTargets, withOutcome } from './lesson-logic';
import type { StepBusy } from './StepCard';

/** How long one typed line may take before the checks run anyway (a pull, a long sleep…). */
const runTimeoutMs = 30_000;

/**
 * Run and Check of the steps. Run types its lines through console.run into the very sessions the
 * panes show (one live session per target), and console.run answers once the prompt is back, so
 * the checks that follow see the command's effect; checks run in main against the twin's guests.
 * One step at a time: runs and checks type into the same consoles.
 */
export function useStepRunner(options: {
  lesson: Lesson;
  twinId: string;
  guests: readonly Guest[];
  progress: LessonProgress;
  save: (progress: LessonProgress) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const api = useApi();
  const [busy, setBusy] = useState<{ stepId: string; what: StepBusy }>();
  const [trustRequest, setTrustRequest] = useState<HostTrustRequest>();
  const { lesson, twinId, guests, progress, save, onError } = options;

  /** True when the step may go on: nothing for the host, a trusted lesson, or the learner agreed now. */
  const hostAllowed = (step: LessonStep) => {
    if (hostCommandsOf(step).length === 0 || !needsHostTrust(lesson)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) =>
      setTrustRequest({
        title: lesson.title,
        commands: lessonHostCommands(lesson),
        answer: (allowed) => {
          setTrustRequest(undefined);
          if (allowed) rememberHostTrust(lesson);
          resolve(allowed);
        },
      }),
    );
  };

  const check = async (step: LessonStep) => {
    if (!(await hostAllowed(step))) return;
    setBusy({ stepId: step.id, what: { kind: 'check' } });
    try {
      const outcome = await api.call('lessons.check', {
        lessonId: lesson.id,
        stepId: step.id,
        twinId,
        locale: currentLocale(),
        trustHost: !needsHostTrust(lesson),
      });
      await save(withOutcome(progress, outcome));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const run = async (step: LessonStep, blockIndex: number) => {
    const block = step.blocks[blockIndex];
    if (block?.type !== 'run') return;
    if (!(await hostAllowed(step))) return;
    setBusy({ stepId: step.id, what: { kind: 'run', block: blockIndex } });
    try {
      const targets = runTargets(block.targets, guests);
      for (const command of block.lines)
        await api.call('console.run', { targets, command, timeoutMs: runTimeoutMs });
    } catch (error) {
      onError(error);
      setBusy(undefined);
      return;
    }
    await check(step);
  };

  return { busy, run, check, trustRequest };
}
