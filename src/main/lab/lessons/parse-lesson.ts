import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { twinRoles } from '@shared/twin-roles';
import {
  lessonFrontMatterSchema,
  lessonStepSchema,
  lessonTargets,
  type LessonFrontMatter,
  type LessonProblem,
  type LessonStep,
} from '@shared/lessons';
import { parseAttributes, type BlockAttributes } from './block-attributes';
import { parseCompareExpression } from './compare-expression';
import { readBody } from './lesson-markdown';

/** A translation's front matter: only its text; everything else comes from the English file. */
export const translationFrontMatterSchema = lessonFrontMatterSchema.pick({ title: true, summary: true });

export interface LessonFile<FrontMatter> {
  frontMatter: FrontMatter;
  intro: string;
  steps: LessonStep[];
}

type Parsed<T> = { file: LessonFile<T> } | { problems: LessonProblem[] };

/** lesson.md: the full front matter. */
export function parseLessonFile(file: string, text: string): Parsed<LessonFrontMatter> {
  return parseWith(file, text, lessonFrontMatterSchema, (front) => front.needs);
}

/** lesson.<locale>.md: title and summary; `target=all` resolves against the English file's needs. */
export function parseTranslationFile(
  file: string,
  text: string,
  needs: LessonFrontMatter['needs'],
): Parsed<z.output<typeof translationFrontMatterSchema>> {
  return parseWith(file, text, translationFrontMatterSchema, () => needs);
}

function parseWith<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  needsOf: (front: z.output<S>) => LessonFrontMatter['needs'],
): Parsed<z.output<S>> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const split = splitFrontMatter(lines);
  if ('error' in split) return { problems: [{ file, line: 1, message: split.error }] };
  const front = parseFrontMatter(file, split.yaml, schema);
  if ('problems' in front) return front;
  const body = parseBody(lines, split.bodyStart, needsOf(front.value));
  const problems = body.problems.map((problem) => ({ file, ...problem }));
  return problems.length > 0
    ? { problems }
    : { file: { frontMatter: front.value, intro: body.intro, steps: body.steps } };
}

function splitFrontMatter(lines: string[]): { yaml: string; bodyStart: number } | { error: string } {
  if (lines[0]?.trim() !== '---')
    return { error: 'start the file with YAML front matter between two --- lines' };
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) return { error: 'the front matter has no closing --- line' };
  return { yaml: lines.slice(1, end).join('\n'), bodyStart: end + 1 };
}

/** Front matter lines are offset by the opening --- line. */
function parseFrontMatter<S extends z.ZodType>(
  file: string,
  yaml: string,
  schema: S,
): { value: z.output<S> } | { problems: LessonProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        line: counter.linePos(error.pos[0]).line + 1,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { value: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const node = doc.getIn(path, true);
      const line = isNode(node) && node.range ? counter.linePos(node.range[0]).line + 1 : 2;
      const field = path.length > 0 ? `${path.join('.')}: ` : '';
      return { file, line, message: `${field}${issue.message}` };
    }),
  };
}

interface Problem {
  line: number;
  message: string;
}

/** A block as read, before the step schema checks it. */
type RawBlock = Record<string, unknown> & { line: number };

interface RawStep {
  line: number;
  /** The heading's text as written, attributes included. */
  heading: string;
  blocks: RawBlock[];
  problems: Problem[];
}

const stepHeading = /^(.*?)(?:\s+\{([^}]*)\})?\s*$/s;
const blockTypes = ['run', 'check', 'compare', 'hint'];

/**
 * Top-level level-2 headings start steps; fenced code whose info string starts with run, check, hint or
 * compare (at any depth, in a list item too) is a lesson block; everything else is Markdown for
 * display, kept as its source. `start` is the number of file lines before the body.
 */
