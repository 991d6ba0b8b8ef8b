import { Button, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress, OperationStep } from '../../../../shared/operations';
import type { TransferProgress } from '../../../../shared/vms';
import { formatBytes } from '../../status/format-bytes';
import { formatSeconds } from '../../status/format-time';

export const vmCreateSteps: readonly OperationStep[] = [
  'validating',
  'downloading',
  'preparing-disk',
  'writing-seed',
  'defining',
  'starting',
  'booting',
  'done',
];

/** Steps a VM may not need: a direct-kernel VM downloads nothing and has no disk or seed. */
const optionalSteps = new Set<OperationStep>(['downloading', 'preparing-disk', 'writing-seed']);

interface VmCreateProgressProps {
  name: string;
  progress: OperationProgress | undefined;
  cancelling: boolean;
  onCancel: () => void;
}

type StepState = 'done' | 'current' | 'skipped' | 'waiting';

function StepIcon({ state }: { state: StepState }) {
  if (state === 'current') return <Loader size={18} aria-hidden />;
  return (
    <ThemeIcon
      size={20}
      radius="xl"
      variant={state === 'waiting' ? 'default' : 'light'}
      color={state === 'done' ? 'teal' : 'gray'}
      aria-hidden
    >
      {state === 'done' ? (
        <IconCheck size={13} />
      ) : state === 'skipped' ? (
        <IconPlayerSkipForward size={12} />
      ) : null}
    </ThemeIcon>
  );
}

function DownloadBar({ download }: { download: TransferProgress }) {
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
export function VmCreateProgress({ name, progress, cancelling, onCancel }: VmCreateProgressProps) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<ReadonlySet<OperationStep>>(new Set());
  const step = progress?.step ?? 'validating';
  if (!seen.has(step)) setSeen(new Set([...seen, step]));
  const current = vmCreateSteps.indexOf(step);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="create-progress" data-step={step}>
      <Stack gap="md">
        <Text fw={650} role="status">
          {t('wizard.create.title', { name })}
        </Text>
        <Stack gap={10} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {vmCreateSteps.map((name, index) => {
            const skipped = optionalSteps.has(name) && index < current && !seen.has(name);
            const state: StepState = skipped
              ? 'skipped'
              : index < current || (name === 'done' && current === index)
                ? 'done'
                : index === current
                  ? 'current'
                  : 'waiting';
            return (
              <li key={name} aria-current={state === 'current' ? 'step' : undefined}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <StepIcon state={state} />
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text
                      size="sm"
                      fw={state === 'current' ? 650 : 400}
                      c={state === 'waiting' ? 'dimmed' : undefined}
                    >
                      {t(`vmWizard.create.step.${name}`)}
                      {skipped && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t('vmWizard.create.skipped')}
                        </Text>
                      )}
                    </Text>
                    {name === 'downloading' && step === 'downloading' && progress?.download && (
                      <DownloadBar download={progress.download} />
                    )}
                  </Stack>
                </Group>
              </li>
            );
          })}
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={onCancel}
            loading={cancelling}
            disabled={step === 'done'}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
