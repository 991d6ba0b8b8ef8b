import type { TFunction } from 'i18next';
import { stepHints, type LessonProgress, type LessonStep } from '@shared/lessons';
import { progressCount } from './lesson-logic';

/** The lesson's progress with one more of the step's hints opened (never more than it has). */
export function withHintShown(progress: LessonProgress, step: LessonStep): LessonProgress {
  const saved = progress.steps[step.id] ?? { state: 'pending' as const, results: [] };
  const hintsShown = Math.min((saved.hintsShown ?? 0) + 1, stepHints(step).length);
  return { ...progress, steps: { ...progress.steps, [step.id]: { ...saved, hintsShown } } };
}

/** "2 of 6 steps done", and "· 1 hint used" once a challenge's hint was opened. */
export function progressLine(
  t: TFunction,
  steps: readonly LessonStep[],
  progress: LessonProgress | undefined,
): string {
  const count = progressCount(steps, progress);
  const hints = hintsUsed(steps, progress);
  const line = t('lessons.progressLine', { ...count, count: count.total });
  return hints > 0 ? `${line} · ${t('lessons.challenge.hintsUsed', { count: hints })}` : line;
}

/** How many hints the learner opened in the lesson's challenges, for the progress line. */
export function hintsUsed(steps: readonly LessonStep[], progress: LessonProgress | undefined): number {
  return steps.reduce(
    (sum, step) => sum + Math.min(progress?.steps[step.id]?.hintsShown ?? 0, stepHints(step).length),
    0,
  );
}
