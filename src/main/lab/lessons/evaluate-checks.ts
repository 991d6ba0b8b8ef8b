import type { ConsoleRunResult, GuestMeasurement } from '@shared/compare';
import type { TwinRole } from '@shared/twin-roles';
import type {
  CheckReason,
  CheckResult,
  CompareCheck,
  CompareOperand,
  CompareOperator,
  LessonCheck,
  LessonStep,
  LessonTarget,
  MeasureField,
  ProbeCheck,
  StepState,
  TwinFacts,
} from '@shared/lessons';
import { checkRoles, stepChecks } from '@shared/lessons';
import { plainText } from '../consoles/run/terminal-text';

/**
 * Lesson checks as pure functions: the runner runs probes through console.probe and reads
 * compare.measure, then asks these whether each check passed, and why in one sentence.
 */

/** Why a check does not apply to this twin, or undefined when it does. */
export function skipReason(step: LessonStep, check: LessonCheck, facts: TwinFacts): CheckReason | undefined {
  const missingFeature = step.requires.find((feature) => !facts.features.includes(feature));
  if (missingFeature)
    return reason(
      'lessons.check.skippedFeature',
      `This step needs ${missingFeature}, which this twin does not have.`,
      {
        feature: missingFeature,
      },
    );
  const roles = checkRoles(check);
  const present = roles.filter((role) => facts.roles.includes(role));
  const enough = check.type === 'check' && check.outputs ? present.length + hostCount(check) >= 2 : true;
  const missingRole = roles.find((role) => !facts.roles.includes(role));
  if (missingRole && (check.type === 'compare' || present.length + hostCount(check) === 0 || !enough))
    return reason('lessons.check.skippedRole', `This twin has no ${missingRole}.`, { role: missingRole });
  return undefined;
}

/** The targets a probe is typed into on this twin: its roles that exist, and the host. */
export function probeTargets(check: ProbeCheck, facts: TwinFacts): LessonTarget[] {
  return check.targets.filter((target) => target === 'host' || facts.roles.includes(target));
}

/** `runs` holds the console.probe result of each target from probeTargets. */
export function evaluateProbe(
  check: ProbeCheck,
  facts: TwinFacts,
  runs: Partial<Record<LessonTarget, ConsoleRunResult>>,
): CheckResult {
  const fail = (why: CheckReason): CheckResult => ({ checkId: check.id, status: 'fail', reason: why });
  const outputs: Array<{ target: LessonTarget; output: string }> = [];
  for (const target of probeTargets(check, facts)) {
    const run = runs[target];
    if (!run)
      return fail(
        reason('lessons.check.notRun', `"${check.command}" was not run in the ${target}.`, { target }),
      );
    if (!run.ok)
      return fail(
        reason(
          'lessons.check.runFailed',
          `"${check.command}" did not finish in the ${target}: ${run.error.message}`,
          {
            target,
            error: run.error.message,
          },
        ),
      );
    outputs.push({ target, output: cleanOutput(run.output) });
  }
  if (check.expect !== undefined) {
    const pattern = new RegExp(check.expect, 'm');
    const miss = outputs.find(({ output }) => !pattern.test(output));
    if (miss)
      return fail(
        reason(
          'lessons.check.noMatch',
          `The ${miss.target} printed "${excerpt(miss.output)}", which does not match ${check.expect}.`,
          { target: miss.target, output: excerpt(miss.output), expect: check.expect },
        ),
      );
  }
  const shown = outputs.map(({ target, output }) => ({ target, output: excerpt(output) }));
  const printed = shown.map(({ target, output }) => `${target}: "${output}"`).join(', ');
  const withOutputs = (key: string, message: string): CheckReason => ({
    ...reason(key, message, { outputs: printed }),
    outputs: shown,
  });
  if (check.outputs === 'same' && new Set(outputs.map(({ output }) => output)).size > 1)
    return fail(withOutputs('lessons.check.notSame', `Expected the same output, but got ${printed}.`));
  if (check.outputs === 'different' && new Set(outputs.map(({ output }) => output)).size < outputs.length)
    return fail(withOutputs('lessons.check.notDifferent', `Expected different outputs, but got ${printed}.`));
  return {
    checkId: check.id,
    status: 'pass',
    reason: withOutputs('lessons.check.passed', `Printed ${printed}.`),
  };
}

