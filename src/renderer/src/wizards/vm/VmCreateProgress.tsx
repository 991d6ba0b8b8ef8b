import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OperationStep } from '@shared/operations';
import type { TransferProgress } from '@shared/vms';
import { formatBytes } from '../../lib/format/bytes';
import { formatSeconds } from '../../lib/format/time';
import { CreateStepList, type CreateStepsProps } from '../CreateSteps';

export const vmCreateSteps: readonly OperationStep[] = [
  'validating',
  'downloading',
  'downloading-kernel',
  'pulling',
  'packing-rootfs',
  'preparing-disk',
  'writing-seed',
  'defining',
  'starting',
  'booting',
  'done',
];

/**
 * Steps a VM may not need: a direct-kernel VM downloads nothing and has no disk or seed; only a
 * same-userland VM fetches a kernel and packs a container image.
 */
export const optionalVmSteps = new Set<OperationStep>([
  'downloading',
  'downloading-kernel',
  'pulling',
  'packing-rootfs',
  'preparing-disk',
  'writing-seed',
]);

/** A download's bar and numbers (also a system container's image download). */
export function DownloadBar({ download }: { download: TransferProgress }) {
  const { t, i18n } = useTranslation();
  const percent =
    download.totalBytes && download.totalBytes > 0
      ? Math.min(100, (download.receivedBytes / download.totalBytes) * 100)
      : undefined;
  return (
    <Stack gap={4} maw={520} data-testid="download-progress">
      <Progress
        value={percent ?? 100}
        animated
        striped={percent === undefined}
        aria-label={t('vmWizard.create.downloadProgress')}
        aria-valuetext={percent === undefined ? undefined : `${Math.round(percent)}%`}
      />
      <Text size="xs" c="dimmed">
        {[
          percent === undefined ? undefined : `${Math.round(percent)}%`,
          download.totalBytes
            ? t('wizard.create.bytes', {
                done: formatBytes(download.receivedBytes, i18n.language),
                total: formatBytes(download.totalBytes, i18n.language),
              })
            : formatBytes(download.receivedBytes, i18n.language),
          download.bytesPerSecond > 0
            ? `${formatBytes(download.bytesPerSecond, i18n.language)}/s`
            : undefined,
          download.etaSeconds !== undefined
            ? t('wizard.create.eta', { time: formatSeconds(download.etaSeconds, i18n.language) })
            : undefined,
          download.resumedFromBytes > 0
            ? t('vmWizard.create.resumed', { size: formatBytes(download.resumedFromBytes, i18n.language) })
            : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

/** The VM's create operation as it goes: each step, the download's bar, and a Cancel button. */
export function VmCreateProgress(props: CreateStepsProps) {
  const download = props.progress?.step === 'downloading' ? props.progress.download : undefined;
  return (
    <CreateStepList
      {...props}
      steps={vmCreateSteps}
      optionalSteps={optionalVmSteps}
      stepKeyPrefix="vmWizard.create.step"
      skippedKey="vmWizard.create.skipped"
      detail={(step) =>
        (step === 'downloading' || step === 'downloading-kernel') &&
        download && <DownloadBar download={download} />
      }
    />
  );
}
