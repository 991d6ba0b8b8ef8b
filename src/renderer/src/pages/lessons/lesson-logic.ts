import type { TwinRole } from '@shared/twin-roles';
import type { ConsoleTarget } from '@shared/consoles';
import type { Guest } from '@shared/guest';
import type { LessonProgress, LessonStep, LessonTarget, StepCheckOutcome, StepState } from '@shared/lessons';
import type { CatalogEntry, Template } from '@shared/template';
import { twinRoleOf } from '@shared/twin-roles';
import { consoleTargetOf } from '../compare/targets';

/** Templates a lesson can run on: both a container side and a VM side; built-in ones first. */
export function twinTemplates(entries: readonly CatalogEntry[]): CatalogEntry[] {
  const twins = entries.filter((entry) => entry.template.container && entry.template.vm);
  return [
    ...twins.filter((entry) => entry.source === 'builtin'),
    ...twins.filter((entry) => entry.source !== 'builtin'),
  ];
}

/**
 * The roles a lesson needs that this template cannot make. A sandbox is the container side under
 * another runtime; a system container needs the template's system side (LXD/Incus).
 */
export function missingRoles(
  template: Pick<Template, 'container' | 'system' | 'vm'>,
  roles: readonly TwinRole[],
): TwinRole[] {
  const makes: Record<TwinRole, boolean> = {
    container: template.container !== undefined,
    sandbox: template.container !== undefined,
    system: template.system !== undefined,
    vm: template.vm !== undefined,
  };
  return roles.filter((role) => !makes[role]);
}

/**
 * The template a lesson starts on, among the twins that make every role the lesson needs (all
 * twins when none does): the one chosen before while it can still make a twin; else the built-in
 * twin tagged `lesson-default` (a fast same-userland twin); else any same-userland twin; else the
 * first twin.
 */
export function defaultTemplateId(
  entries: readonly CatalogEntry[],
  previous?: string,
  roles: readonly TwinRole[] = [],
): string | undefined {
  const all = twinTemplates(entries);
  const fitting = all.filter((entry) => missingRoles(entry.template, roles).length === 0);
  const twins = fitting.length > 0 ? fitting : all;
  const tagged = (tag: string) => twins.find((entry) => entry.template.tags.includes(tag));
  return (
    twins.find((entry) => entry.template.id === previous) ??
    twins.find((entry) => entry.source === 'builtin' && entry.template.tags.includes('lesson-default')) ??
    tagged('same-userland') ??
    twins[0]
  )?.template.id;
}

export type TwinTemplateGroup = 'same-userland' | 'other';

/** Twins in the picker's groups: same-userland twins first (ready in seconds), then the rest. */
export function twinTemplateGroups(
  entries: readonly CatalogEntry[],
): { group: TwinTemplateGroup; entries: CatalogEntry[] }[] {
  const twins = twinTemplates(entries);
  const sameUserland = twins.filter((entry) => entry.template.tags.includes('same-userland'));
  const other = twins.filter((entry) => !sameUserland.includes(entry));
  return [
    { group: 'same-userland' as const, entries: sameUserland },
    { group: 'other' as const, entries: other },
  ].filter((group) => group.entries.length > 0);
}

/** A twin name (at most 41 characters) that says which lesson made it and never collides. */
export function lessonTwinName(lessonId: string, suffix: string): string {
  const tail = suffix
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 6);
  return `lesson-${lessonId.slice(0, 41 - 'lesson-'.length - tail.length - 1).replace(/-+$/, '')}-${tail}`;
}

/** Steps that count as done in the list: passed, or nothing in them applied to the twin. */
export function progressCount(
  steps: readonly Pick<LessonStep, 'id'>[],
  progress: LessonProgress | undefined,
): { done: number; total: number } {
  const done = steps.filter((step) => {
    const state = progress?.steps[step.id]?.state;
    return state === 'done' || state === 'skipped';
  }).length;
  return { done, total: steps.length };
}

/** The consoles a run block is typed into: the twin's guests of its roles, and the host's shell. */
export function runTargets(targets: readonly LessonTarget[], guests: readonly Guest[]): ConsoleTarget[] {
  return targets.flatMap((target): ConsoleTarget[] => {
    if (target === 'host') return [{ kind: 'host', guestId: 'host' }];
    const guest = guests.find((candidate) => twinRoleOf(candidate) === (target satisfies TwinRole));
    return guest ? [consoleTargetOf(guest)] : [];
  });
}

/** The lesson's progress with one step's check outcome in it; the hints it opened stay counted. */
export function withOutcome(progress: LessonProgress, outcome: StepCheckOutcome): LessonProgress {
  const hintsShown = progress.steps[outcome.stepId]?.hintsShown;
  return {
    ...progress,
    steps: {
      ...progress.steps,
      [outcome.stepId]: {
        state: outcome.state,
        results: outcome.results,
        ...(hintsShown !== undefined && { hintsShown }),
      },
    },
  };
}

/** A step's state as shown: its saved state, or pending before its first check. */
export function stepStateOf(progress: LessonProgress | undefined, stepId: string): StepState {
  return progress?.steps[stepId]?.state ?? 'pending';
}
