import { describe, expect, it } from 'vitest';
import { parseLessonFile } from '../../../src/main/lab/lessons/parse-lesson';

const lesson = (body: string, front = 'needs:\n  roles: [container, vm]\n') =>
  `---\nid: demo\ntitle: Demo\nsummary: A demo.\nlevel: beginner\nduration: 5\n${front}---\n\nIntro.\n${body}`;

describe('lesson files', () => {
  it('reads steps, run blocks, probe checks and compare checks', () => {
    const text = lesson(
      [
        '## First {#first}',
        'Some text.',
        '```run target=all,host',
        'uname -r',
        '```',
        '```check target=container,host expect="^\\d+\\.\\d+" outputs=same',
        'uname -r',
        '```',
        '```sh',
        '## not a step, inside a display fence',
        '```',
        '## Second {optional requires=sandbox}',
        '```compare #memory',
        'vm.hostMemoryBytes > 10 * container.hostMemoryBytes',
        '```',
      ].join('\n'),
      'needs:\n  roles: [container, vm]\n  optional: [sandbox]\n',
    );
    const parsed = parseLessonFile('/l/demo/lesson.md', text);
    if (!('file' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    const [first, second] = parsed.file.steps;
    expect(parsed.file.intro).toBe('Intro.');
    expect(first?.blocks).toEqual([
      { type: 'markdown', text: 'Some text.', line: 14 },
      { type: 'run', targets: ['container', 'sandbox', 'vm', 'host'], lines: ['uname -r'], line: 15 },
      {
        type: 'check',
        id: 'check-1',
        targets: ['container', 'host'],
        command: 'uname -r',
        expect: '^\\d+\\.\\d+',
        outputs: 'same',
        line: 18,
      },
      { type: 'markdown', text: '```sh\n## not a step, inside a display fence\n```', line: 21 },
    ]);
    expect(second).toMatchObject({ id: 'step-2', optional: true, requires: ['sandbox'], line: 24 });
    expect(second?.blocks[0]).toMatchObject({
      type: 'compare',
      id: 'memory',
      left: { factor: 1, role: 'vm', field: 'hostMemoryBytes' },
      operator: '>',
      right: { factor: 10, role: 'container', field: 'hostMemoryBytes' },
    });
  });

  it('names the file and the line of each problem', () => {
    const file = '/l/bad/lesson.md';
    expect(parseLessonFile(file, lesson('## S\n```check target=vm expect="(unclosed"\nuname\n```'))).toEqual({
      problems: [{ file, line: 13, message: 'expect: not a valid regular expression' }],
    });
    expect(parseLessonFile(file, lesson('## S\n```check target=vm\nuname\n```'))).toMatchObject({
      problems: [{ file, line: 13, message: expect.stringContaining('outputs=same|different') }],
    });
    expect(parseLessonFile(file, lesson('## S\n```compare\nvm.speed > 2\n```'))).toMatchObject({
      problems: [{ file, line: 13, message: expect.stringContaining('unknown field "speed"') }],
    });
    expect(parseLessonFile(file, lesson('## S\n```run target=moon\nls\n```'))).toMatchObject({
      problems: [{ file, line: 13, message: expect.stringContaining('targets.0') }],
    });
    expect(parseLessonFile(file, lesson('## S {requires=kata}\ntext'))).toMatchObject({
      problems: [{ file, line: 12, message: expect.stringContaining('needs.optional') }],
    });
    expect(parseLessonFile(file, lesson('## S\n```run target=vm\nls\n'))).toMatchObject({
      problems: [{ file, line: 13, message: expect.stringContaining('never closed') }],
    });
    expect(parseLessonFile(file, lesson('## S', 'needs:\n  roles: [moon]\n'))).toMatchObject({
      problems: [{ file, line: 8, message: expect.stringContaining('needs.roles.0') }],
    });
    expect(parseLessonFile(file, 'no front matter')).toMatchObject({ problems: [{ file, line: 1 }] });
  });
});