function parseBody(lines: string[], start: number, needs: LessonFrontMatter['needs']) {
  const problems: Problem[] = [];
  const intro: string[] = [];
  const raw: RawStep[] = [];
  for (const part of readBody(lines.slice(start).join('\n'), blockTypes)) {
    const line = part.line + start;
    const step = raw.at(-1);
    if (part.kind === 'heading') raw.push({ line, heading: part.text, blocks: [], problems: [] });
    else if (part.kind === 'unclosed')
      problems.push({ line, message: `this ${part.marker} fence is never closed` });
    else if (part.kind === 'prose') {
      if (step) step.blocks.push({ type: 'markdown', text: part.text, line });
      else intro.push(part.text);
    } else if (!step)
      problems.push({ line, message: `put this ${part.type} block inside a step (a ## heading)` });
    else {
      const block = readBlock(part.type, part.info, part.body, line, needs);
      if ('problem' in block) step.problems.push(block.problem);
      else step.blocks.push(block.block);
    }
  }
  const steps: LessonStep[] = [];
  raw.forEach((step, index) => {
    const parsed = toStep(step, index, needs);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else steps.push(parsed.step);
  });
  if (raw.length === 0)
    problems.push({ line: start + 1, message: 'a lesson needs at least one step (a ## heading)' });
  problems.push(
    ...duplicates(
      steps.map((step) => ({ id: step.id, line: step.line })),
      'step',
    ),
  );
  return { intro: intro.join('\n\n'), steps, problems: problems.sort((a, b) => a.line - b.line) };
}

function toStep(
  step: RawStep,
  index: number,
  needs: LessonFrontMatter['needs'],
): { step: LessonStep } | { problems: Problem[] } {
  const match = stepHeading.exec(step.heading);
  const attributes = parseAttributes(match?.[2] ?? '');
  const problems = [...step.problems];
  if ('error' in attributes)
    return { problems: [...problems, { line: step.line, message: attributes.error }] };
  problems.push(
    ...unknownAttributes(attributes, ['optional', 'challenge', 'checkpoint'], ['requires'], step.line),
  );
  const challenge = attributes.flags.includes('challenge');
  problems.push(...challengeProblems(step, challenge));
  let checkNumber = 0;
  const blocks = step.blocks.map((block) =>
    block['type'] === 'check' || block['type'] === 'compare'
      ? { ...block, id: block['id'] ?? `check-${++checkNumber}` }
      : block,
  );
  const candidate = {
    id: attributes.id ?? `step-${index + 1}`,
    title: (match?.[1] ?? '').trim(),
    optional: attributes.flags.includes('optional'),
    ...(challenge && { challenge }),
    ...(attributes.flags.includes('checkpoint') && { checkpoint: true }),
    requires: listOf(attributes.values['requires']),
    blocks,
    line: step.line,
  };
  const parsed = lessonStepSchema.safeParse(candidate);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => {
        const [first, blockIndex, ...rest] = issue.path;
        const block = first === 'blocks' && typeof blockIndex === 'number' ? blocks[blockIndex] : undefined;
        const field = (block ? rest : issue.path).map(String).join('.');
        return { line: block?.line ?? step.line, message: `${field ? `${field}: ` : ''}${issue.message}` };
      }),
    );
  }
  if (problems.length > 0 || !parsed.success) return { problems };
  const declared = new Set<string>([...needs.roles, ...needs.optional]);
  for (const feature of parsed.data.requires) {
    if (!declared.has(feature))
      problems.push({ line: step.line, message: `requires ${feature}: declare it in needs.optional first` });
  }
  const checks = parsed.data.blocks.flatMap((block) =>
    block.type === 'check' || block.type === 'compare' ? [{ id: block.id, line: block.line }] : [],
  );
  problems.push(...duplicates(checks, 'check'));
  return problems.length > 0 ? { problems } : { step: parsed.data };
}

