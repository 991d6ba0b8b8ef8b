import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../../src/main/lab/lessons/load-lessons';
import { parseLessonFile } from '../../../src/main/lab/lessons/parse-lesson';
import { stepChecks, stepHints } from '../../../src/shared/lessons';

const front = (id: string) =>
  `---\nid: ${id}\ntitle: Demo\nsummary: A demo.\nlevel: beginner\nduration: 5\nneeds:\n  roles: [container, vm]\n---\n\n`;

const challenge = (hints: string[], missing = "The VM's hostname is not twin-vm yet.") =>
  [
    '## Rename the VM {#rename challenge}',
    '',
    'Give the VM the hostname `twin-vm`.',
    '',
    ...hints.flatMap((hint) => ['```hint', hint, '```', '']),
    `\`\`\`check #renamed target=vm expect="^twin-vm$" missing="${missing}"`,
    'hostname',
    '```',
    '',
  ].join('\n');

function problemsOf(body: string): string[] {
  const parsed = parseLessonFile('/l/demo/lesson.md', front('demo') + body);
  return 'problems' in parsed ? parsed.problems.map((p) => `${p.line}: ${p.message}`) : [];
}

describe('lesson challenges', () => {
  it('reads a challenge: the goal as prose, its hints in order, a check with what is missing', () => {
    const parsed = parseLessonFile(
      '/l/demo/lesson.md',
      front('demo') + challenge(['Use `hostname`.', 'Or write to\n/proc/sys/kernel/hostname.']),
    );
    if (!('file' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    const [step] = parsed.file.steps;
    if (!step) throw new Error('no step');
    expect(step).toMatchObject({ id: 'rename', title: 'Rename the VM', challenge: true, optional: false });
    expect(step.blocks[0]).toMatchObject({ type: 'markdown', text: 'Give the VM the hostname `twin-vm`.' });
    expect(stepHints(step)).toEqual([
      { type: 'hint', text: 'Use `hostname`.', line: 15 },
      { type: 'hint', text: 'Or write to\n/proc/sys/kernel/hostname.', line: 19 },
    ]);
    expect(stepChecks(step)).toEqual([
      {
        type: 'check',
        id: 'renamed',
        targets: ['vm'],
        command: 'hostname',
        expect: '^twin-vm$',
        missing: "The VM's hostname is not twin-vm yet.",
        line: 24,
      },
    ]);
  });

  it('leaves the challenge flag off ordinary steps', () => {
    const parsed = parseLessonFile(
      '/l/demo/lesson.md',
      front('demo') + '## Look {#look}\n\n```check target=vm expect="."\nhostname\n```\n',
    );
    if (!('file' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.file.steps[0]).not.toHaveProperty('challenge');
  });

  it('refuses a challenge with a run block, a challenge without a check, and a hint outside a challenge', () => {
    expect(
      problemsOf(
        '## Goal {#goal challenge}\n\n```run target=vm\nhostname twin-vm\n```\n\n```check target=vm expect="twin-vm"\nhostname\n```\n',
      ),
    ).toEqual(['13: a challenge has no run blocks: say the goal in prose, or give the command in a hint']);
    expect(problemsOf('## Goal {#goal challenge}\n\nJust prose.\n\n```hint\nA hint.\n```\n')).toEqual([
      '11: a challenge needs a check that verifies its goal',
    ]);
    expect(
      problemsOf(
        '## Steps {#steps}\n\n```hint\nA hint.\n```\n\n```check target=vm expect="."\nhostname\n```\n',
      ),
    ).toEqual(['13: a hint belongs in a challenge: add challenge to the step heading, e.g. {#id challenge}']);
  });

  it('refuses an empty hint and a hint with attributes', () => {
    expect(problemsOf(challenge(['']))).toEqual(['15: a hint needs some text']);
    expect(problemsOf(challenge(['A hint.']).replace('```hint', '```hint target=vm'))).toEqual([
      '15: unknown attribute "target" (use #id)',
    ]);
  });

  it('lets a translation reword the hints and what is missing, but not drop a hint or the challenge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-challenge-'));
    try {
      const folder = join(dir, 'demo');
      mkdirSync(folder);
      const body = challenge(['Use `hostname`.', 'Or /proc.']);
      const english = front('demo') + body;
      const ko = `---\ntitle: 데모\nsummary: 데모입니다.\n---\n\n${body}`;
      writeFileSync(join(folder, 'lesson.md'), english);
      writeFileSync(
        join(folder, 'lesson.ko.md'),
        ko
          .replace('Use `hostname`.', '`hostname`을 쓰세요.')
          .replace("The VM's hostname is not twin-vm yet.", 'VM의 호스트 이름이 아직 twin-vm이 아닙니다.'),
      );
      writeFileSync(join(folder, 'lesson.zh-CN.md'), ko.replace('```hint\nOr /proc.\n```\n', ''));
      const library = await loadLessons([{ dir, source: 'user' }]);
      expect(Object.keys(library.entries[0]?.translations ?? {})).toEqual(['ko']);
      expect(library.problems).toEqual([
        expect.objectContaining({
          file: join(folder, 'lesson.zh-CN.md'),
          message: expect.stringContaining('must have the same id, attributes, runs and checks'),
        }),
      ]);
      writeFileSync(join(folder, 'lesson.zh-CN.md'), ko.replace('{#rename challenge}', '{#rename}'));
      const again = await loadLessons([{ dir, source: 'user' }]);
      expect([...new Set(again.problems.map((problem) => problem.file))]).toEqual([
        join(folder, 'lesson.zh-CN.md'),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
