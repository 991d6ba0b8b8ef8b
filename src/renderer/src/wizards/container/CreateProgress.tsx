import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PullProgress } from '@shared/containers';
import type { OperationStep } from '@shared/operations';
import { formatBytes } from '../../lib/format/bytes';
import { formatSeconds } from '../../lib/format/time';
import { CreateStepList, type CreateStepsProps } from '../CreateSteps';

const steps: readonly OperationStep[] = ['validating', 'pulling', 'creating', 'starting', 'done'];

/** A cached image is not pulled: the pull step then shows as skipped. */
const optionalSteps = new Set<OperationStep>(['pulling']);

function PullBar({ pull }: { pull: PullProgress }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} maw={520}>
      <Progress
        value={pull.percent}
        animated
        aria-label={t('wizard.create.pullProgress')}
        aria-valuetext={`${Math.round(pull.percent)}%`}
      />
      <Text size="xs" c="dimmed">
        {[
          `${Math.round(pull.percent)}%`,
          pull.bytesTotal > 0
            ? t('wizard.create.bytes', {
                done: formatBytes(pull.bytesDone, i18n.language),
                total: formatBytes(pull.bytesTotal, i18n.language),
              })
            : undefined,
          pull.bytesPerSecond ? `${formatBytes(pull.bytesPerSecond, i18n.language)}/s` : undefined,
          pull.etaSeconds !== undefined
            ? t('wizard.create.eta', {
                time: formatSeconds(pull.etaSeconds, i18n.language),
              })
            : undefined,
          t('wizard.create.layers', { done: pull.layersDone, total: pull.layersTotal }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** The create operation as it goes: each step, the pull's bar and time left, and a Cancel button. */
export function CreateProgress(props: CreateStepsProps) {
  const pull = props.progress?.step === 'pulling' ? props.progress.pull : undefined;
  return (
    <CreateStepList
      {...props}
      steps={steps}
      optionalSteps={optionalSteps}
      stepKeyPrefix="wizard.create.step"
      skippedKey="wizard.create.pullSkipped"
      detail={(step) => step === 'pulling' && pull && <PullBar pull={pull} />}
    />
  );
}
