import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DensityProgress } from '@shared/density';
import { formatBytes } from '../../lib/format/bytes';
import type { KindPoints } from './chart-data';
import { DensityChart } from './DensityChart';
import { kindLabel, type Translate } from './density-text';

/** What the run is doing now, in one sentence. */
function statusLine(
  progress: DensityProgress | undefined,
  cancelling: boolean,
  t: Translate,
  language: string,
): string {
  if (cancelling) return t('density.progress.cancelling');
  if (!progress) return t('density.progress.starting');
  if (progress.phase === 'cleaning') return t('density.progress.cleaning');
  if (progress.phase === 'done') return t('density.progress.done');
  if (!progress.kind) return t('density.progress.starting');
  const kind = kindLabel(progress.kind, t);
  return progress.point
    ? t('density.progress.measured', {
        kind,
        count: progress.point.guests,
        memory: formatBytes(progress.point.hostUsedBytes, language),
      })
    : t('density.progress.startingKind', { kind });
}

/** The run under way: a live status line (announced politely), Cancel, and the chart growing point by point. */
export function DensityProgressView({
  progress,
  live,
  cancelling,
  budgetBytes,
  onCancel,
}: {
  progress: DensityProgress | undefined;
  live: readonly KindPoints[];
  cancelling: boolean;
  budgetBytes: number | undefined;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" data-testid="density-progress">
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <Loader size="sm" aria-hidden />
            <Text size="sm" role="status" aria-live="polite" data-testid="density-status">
              {statusLine(progress, cancelling, t, i18n.language)}
            </Text>
          </Group>
          <Button
            color="red"
            variant="light"
            leftSection={<IconPlayerStop size={16} aria-hidden />}
            onClick={onCancel}
            loading={cancelling}
            style={{ flex: 'none' }}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Paper>
      <DensityChart kinds={live} {...(budgetBytes !== undefined && { budgetBytes })} />
    </Stack>
  );
}
