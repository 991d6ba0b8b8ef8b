import type { OperationStep } from '@shared/operations';
import { CreateStepList, type CreateStepsProps } from '../CreateSteps';
import { DownloadBar } from '../vm/VmCreateProgress';

export const systemCreateSteps: readonly OperationStep[] = [
  'validating',
  'downloading',
  'creating',
  'starting',
  'done',
];
/** Only an image from a simplestreams server not yet in LXD's store is downloaded (once). */
const optionalSystemSteps = new Set<OperationStep>(['downloading']);

/** The system container's create as it goes: check, download the image once, create from it, start its init. */
export function SystemCreateProgress(props: CreateStepsProps) {
  const download = props.progress?.step === 'downloading' ? props.progress.download : undefined;
  return (
    <CreateStepList
      {...props}
      steps={systemCreateSteps}
      optionalSteps={optionalSystemSteps}
      stepKeyPrefix="systemWizard.create.step"
      skippedKey="vmWizard.create.skipped"
      detail={(step) => step === 'downloading' && download && <DownloadBar download={download} />}
    />
  );
}
