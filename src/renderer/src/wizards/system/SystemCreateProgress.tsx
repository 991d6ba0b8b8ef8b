import type { OperationStep } from '@shared/operations';
import { CreateStepList, type CreateStepsProps } from '../CreateSteps';

export const systemCreateSteps: readonly OperationStep[] = ['validating', 'creating', 'starting', 'done'];

/** The system container's create as it goes: check, create from the image, start its init. */
export function SystemCreateProgress(props: CreateStepsProps) {
  return (
    <CreateStepList
      {...props}
      steps={systemCreateSteps}
      optionalSteps={new Set()}
      stepKeyPrefix="systemWizard.create.step"
      skippedKey="vmWizard.create.skipped"
      detail={() => null}
    />
  );
}
