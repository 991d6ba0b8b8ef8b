import { z } from 'zod';
import { twinRoles, type TwinRole } from './twin-roles';
import { locales, type Locale } from './locales';

/**
 * Guided lessons. A lesson is a folder with lesson.md (YAML front matter, then Markdown steps) and
 * optional translations (lesson.zh-CN.md, lesson.ko.md) that must keep the same steps and checks.
 *
 *   ## Step title {#step-id optional requires=sandbox,runsc}
 *   ```run target=all              typed into every guest's console by the Run button
 *   ```check target=container,host expect="^\d+\.\d+" outputs=same   one-line probe command
 *   ```compare                      vm.hostMemoryBytes > 10 * container.hostMemoryBytes
 *
 *   ## A goal {#step-id challenge}  a challenge: prose states the goal, no run blocks, checks verify state
 *   ```hint                         Markdown shown one hint at a time, on the learner's request
 *   ```check … missing="The VM's hostname is not twin-vm yet."   said when the check fails
 *
 *   ## Break it {#step-id checkpoint}  the twin is saved before this step: "Back to this step" undoes it
 */

/** Where a block is typed: a twin role or the host's own shell. */
export const lessonTargets = [...twinRoles, 'host'] as const;
export type LessonTarget = (typeof lessonTargets)[number];

/**
 * What a twin may or may not have. Roles as in compare.ts; runsc and kata are the sandbox's runtime;
 * vm-image / vm-kernel say how the VM boots; kvm / tcg whether it runs with hardware virtualization;
 * vm-disk-buses that the VM has scratch disks on virtio and on an emulated bus (IDE or SATA).
 */
export const lessonFeatures = [
  ...twinRoles,
  'runsc',
  'kata',
  'vm-image',
  'vm-kernel',
  'kvm',
  'tcg',
  'vm-disk-buses',
] as const;
export type LessonFeature = (typeof lessonFeatures)[number];

export const lessonLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type LessonLevel = (typeof lessonLevels)[number];

/** Numbers a compare check can read, as paths into a GuestMeasurement. */
export const measureFields = [
  'readyMs',
  'hostMemoryBytes',
  'memoryLimitBytes',
  'cpuPercent',
  'disk.sharedBytes',
  'disk.ownBytes',
  'hostProcesses.count',
] as const;
export type MeasureField = (typeof measureFields)[number];

export const compareOperators = ['>=', '<=', '==', '!=', '>', '<'] as const;
export type CompareOperator = (typeof compareOperators)[number];

const slug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'use lowercase letters, digits and dashes, starting with a letter or digit',
  );

export const lessonNeedsSchema = z
  .object({
    /** The twin must have these roles; the lesson cannot start without them. */
    roles: z.array(z.enum(twinRoles)).min(1),
    /** Used by some steps; those steps are skipped, with the reason, when the twin lacks them. */
    optional: z.array(z.enum(lessonFeatures)).default([]),
  })
  .strict();
export type LessonNeeds = z.output<typeof lessonNeedsSchema>;

export const lessonFrontMatterSchema = z
  .object({
    id: slug,
    title: z.string().min(1).max(120),
    /** One or two sentences for the lesson list. */
    summary: z.string().min(1).max(400),
    level: z.enum(lessonLevels),
    /** Minutes. */
    duration: z.number().int().min(1).max(240),
    needs: lessonNeedsSchema,
  })
  .strict();
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;

const oneLine = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[^\r\n]*$/, 'one line only');

