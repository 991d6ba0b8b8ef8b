import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import { parseLessonFile } from '../../../src/main/lab/lessons/parse-lesson';

const front = `---\nid: demo\ntitle: Demo\nsummary: A demo.\nlevel: beginner\nduration: 5\nneeds:\n  roles: [container, vm]\n---\n\n`;
const step = (heading: string) =>
  `## Break it ${heading}\n\nRemove the shell's tools.\n\n\`\`\`run target=all\nrm -f /bin/cat\n\`\`\`\n`;

function parsed(heading: string) {
  const result = parseLessonFile('/l/demo/lesson.md', front + step(heading));
  if ('problems' in result) return { problems: result.problems.map((problem) => problem.message) };
  return { step: result.file.steps[0] };
}

describe('checkpoint steps', () => {
  it('reads `checkpoint` on a step heading, beside its id and other flags', () => {
    expect(parsed('{#break checkpoint}').step).toMatchObject({ id: 'break', checkpoint: true });
    expect(parsed('{#break optional checkpoint}').step).toMatchObject({ optional: true, checkpoint: true });
  });

  it('leaves it out of a step without it', () => {
    expect(parsed('{#break}').step).not.toHaveProperty('checkpoint');
  });

  it('refuses a value for it, naming the flags it knows', () => {
    expect(parsed('{#break checkpoint=yes}').problems).toEqual([
      expect.stringContaining('unknown attribute "checkpoint"'),
    ]);
  });

  it('refuses a translation that drops the checkpoint of the English step', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-ckpt-'));
    try {
      mkdirSync(join(root, 'demo'));
      writeFileSync(join(root, 'demo', 'lesson.md'), front + step('{#break checkpoint}'));
      writeFileSync(
        join(root, 'demo', 'lesson.ko.md'),
        `---\ntitle: 데모\nsummary: 데모입니다.\n---\n\n${step('{#break}')}`,
      );
      const loaded = await loadLessons([{ dir: root, source: 'user' }]);
      expect(loaded.problems.map((problem) => problem.message)).toEqual([
        expect.stringContaining('must have the same id, attributes'),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
