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

  it('reads the body as CommonMark: fences in list items, ~~~ fences, headings inside fences', () => {
    const text = lesson(
      [
        '## Steps in a list {#list}', // line 12
        '1. Start it:',
        '',
        '   - nested, where the old scanner missed a fence indented by four:',
        '',
        '     ```run target=container', // line 17
        '     httpd -p 8080',
        '     ```',
        '2. Then look.',
        '~~~check target=vm expect="^`?ok"', // line 21: a tilde fence may hold backticks
        'echo ok',
        '~~~',
        '````sh',
        '## inside a fence, not a step',
        '```check target=vm expect="x"',
        'not a check either',
        '```',
        '````',
      ].join('\n'),
    );
    const parsed = parseLessonFile('/l/demo/lesson.md', text);
    if (!('file' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.file.steps.map((step) => step.id)).toEqual(['list']);
    expect(parsed.file.steps[0]?.blocks).toEqual([
      {
        type: 'markdown',
        text: '1. Start it:\n\n   - nested, where the old scanner missed a fence indented by four:',
        line: 13,
      },
      { type: 'run', targets: ['container'], lines: ['httpd -p 8080'], line: 17 },
      { type: 'markdown', text: '2. Then look.', line: 20 },
      { type: 'check', id: 'check-1', targets: ['vm'], command: 'echo ok', expect: '^`?ok', line: 21 },
      {
        type: 'markdown',
        text: '````sh\n## inside a fence, not a step\n```check target=vm expect="x"\nnot a check either\n```\n````',
        line: 24,
      },
    ]);
  });

  it('keeps attributes as written, although CommonMark would unescape them, and reads setext steps', () => {
    const text = lesson(
      [
        '',
        'Second heading style {#setext}',
        '---',
        '```check target=vm expect="^\\d+\\.\\d+ \\"x\\"$"',
        'uname -r',
        '```',
      ].join('\n'),
    );
    const parsed = parseLessonFile('/l/demo/lesson.md', text);
    if (!('file' in parsed)) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.file.steps[0]).toMatchObject({ id: 'setext', title: 'Second heading style', line: 13 });
    expect(parsed.file.steps[0]?.blocks[0]).toMatchObject({ expect: '^\\d+\\.\\d+ "x"$', line: 15 });
  });

  it('names the line of a lesson block outside a step and of a fence left open in a list', () => {
    const file = '/l/bad/lesson.md';
    expect(parseLessonFile(file, lesson('```run target=vm\nls\n```\n## S\ntext'))).toEqual({
      problems: [{ file, line: 12, message: 'put this run block inside a step (a ## heading)' }],
    });
    expect(parseLessonFile(file, lesson('## S\n- item\n  ```run target=vm\n  ls\n- next'))).toMatchObject({
      problems: [{ file, line: 14, message: 'this ``` fence is never closed' }],
    });
  });
});
