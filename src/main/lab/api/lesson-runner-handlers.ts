import { twinRoleOf, type TwinRole } from '@shared/twin-roles';
import type { Guest } from '@shared/guest';
import type { LessonBlock, LessonFolders } from '@shared/lessons';
import type { TemplateCatalog } from '../catalog/catalog';
import type { Handlers } from '../router';
import { lessonError } from '../lessons/errors';
import type { Operations } from '../operations';
import { runStepChecks, type CheckCalls } from '../lessons/check-runner';
import { stepState } from '../lessons/evaluate-checks';
import { findLesson, lessonIn, loadLessons, type LessonDir } from '../lessons/load-lessons';
import { fetchMissing, prepareReport, type PrepareDeps } from '../lessons/prepare-template';
import type { LessonProgressStore } from '../lessons/progress-store';
import { twinFacts } from '../lessons/twin-facts';

type RunnerMethods =
  'lessons.check' | 'lessons.progress.get' | 'lessons.progress.save' | 'lessons.prepare' | 'lessons.folders';

export interface LessonRunnerDeps {
  dirs: LessonDir[];
  guests: () => Promise<Guest[]>;
  templates: Pick<TemplateCatalog, 'get'>;
  calls: CheckCalls;
  progress: LessonProgressStore;
  prepare: PrepareDeps;
  operations: Operations;
  folders: LessonFolders;
}

/** The lesson runner's side in main: checks against the real guests, progress on disk, offline prep. */
export function lessonRunnerHandlers(deps: LessonRunnerDeps): Pick<Handlers, RunnerMethods> {
  return {
    'lessons.check': async ({ lessonId, stepId, twinId, locale, trustHost }) => {
      const entry = findLesson(await loadLessons(deps.dirs), lessonId);
      if (!entry) throw lessonError('error.lessonNotFound', { id: lessonId });
      const step = lessonIn(entry, locale).steps.find((candidate) => candidate.id === stepId);
      if (!step) throw lessonError('error.stepNotFound', { lessonId, id: stepId });
      if (entry.source !== 'builtin' && !trustHost && step.blocks.some(isHostCheck))
        throw lessonError('trust.notTrusted');
      const members = (await deps.guests()).filter((guest) => guest.managed && guest.twinId === twinId);
      const first = members[0];
      if (!first) throw lessonError('error.twinGone');
      const template = await deps.templates.get(first.templateId ?? '');
      const guests: Partial<Record<TwinRole, Guest>> = {};
      for (const guest of members) guests[twinRoleOf(guest)] ??= guest;
      const results = await runStepChecks(step, { facts: twinFacts(members, template), guests }, deps.calls);
      return { stepId, state: stepState(step, results), results };
    },
    'lessons.progress.get': () => deps.progress.all(),
    'lessons.progress.save': async ({ lessonId, progress }) => {
      await deps.progress.save(lessonId, progress);
      return null;
    },
    'lessons.prepare': async ({ templateId, operationId }) => {
      const template = await deps.templates.get(templateId);
      if (!operationId) return prepareReport(template, deps.prepare);
      return deps.operations.run(operationId, (signal, progress) =>
        fetchMissing(template, deps.prepare, signal, progress),
      );
    },
    'lessons.folders': async () => deps.folders,
  };
}

/** A check that types into the host's own shell. */
function isHostCheck(block: LessonBlock): boolean {
  return block.type === 'check' && block.targets.includes('host');
}