/** `measurements` holds compare.measure's answer for each role of the twin. */
export function evaluateCompare(
  check: CompareCheck,
  measurements: Partial<Record<TwinRole, GuestMeasurement>>,
): CheckResult {
  // A constant is shown in the unit of the measured value it is compared with.
  const field =
    'field' in check.left ? check.left.field : 'field' in check.right ? check.right.field : undefined;
  const left = operandValue(check.left, measurements, field);
  const right = operandValue(check.right, measurements, field);
  const missing = [left, right].find((side) => side.value === undefined)?.label;
  if (missing !== undefined)
    return {
      checkId: check.id,
      status: 'fail',
      reason: reason(
        'lessons.check.notMeasured',
        `${missing} cannot be measured now; is the guest running?`,
        {
          value: missing,
        },
      ),
    };
  const holds = compare(left.value ?? 0, check.operator, right.value ?? 0);
  const sentence = `${left.label} ${check.operator} ${right.label}`;
  return {
    checkId: check.id,
    status: holds ? 'pass' : 'fail',
    reason: holds
      ? reason('lessons.check.holds', `${sentence} holds.`, { comparison: sentence })
      : reason('lessons.check.doesNotHold', `${sentence} does not hold.`, { comparison: sentence }),
  };
}

/** A step is done when every check that applies passed; a step with no checks is done once seen. */
export function stepState(step: LessonStep, results: CheckResult[]): StepState {
  const byId = new Map(results.map((result) => [result.checkId, result]));
  const states = stepChecks(step).map((check) => byId.get(check.id)?.status);
  if (states.includes('fail')) return 'failed';
  if (states.includes(undefined)) return 'pending';
  if (states.length > 0 && states.every((status) => status === 'skipped')) return 'skipped';
  return 'done';
}

/** The operand's value (undefined when not measured) and how it reads in a sentence. */
function operandValue(
  operand: CompareOperand,
  measurements: Partial<Record<TwinRole, GuestMeasurement>>,
  unitField: MeasureField | undefined,
): { value: number | undefined; label: string } {
  if (!('role' in operand)) return { value: operand.value, label: formatValue(operand.value, unitField) };
  const name = `${operand.role}.${operand.field}`;
  const measured = read(measurements[operand.role], operand.field);
  if (measured === undefined) return { value: undefined, label: name };
  const value = operand.factor * measured;
  if (operand.factor === 1) return { value, label: `${name} (${formatValue(value, operand.field)})` };
  const scaled = `${formatValue(operand.factor)} × ${name} (${formatValue(measured, operand.field)})`;
  return { value, label: `${scaled} = ${formatValue(value, operand.field)}` };
}

function read(measurement: GuestMeasurement | undefined, field: MeasureField): number | undefined {
  if (!measurement) return undefined;
  switch (field) {
    case 'disk.sharedBytes':
      return measurement.disk?.sharedBytes;
    case 'disk.ownBytes':
      return measurement.disk?.ownBytes;
    case 'hostProcesses.count':
      return measurement.hostProcesses?.count;
    default:
      return measurement[field];
  }
}

function compare(left: number, operator: CompareOperator, right: number): boolean {
  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}

function hostCount(check: LessonCheck): number {
  return check.type === 'check' && check.targets.includes('host') ? 1 : 0;
}

/** console.probe answers plain text already; a result from elsewhere may still carry escapes. */
function cleanOutput(output: string): string {
  return plainText(output).trim();
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}…` : oneLine;
}

function formatValue(value: number, field?: MeasureField): string {
  const plain = Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (field === 'readyMs') return `${plain} ms`;
  if (!field?.endsWith('Bytes')) return plain;
  if (Math.abs(value) >= 1024 ** 3) return `${(value / 1024 ** 3).toFixed(2)} GiB`;
  if (Math.abs(value) >= 1024 ** 2) return `${(value / 1024 ** 2).toFixed(1)} MiB`;
  return `${(value / 1024).toFixed(0)} KiB`;
}

function reason(key: string, message: string, params?: CheckReason['params']): CheckReason {
  return { key, message, ...(params && { params }) };
}