function readBlock(
  type: string,
  info: string,
  body: string[],
  line: number,
  needs: LessonFrontMatter['needs'],
): { block: RawBlock } | { problem: Problem } {
  const attributes = parseAttributes(info);
  if ('error' in attributes) return { problem: { line, message: attributes.error } };
  const lines = body.map((text) => text.trimEnd()).filter((text) => text.trim().length > 0);
  const unknown = (values: string[]) => {
    const first = unknownAttributes(attributes, [], values, line)[0];
    return first && { problem: first };
  };
  const problem = (message: string) => ({ problem: { line, message } });
  if (type === 'hint') {
    const text = body.join('\n').trim();
    return unknown([]) ?? (text ? { block: { type, text, line } } : problem('a hint needs some text'));
  }
  if (type === 'compare') {
    const problemHere = unknown([]);
    if (problemHere) return problemHere;
    if (lines.length !== 1) return problem('a compare block holds one comparison on one line');
    const expression = (lines[0] ?? '').trim();
    const parsed = parseCompareExpression(expression);
    if ('error' in parsed) return problem(parsed.error);
    return { block: { type, ...(attributes.id && { id: attributes.id }), expression, ...parsed, line } };
  }
  const targets = resolveTargets(attributes.values['target'], needs);
  if ('error' in targets) return problem(targets.error);
  if (type === 'run') return unknown(['target']) ?? { block: { type, targets: targets.value, lines, line } };
  const problemHere = unknown(['target', 'expect', 'outputs', 'timeout', 'missing']);
  if (problemHere) return problemHere;
  if (lines.length !== 1) return problem('a check runs one command on one line');
  const { expect, outputs, timeout, missing } = attributes.values;
  const block: RawBlock = {
    type,
    ...(attributes.id && { id: attributes.id }),
    targets: targets.value,
    command: (lines[0] ?? '').trim(),
    ...(expect !== undefined && { expect }),
    ...(outputs !== undefined && { outputs }),
    ...(timeout !== undefined && { timeoutMs: Number(timeout) * 1000 }),
    ...(missing !== undefined && { missing }),
    line,
  };
  return { block };
}

/** A challenge is a goal the learner reaches their own way: no run blocks, checks to verify it; hints only there. */
function challengeProblems(step: RawStep, challenge: boolean): Problem[] {
  const of = (type: string) => step.blocks.filter((block) => block['type'] === type);
  if (!challenge)
    return of('hint').map((hint) => ({
      line: hint.line,
      message: 'a hint belongs in a challenge: add challenge to the step heading, e.g. {#id challenge}',
    }));
  const runs = of('run').map((run) => ({
    line: run.line,
    message: 'a challenge has no run blocks: say the goal in prose, or give the command in a hint',
  }));
  const checks = of('check').length + of('compare').length;
  const unchecked =
    checks > 0 ? [] : [{ line: step.line, message: 'a challenge needs a check that verifies its goal' }];
  return [...runs, ...unchecked];
}

/** `all` is every role the lesson declares (required or optional); a run skips the absent ones. */
function resolveTargets(
  value: string | undefined,
  needs: LessonFrontMatter['needs'],
): { value: string[] } | { error: string } {
  if (!value)
    return { error: `say where it runs: target=${[...lessonTargets, 'all'].join('|')} or a comma list` };
  const names = listOf(value);
  if (!names.includes('all')) return { value: names };
  const declared = new Set<string>([...needs.roles, ...needs.optional]);
  const roles = twinRoles.filter((role) => declared.has(role));
  return { value: [...roles, ...names.filter((name) => name !== 'all' && !declared.has(name))] };
}

function unknownAttributes(
  attributes: BlockAttributes,
  flags: string[],
  values: string[],
  line: number,
): Problem[] {
  const unknown = [
    ...attributes.flags.filter((flag) => !flags.includes(flag)),
    ...Object.keys(attributes.values).filter((key) => !values.includes(key)),
  ];
  const allowed = [...flags, ...values.map((value) => `${value}=`), '#id'].join(', ');
  return unknown.map((name) => ({ line, message: `unknown attribute "${name}" (use ${allowed})` }));
}

function listOf(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

function duplicates(items: Array<{ id: string; line: number }>, what: string) {
  const seen = new Set<string>();
  return items.flatMap(({ id, line }) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ line, message: `${what} id "${id}" is used twice` }];
  });
}
