import type { ContainerCreateSpecInput, SpecProblem } from '@shared/containers';
import type { ErrorParams } from '@shared/errors';
import type { Template } from '@shared/template';

/**
 * The "New container" wizard as plain data: the form's values, the pure mapping to the spec that
 * main validates and creates (DESIGN.md: wizards are pure values → spec mappers), and the checks
 * only the form can make (a half-filled row). No React and no DOM in here; unit-tested.
 */

/** A number input: a number, or '' while empty. */
export type NumberField = number | '';

export interface PortValues {
  /** Stable key for React lists; never sent. */
  key: string;
  container: NumberField;
  /** Empty: Docker picks a free host port. */
  host: NumberField;
  protocol: 'tcp' | 'udp';
  /** Also reachable from other computers; otherwise 127.0.0.1 only. */
  lan: boolean;
}

export interface VolumeValues {
  key: string;
  /** Empty: an anonymous volume, removed with the container. */
  name: string;
  target: string;
  readOnly: boolean;
}

export interface BindValues {
  key: string;
  source: string;
  target: string;
  readOnly: boolean;
}

export interface EnvValues {
  key: string;
  name: string;
  value: string;
}

export interface ContainerWizardValues {
  templateId: string;
  image: string;
  name: string;
  memoryMiB: NumberField;
  cpus: NumberField;
  /** Empty: Docker's default runtime. */
  runtime: string;
  ports: PortValues[];
  volumes: VolumeValues[];
  binds: BindValues[];
  env: EnvValues[];
  /** Carried over from the template unchanged. */
  command?: string[];
  shell?: string;
  restart?: string;
  twinId?: string;
}

export const emptyValues: ContainerWizardValues = {
  templateId: '',
  image: '',
  name: '',
  memoryMiB: '',
  cpus: '',
  runtime: '',
  ports: [],
  volumes: [],
  binds: [],
  env: [],
};

/** Row keys: unique within one wizard, deterministic for tests. */
let rowCounter = 0;
export function rowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

/** "twinlab-fixture/busybox:1" → "busybox"; "ghcr.io/org/web-app@sha256:…" → "web-app". */
export function imageBaseName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  const withoutTag = lastSegment.split(':')[0] ?? '';
  const cleaned = withoutTag
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return cleaned || 'container';
}

/** A default name such as `busybox-1a2b`; `suffix` is the caller's random part (pure here). */
export function defaultContainerName(image: string, suffix: string): string {
  return `${imageBaseName(image)}-${suffix}`;
}

/** Four random hex digits for a default name. */
export function randomSuffix(random: () => number = Math.random): string {
  return Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
}

/** The form filled in from a template's container side. */
export function valuesFromTemplate(template: Template, suffix: string): ContainerWizardValues {
  const side = template.container;
  if (!side) throw new Error(`template ${template.id} has no container side`);
  return {
    templateId: template.id,
    image: side.image,
    name: defaultContainerName(side.image, suffix),
    memoryMiB: side.memoryMiB ?? '',
    cpus: side.cpus ?? '',
    runtime: side.runtime ?? '',
    ports: (side.ports ?? []).map((port) => ({
      key: rowKey(),
      container: port.container,
      host: port.host ?? '',
      protocol: port.protocol,
      lan: port.lan ?? false,
    })),
    volumes: (side.volumes ?? []).map((volume) => ({
      key: rowKey(),
      name: volume.name ?? '',
      target: volume.target,
      readOnly: volume.readOnly,
    })),
    binds: (side.binds ?? []).map((bind) => ({
      key: rowKey(),
      source: bind.source,
      target: bind.target,
      readOnly: bind.readOnly,
    })),
    env: Object.entries(side.env ?? {}).map(([name, value]) => ({ key: rowKey(), name, value })),
    ...(side.command && { command: side.command }),
    ...(side.shell && { shell: side.shell }),
    ...(side.restart && { restart: side.restart }),
  };
}

const isEmptyPort = (port: PortValues) => port.container === '' && port.host === '';
const isEmptyVolume = (volume: VolumeValues) => volume.name.trim() === '' && volume.target.trim() === '';
const isEmptyBind = (bind: BindValues) => bind.source.trim() === '' && bind.target.trim() === '';
const isEmptyEnv = (env: EnvValues) => env.name.trim() === '' && env.value === '';

/**
 * The spec for `containers.validate`, `preview` and `create`. Rows left entirely empty are
 * dropped; half-filled rows are left out too and reported by `formProblems`, which gates Next and
 * Create, so they never go unnoticed.
 */
export function toContainerSpec(values: ContainerWizardValues): ContainerCreateSpecInput {
  const ports = values.ports
    .filter((port) => port.container !== '')
    .map((port) => ({
      container: port.container as number,
      ...(port.host !== '' && { host: port.host }),
      protocol: port.protocol,
      ...(port.lan && { lan: true }),
    }));
  const volumes = values.volumes
    .filter((volume) => volume.target.trim() !== '')
    .map((volume) => ({
      ...(volume.name.trim() !== '' && { name: volume.name.trim() }),
      target: volume.target.trim(),
      readOnly: volume.readOnly,
    }));
  const binds = values.binds
    .filter((bind) => bind.source.trim() !== '' && bind.target.trim() !== '')
    .map((bind) => ({ source: bind.source.trim(), target: bind.target.trim(), readOnly: bind.readOnly }));
  const envRows = values.env.filter((env) => env.name.trim() !== '');
  const env = Object.fromEntries(envRows.map((row) => [row.name.trim(), row.value]));

  return {
    name: values.name.trim(),
    templateId: values.templateId,
    image: values.image.trim(),
    ...(values.command && { command: values.command }),
    ...(values.shell && { shell: values.shell }),
    ...(values.restart && { restart: values.restart }),
    ...(values.twinId && { twinId: values.twinId }),
    ...(values.memoryMiB !== '' && { memoryMiB: values.memoryMiB }),
    ...(values.cpus !== '' && { cpus: values.cpus }),
    ...(values.runtime !== '' && { runtime: values.runtime }),
    ...(ports.length > 0 && { ports }),
    ...(volumes.length > 0 && { volumes }),
    ...(binds.length > 0 && { binds }),
    ...(envRows.length > 0 && { env }),
  };
}

