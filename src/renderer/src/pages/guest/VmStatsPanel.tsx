import { Alert, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VmStats } from '../../../../shared/vms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { Sparkline } from '../../components/Sparkline';
import { statsHistoryLength } from '../../data/guests';
import { useVmStatsHistory } from '../../data/vms';
import { formatBytes, formatPercent } from '../../status/format-bytes';
import { StatCard } from './StatsPanel';

function VmStatsView({ history }: { history: VmStats[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const latest = history.at(-1);
  if (!latest) return <LoadingState label={t('stats.loading')} />;
  const bytes = (value: number) => formatBytes(value, language);
  const percent = (value: number) => formatPercent(value, language);
  const cpu = history.map((sample) => sample.cpuPercent ?? 0);
  const rss = history.map((sample) => sample.memory.hostRssBytes);
  const assigned = latest.memory.guestAssignedBytes;
  const share = assigned > 0 ? (latest.memory.hostRssBytes / assigned) * 100 : 0;
  const cpuPeak = Math.max(...cpu);
  const rssPeak = Math.max(...rss);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StatCard
          title={t('vmStats.cpu')}
          value={latest.cpuPercent === null ? '—' : percent(latest.cpuPercent)}
          detail={t('vmStats.cpuHint', { count: latest.vcpus })}
          testId="stats-cpu"
        >
          <Sparkline
            values={cpu}
            max={Math.max(100, cpuPeak)}
            capacity={statsHistoryLength}
            color="var(--mantine-color-blue-6)"
            label={t('stats.cpuChart', { latest: percent(cpu.at(-1) ?? 0), peak: percent(cpuPeak) })}
          />
        </StatCard>
        <StatCard
          title={t('vmStats.memory')}
          value={t('vmStats.memoryValue', {
            host: bytes(latest.memory.hostRssBytes),
            guest: bytes(assigned),
          })}
          detail={t('vmStats.memoryHint')}
          testId="stats-memory"
        >
          <Progress
            value={Math.min(share, 100)}
            color="indigo"
            size="md"
            aria-label={t('vmStats.memoryBar')}
            aria-valuetext={t('vmStats.memoryValue', {
              host: bytes(latest.memory.hostRssBytes),
              guest: bytes(assigned),
            })}
          />
          <Sparkline
            values={rss}
            max={Math.max(rssPeak * 1.25, 1)}
            capacity={statsHistoryLength}
            color="var(--mantine-color-indigo-6)"
            label={t('vmStats.memoryChart', {
              latest: bytes(latest.memory.hostRssBytes),
              peak: bytes(rssPeak),
            })}
          />
        </StatCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <StatCard
          title={t('vmStats.guestMemory')}
          value={bytes(assigned)}
          detail={
            latest.memory.guestUsableBytes !== undefined
              ? t('vmStats.guestUsable', { usable: bytes(latest.memory.guestUsableBytes) })
              : t('vmStats.guestMemoryHint')
          }
          testId="stats-guest-memory"
        />
        <StatCard
          title={t('vmStats.disk')}
          value={bytes(latest.disk.hostBytes)}
          detail={
            latest.disk.guestBytes !== undefined
              ? t('vmStats.diskGuest', { size: bytes(latest.disk.guestBytes) })
              : t('vmStats.diskHint')
          }
          testId="stats-disk"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Live numbers of a running VM as the host sees them, one sample a second. */
export function VmStatsPanel({ id, running }: { id: string; running: boolean }) {
  const { t } = useTranslation();
  const stats = useVmStatsHistory(id, running);
  if (!running) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconInfoCircle aria-hidden />}
        title={t('vmStats.notRunningTitle')}
      >
        {t('vmStats.notRunning')}
      </Alert>
    );
  }
  if (stats.isError && !stats.data) {
    return (
      <ErrorAlert
        title={t('stats.loadFailed')}
        error={stats.error}
        onRetry={() => void stats.refetch()}
        retrying={stats.isFetching}
      />
    );
  }
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Text size="xs" c="dimmed">
          {t('stats.window', { seconds: statsHistoryLength })}
        </Text>
      </Group>
      <VmStatsView history={stats.data ?? []} />
    </Stack>
  );
}
