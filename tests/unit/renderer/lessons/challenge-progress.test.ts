import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { LessonProgress, LessonStep } from '../../../../src/shared/lessons';
import {
  hintsUsed,
  progressLine,
  withHintShown,
} from '../../../../src/renderer/src/pages/lessons/challenge-progress';
import { withOutcome } from '../../../../src/renderer/src/pages/lessons/lesson-logic';

const challenge: LessonStep = {
  id: 'rename',
  title: 'Rename the VM',
  optional: false,
  challenge: true,
  requires: [],
  blocks: [
    { type: 'hint', text: 'One.', line: 3 },
    { type: 'hint', text: 'Two.', line: 6 },
    { type: 'check', id: 'renamed', targets: ['vm'], command: 'hostname', expect: '^twin-vm$', line: 9 },
  ],
  line: 1,
};
const plain: LessonStep = { ...challenge, id: 'plain', challenge: undefined, blocks: [] };

describe('challenge progress', () => {
  it('opens hints one at a time, never more than the step has', () => {
    const once = withHintShown({ twinId: 't', steps: {} }, challenge);
    expect(once).toEqual({
      twinId: 't',
      steps: { rename: { state: 'pending', results: [], hintsShown: 1 } },
    });
    const thrice = withHintShown(withHintShown(once, challenge), challenge);
    expect(thrice.steps['rename']?.hintsShown).toBe(2);
  });

  it('keeps the hints used when the step is checked, and counts them for the progress line', () => {
    const opened = withHintShown({ steps: {} }, challenge);
    const checked = withOutcome(opened, {
      stepId: 'rename',
      state: 'failed',
      results: [{ checkId: 'renamed', status: 'fail', reason: { key: 'k', message: 'm' } }],
    });
    expect(checked.steps['rename']).toMatchObject({ state: 'failed', hintsShown: 1 });
    expect(hintsUsed([challenge, plain], checked)).toBe(1);
    const stale: LessonProgress = { steps: { rename: { state: 'done', results: [], hintsShown: 9 } } };
    expect(hintsUsed([challenge, plain], stale)).toBe(2);
    expect(hintsUsed([challenge], undefined)).toBe(0);
  });

  it('adds the hints used to the progress line only once one was opened', () => {
    const t = ((key: string, params: Record<string, number>) =>
      `${key} ${JSON.stringify(params)}`) as unknown as TFunction;
    expect(progressLine(t, [challenge, plain], { steps: {} })).toBe(
      'lessons.progressLine {"done":0,"total":2,"count":2}',
    );
    expect(progressLine(t, [challenge, plain], withHintShown({ steps: {} }, challenge))).toBe(
      'lessons.progressLine {"done":0,"total":2,"count":2} · lessons.challenge.hintsUsed {"count":1}',
    );
  });

  it('saves no hint count on a step that never opened one', () => {
    const checked = withOutcome({ steps: {} }, { stepId: 'plain', state: 'done', results: [] });
    expect(checked.steps['plain']).toEqual({ state: 'done', results: [] });
  });
});