/** A problem only the form can see; same shape as main's, so both show the same way. */
function problem(field: string, key: string, message: string, params: ErrorParams = {}): SpecProblem {
  return { field, key, params, message };
}

/**
 * What the spec cannot carry: half-filled rows and duplicate variable names. Fields use the
 * wizard's row index, which is also the spec's index when no row above was dropped — the form
 * maps problems by its own rows (see `problemFieldOfRow`), so this always lines up with the inputs.
 */
export function formProblems(values: ContainerWizardValues): SpecProblem[] {
  const problems: SpecProblem[] = [];
  values.ports.forEach((port, index) => {
    if (!isEmptyPort(port) && port.container === '') {
      problems.push(
        problem(
          `form.ports.${index}.container`,
          'wizard.problem.containerPortRequired',
          'Enter the port inside the container.',
        ),
      );
    }
  });
  values.volumes.forEach((volume, index) => {
    if (!isEmptyVolume(volume) && volume.target.trim() === '') {
      problems.push(
        problem(
          `form.volumes.${index}.target`,
          'wizard.problem.targetRequired',
          'Enter the path inside the container, such as /data.',
        ),
      );
    }
  });
  values.binds.forEach((bind, index) => {
    if (isEmptyBind(bind)) return;
    if (bind.source.trim() === '') {
      problems.push(
        problem(
          `form.binds.${index}.source`,
          'wizard.problem.sourceRequired',
          'Enter the folder or file on this computer, such as /home/me/shared.',
        ),
      );
    }
    if (bind.target.trim() === '') {
      problems.push(
        problem(
          `form.binds.${index}.target`,
          'wizard.problem.targetRequired',
          'Enter the path inside the container, such as /data.',
        ),
      );
    }
  });
  const seen = new Set<string>();
  values.env.forEach((env, index) => {
    if (isEmptyEnv(env)) return;
    const name = env.name.trim();
    if (name === '') {
      problems.push(
        problem(
          `form.env.${index}.name`,
          'wizard.problem.envNameRequired',
          'Enter a name for the variable, such as APP_MODE.',
        ),
      );
    } else if (seen.has(name)) {
      problems.push(
        problem(
          `form.env.${index}.name`,
          'wizard.problem.envNameDuplicate',
          `The variable ${name} is listed twice. Keep one.`,
          { name },
        ),
      );
    }
    seen.add(name);
  });
  return problems;
}

export type WizardStep = 'template' | 'resources' | 'network' | 'review';
export const wizardSteps: readonly WizardStep[] = ['template', 'resources', 'network', 'review'];

/** The step whose form shows a field ("ports.0.host" → network). */
export function stepOfField(field: string): WizardStep {
  const head = (field.startsWith('form.') ? field.slice(5) : field).split('.')[0] ?? '';
  if (head === 'image' || head === 'templateId' || head === 'command' || head === 'shell') return 'template';
  if (head === 'name' || head === 'memoryMiB' || head === 'cpus' || head === 'runtime' || head === 'restart')
    return 'resources';
  if (head === 'ports' || head === 'volumes' || head === 'binds' || head === 'env') return 'network';
  return 'review';
}

/** Problems that keep the user on `step`: those of its fields and of every step before it. */
export function problemsUpTo(problems: readonly SpecProblem[], step: WizardStep): SpecProblem[] {
  const last = wizardSteps.indexOf(step);
  return problems.filter((entry) => wizardSteps.indexOf(stepOfField(entry.field)) <= last);
}

/**
 * Main reports a row by its index in the spec, which skips dropped rows; this turns such a field
 * into the wizard's own row field, e.g. spec "ports.1.host" → "ports.2.host" when the form's
 * second row was empty. Env problems name the variable ("env.MY VAR") and map to its row.
 */
export function formFieldOf(field: string, values: ContainerWizardValues): string {
  if (field.startsWith('form.')) return field.slice(5);
  const [head, second, ...rest] = field.split('.');
  if (head === 'env' && second !== undefined) {
    const name = [second, ...rest].join('.');
    const index = values.env.findIndex((row) => row.name.trim() === name);
    return index >= 0 ? `env.${index}.name` : 'env';
  }
  if (
    (head === 'ports' || head === 'volumes' || head === 'binds') &&
    second !== undefined &&
    /^\d+$/.test(second)
  ) {
    const kept = keptRowIndexes(values, head);
    const formIndex = kept[Number(second)];
    return formIndex === undefined ? head : [head, String(formIndex), ...rest].join('.');
  }
  return field;
}

/** Indexes of the form's rows that made it into the spec, in order. */
function keptRowIndexes(values: ContainerWizardValues, list: 'ports' | 'volumes' | 'binds'): number[] {
  const keep = {
    ports: (index: number) => values.ports[index]?.container !== '',
    volumes: (index: number) => (values.volumes[index]?.target.trim() ?? '') !== '',
    binds: (index: number) =>
      (values.binds[index]?.source.trim() ?? '') !== '' && (values.binds[index]?.target.trim() ?? '') !== '',
  }[list];
  return values[list].map((_row, index) => index).filter(keep);
}
