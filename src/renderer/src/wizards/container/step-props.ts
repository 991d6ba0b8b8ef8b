import type { ContainerWizardValues } from './container-values';

/** What every form step gets from the wizard. */
export interface StepFormProps {
  values: ContainerWizardValues;
  /**
   * Changes the values; `field` is the form field being edited (e.g. "ports.0.host"), whose
   * problems are then dropped until the next check.
   */
  change: (field: string, update: (values: ContainerWizardValues) => ContainerWizardValues) => void;
  /** The translated problems of one form field, joined, or undefined. */
  errorFor: (field: string) => string | undefined;
}