const validRegex = z
  .string()
  .min(1)
  .refine(
    (source) => {
      try {
        new RegExp(source, 'm');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  );

const line = z.number().int().min(1);

/** Text between blocks, rendered as Markdown. */
const markdownBlock = z.object({ type: z.literal('markdown'), text: z.string(), line }).strict();

/** Typed line by line into each target's console when the learner presses Run. */
const runBlock = z
  .object({
    type: z.literal('run'),
    /** Each role present in the twin, for `target=all`; never the host. */
    targets: z.array(z.enum(lessonTargets)).min(1),
    lines: z.array(oneLine).min(1).max(20),
    line,
  })
  .strict();

/** A one-line command run in each target (console.run); the outputs must match and/or agree. */
const probeCheck = z
  .object({
    type: z.literal('check'),
    id: slug,
    targets: z.array(z.enum(lessonTargets)).min(1),
    command: oneLine,
    /** Every target's output must contain a match (multi-line mode: ^ and $ match at line ends). */
    expect: validRegex.optional(),
    /** The targets' outputs must be the same, or all differ from each other. */
    outputs: z.enum(['same', 'different']).optional(),
    timeoutMs: z.number().int().min(500).max(60_000).optional(),
    /** What is still to do when it fails, in the lesson's language (a challenge's checks). */
    missing: oneLine.optional(),
    line,
  })
  .strict()
  .refine((check) => check.expect !== undefined || check.outputs !== undefined, {
    message: 'a check needs expect="<regular expression>", outputs=same|different, or both',
  })
  .refine((check) => check.outputs === undefined || check.targets.length >= 2, {
    message: 'outputs=same|different compares at least two targets',
  });

const operand = z.union([
  z.object({ value: z.number() }).strict(),
  z.object({ factor: z.number(), role: z.enum(twinRoles), field: z.enum(measureFields) }).strict(),
]);
export type CompareOperand = z.output<typeof operand>;

/** Host-side measurements of twin roles, compared (compare.measure). */
const compareCheck = z
  .object({
    type: z.literal('compare'),
    id: slug,
    /** As written, for display. */
    expression: z.string().min(1),
    left: operand,
    operator: z.enum(compareOperators),
    right: operand,
    line,
  })
  .strict();

/** A challenge's hint: Markdown, hidden until the learner asks for it (hints are shown in order). */
const hintBlock = z.object({ type: z.literal('hint'), text: z.string().min(1), line }).strict();

export const lessonBlockSchema = z.discriminatedUnion('type', [
  markdownBlock,
  runBlock,
  probeCheck,
  compareCheck,
  hintBlock,
]);
export type LessonBlock = z.output<typeof lessonBlockSchema>;
export type RunBlock = z.output<typeof runBlock>;
export type ProbeCheck = z.output<typeof probeCheck>;
export type CompareCheck = z.output<typeof compareCheck>;
export type HintBlock = z.output<typeof hintBlock>;
export type LessonCheck = ProbeCheck | CompareCheck;

export const lessonStepSchema = z
  .object({
    id: slug,
    title: z.string().min(1),
    /** Not needed to complete the lesson. */
    optional: z.boolean(),
    /** A goal without commands: reached however the learner likes, verified by its checks. */
    challenge: z.boolean().optional(),
    /** Save the twin before this step's commands, so "Back to this step" can undo them (checkpoints.ts). */
    checkpoint: z.boolean().optional(),
    /** Skipped, with the reason, when the twin lacks any of these. */
    requires: z.array(z.enum(lessonFeatures)),
    blocks: z.array(lessonBlockSchema),
    line,
  })
  .strict();
export type LessonStep = z.output<typeof lessonStepSchema>;

export type LessonSource = 'builtin' | 'user' | 'extra';

export interface Lesson extends LessonFrontMatter {
  /** The language of this text; the English one when the requested translation does not exist. */
  locale: Locale;
  /** Markdown before the first step. */
  intro: string;
  steps: LessonStep[];
  languages: Locale[];
  source: LessonSource;
}

export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  /** The language title, summary and lesson text are in: English when the asked one is missing. */
  locale: Locale;
  level: LessonLevel;
  duration: number;
  needs: LessonNeeds;
  /** The languages it is written in; English always. */
  languages: Locale[];
  source: LessonSource;
}

/** A lesson file that could not be used, with the line and the problem. */
export interface LessonProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export interface LessonList {
  lessons: LessonSummary[];
  problems: LessonProblem[];
}

export function stepHints(step: LessonStep): HintBlock[] {
  return step.blocks.filter((block): block is HintBlock => block.type === 'hint');
}

export function stepChecks(step: LessonStep): LessonCheck[] {
  return step.blocks.filter(
    (block): block is LessonCheck => block.type === 'check' || block.type === 'compare',
  );
}

/**
 * What a step types into the host's own shell (run lines and checks with target host): a lesson
 * pack from anywhere but Twinlab may only do so after the learner agreed once.
 */
export function hostCommandsOf(step: LessonStep): string[] {
  return step.blocks.flatMap((block) => {
    if ((block.type !== 'run' && block.type !== 'check') || !block.targets.includes('host')) return [];
    return block.type === 'run' ? block.lines : [block.command];
  });
}

/** Which roles a check reads; the host is always there. */
export function checkRoles(check: LessonCheck): TwinRole[] {
  if (check.type === 'compare')
    return [check.left, check.right].flatMap((side) => ('role' in side ? [side.role] : []));
  return check.targets.filter((target): target is TwinRole => target !== 'host');
}

export const lessonsListSchema = z.object({ locale: z.enum(locales).default('en') }).strict();
export const lessonsGetSchema = z.object({ id: slug, locale: z.enum(locales).default('en') }).strict();

/** What a twin has, for skipping the steps and checks it cannot show. */
export interface TwinFacts {
  roles: TwinRole[];
  features: LessonFeature[];
}

/** i18n key (the `lessons` section) with its params, and the English sentence. */
export interface CheckReason {
  key: string;
  message: string;
  params?: Record<string, string | number>;
  /** What each target printed (shortened), so the UI names the targets in its own language. */
  outputs?: { target: LessonTarget; output: string }[];
}

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckResult {
  checkId: string;
  status: CheckStatus;
  reason: CheckReason;
}

/** done: every check that applies passed; failed: one did not; skipped: none applied. */
export type StepState = 'pending' | 'done' | 'failed' | 'skipped';

// ---- Lesson runner: checks in main, progress on disk, prepare for offline ----

const twinIdSchema = z.string().min(1).max(64);

export const lessonsCheckSchema = z
  .object({
    lessonId: slug,
    stepId: slug,
    twinId: twinIdSchema,
    locale: z.enum(locales).default('en'),
    /** The learner let this lesson (not one of Twinlab's own) run its commands on the host. */
    trustHost: z.boolean().default(false),
  })
  .strict();

/** One step's checks as run against a twin: each result and what they make of the step. */
export interface StepCheckOutcome {
  stepId: string;
  state: StepState;
  results: CheckResult[];
}

const checkReasonSchema = z
  .object({
    key: z.string().max(120),
    message: z.string().max(2000),
    params: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
    outputs: z
      .array(z.object({ target: z.enum(lessonTargets), output: z.string().max(2000) }).strict())
      .max(lessonTargets.length)
      .optional(),
  })
  .strict();

export const stepProgressSchema = z
  .object({
    state: z.enum(['pending', 'done', 'failed', 'skipped']),
    results: z
      .array(
        z
          .object({ checkId: slug, status: z.enum(['pass', 'fail', 'skipped']), reason: checkReasonSchema })
          .strict(),
      )
      .max(50),
    /** How many of a challenge's hints the learner has opened. */
    hintsShown: z.number().int().min(0).max(50).optional(),
  })
  .strict();
export type StepProgress = z.output<typeof stepProgressSchema>;

/** What a learner did in one lesson: the twin it runs on and each step's last check. */
export const lessonProgressSchema = z
  .object({
    twinId: twinIdSchema.optional(),
    templateId: z.string().min(1).max(64).optional(),
    steps: z.record(slug, stepProgressSchema),
  })
  .strict();
export type LessonProgress = z.output<typeof lessonProgressSchema>;

/** Every lesson's progress, by lesson id. */
export type LessonProgressMap = Record<string, LessonProgress>;

export const lessonsProgressGetSchema = z.object({}).strict();
export const lessonsProgressSaveSchema = z
  .object({ lessonId: slug, progress: lessonProgressSchema.nullable() })
  .strict();

/** Without operationId it only reports; with one, it fetches what is missing as that operation. */
export const lessonsPrepareSchema = z
  .object({ templateId: z.string().min(1).max(64), operationId: z.string().min(1).max(64).optional() })
  .strict();

export type PrepareItemKind = 'container-image' | 'vm-image' | 'vm-kernel';

export interface PrepareItem {
  kind: PrepareItemKind;
  /** The image reference, the image URL, or the kernel/initrd path. */
  name: string;
  present: boolean;
  /** Whether Twinlab can fetch it (a kernel file on disk cannot be downloaded). */
  fetchable: boolean;
}

export interface PrepareReport {
  templateId: string;
  items: PrepareItem[];
  /** Nothing more needs the network: the machine can go offline. */
  ready: boolean;
}

export const lessonsFoldersSchema = z.object({}).strict();

/** Where an instructor puts a lesson pack: the user lessons folder, and TWINLAB_EXTRA_LESSONS when set. */
export interface LessonFolders {
  user: string;
  extra?: string;
}
