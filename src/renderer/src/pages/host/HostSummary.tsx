import { Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBolt, IconCpu } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HostReport } from '@shared/host';
import { formatDuration, formatTime } from '../../lib/format/time';
import { checkStatusLook, statusOrder } from './check-status';

/** The one answer most users came for (KVM or not), then the tally and when it was measured. */
export function HostSummary({ report }: { report: HostReport }) {
  const { t, i18n } = useTranslation();
  const kvm = report.accelerator === 'kvm';
  const counts = statusOrder
    .map((status) => ({ status, count: report.checks.filter((check) => check.status === status).length }))
    .filter((entry) => entry.count > 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid="host-summary" data-accelerator={report.accelerator}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={42} radius="md" variant="light" color={kvm ? 'green' : 'yellow'} aria-hidden>
            {kvm ? <IconBolt size={24} stroke={1.7} /> : <IconCpu size={24} stroke={1.7} />}
          </ThemeIcon>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('hostPage.accelerator.label')}
            </Text>
            <Text fw={650} size="lg" data-testid="host-accelerator">
              {t(kvm ? 'hostPage.accelerator.kvm' : 'hostPage.accelerator.tcg')}
            </Text>
          </Stack>
        </Group>
        <Stack gap={6} align="flex-end">
          <Group gap={6} justify="flex-end">
            {counts.map(({ status, count }) => (
              <Badge key={status} color={checkStatusLook[status].color} variant="light" size="md" tt="none">
                {t(`hostPage.counts.${status}`, { count })}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" data-testid="host-checked-at" data-checked-at={report.checkedAt}>
            {t('hostPage.checkedAt', {
              time: formatTime(report.checkedAt, i18n.language),
              duration: formatDuration(report.durationMs, i18n.language, t),
            })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
