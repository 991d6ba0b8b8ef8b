import {
  DENSITY_MAX_PER_KIND,
  densityKinds,
  type DensityKind,
  type DensityLimits,
  type DensityResult,
  type DensityRunInput,
  type DensityWorkload,
} from '@shared/density';

const MIB = 1024 * 1024;
/** The smallest budget the contract takes (densityRunSchema). */
export const MIN_BUDGET_MIB = 64;
export const MAX_HOLD_MIB = 1024;
/** Enough to draw a line per kind without a long wait for VMs under TCG. */
export const DEFAULT_MAX_PER_KIND = 20;

export type WorkloadChoice = DensityWorkload['kind'];
export const workloadChoices: readonly WorkloadChoice[] = ['idle', 'web', 'hold'];

/** The form as Mantine holds it: number inputs give a string while being typed. */
export interface DensityFormValues {
  templateId: string | null;
  workload: WorkloadChoice;
  holdMiB: number | string;
  budgetMiB: number | string;
  kinds: DensityKind[];
  maxPerKind: number | string;
}

export type DensityFormField = 'templateId' | 'holdMiB' | 'budgetMiB' | 'kinds' | 'maxPerKind';
/** An i18n key per field in error. */
export type DensityFormErrors = Partial<Record<DensityFormField, string>>;

export function budgetBoundsMiB(limits: DensityLimits): { defaultMiB: number; maxMiB: number } {
  const maxMiB = Math.floor(limits.maxBudgetBytes / MIB);
  return { defaultMiB: Math.min(Math.floor(limits.defaultBudgetBytes / MIB), maxMiB), maxMiB };
}

export function availableKinds(limits: DensityLimits): DensityKind[] {
  return densityKinds.filter((kind) => limits.kinds.some((each) => each.kind === kind && each.available));
}

/**
 * The last run's settings when there is one (the page opens on its result, so the form matches it
 * and Start repeats it), kinds that cannot run now left out and the budget capped at today's
 * maximum; else containers and VMs, the seed's comparison, idle, at the default budget.
 */
export function initialFormValues(
  limits: DensityLimits,
  templateId: string | undefined,
  last?: Pick<DensityResult, 'templateId' | 'workload' | 'budgetBytes' | 'kinds' | 'maxPerKind'> | null,
): DensityFormValues {
  const available = availableKinds(limits);
  const { defaultMiB, maxMiB } = budgetBoundsMiB(limits);
  const lastKinds = (last?.kinds ?? []).map((each) => each.kind).filter((kind) => available.includes(kind));
  if (last && lastKinds.length > 0)
    return {
      templateId: last.templateId,
      workload: last.workload.kind,
      holdMiB: last.workload.kind === 'hold' ? last.workload.mib : 64,
      budgetMiB: Math.min(Math.floor(last.budgetBytes / MIB), maxMiB),
      kinds: lastKinds,
      maxPerKind: last.maxPerKind,
    };
  const seedPair = available.filter((kind) => kind === 'container' || kind === 'vm');
  return {
    templateId: templateId ?? null,
    workload: 'idle',
    holdMiB: 64,
    budgetMiB: defaultMiB,
    kinds: seedPair.length > 0 ? seedPair : available,
    maxPerKind: DEFAULT_MAX_PER_KIND,
  };
}

function wholeIn(value: number | string, min: number, max: number): number | undefined {
  const number = typeof value === 'number' ? value : Number(value.trim() === '' ? Number.NaN : value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

export function validateDensityForm(values: DensityFormValues, limits: DensityLimits): DensityFormErrors {
  const errors: DensityFormErrors = {};
  if (!values.templateId) errors.templateId = 'density.form.errors.template';
  if (values.workload === 'hold' && wholeIn(values.holdMiB, 1, MAX_HOLD_MIB) === undefined)
    errors.holdMiB = 'density.form.errors.hold';
  if (wholeIn(values.budgetMiB, MIN_BUDGET_MIB, budgetBoundsMiB(limits).maxMiB) === undefined)
    errors.budgetMiB = 'density.form.errors.budget';
  const available = availableKinds(limits);
  if (!values.kinds.some((kind) => available.includes(kind))) errors.kinds = 'density.form.errors.kinds';
  if (wholeIn(values.maxPerKind, 1, DENSITY_MAX_PER_KIND) === undefined)
    errors.maxPerKind = 'density.form.errors.maxPerKind';
  return errors;
}

/** The run's input, or undefined while the form has errors. Kinds keep the ladder's order. */
export function toDensityRunInput(
  values: DensityFormValues,
  limits: DensityLimits,
  operationId: string,
): DensityRunInput | undefined {
  if (Object.keys(validateDensityForm(values, limits)).length > 0 || !values.templateId) return undefined;
  const available = availableKinds(limits);
  const workload: DensityWorkload =
    values.workload === 'hold' ? { kind: 'hold', mib: Number(values.holdMiB) } : { kind: values.workload };
  return {
    templateId: values.templateId,
    workload,
    budgetMiB: Number(values.budgetMiB),
    kinds: densityKinds.filter((kind) => values.kinds.includes(kind) && available.includes(kind)),
    maxPerKind: Number(values.maxPerKind),
    operationId,
  };
}
