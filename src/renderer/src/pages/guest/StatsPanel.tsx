import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerStatsSample } from '../../../../shared/containers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { Sparkline } from '../../components/Sparkline';
import { statsHistoryLength, useContainerStatsHistory } from '../../data/guests';
import { formatBytes, formatPercent } from '../../status/format-bytes';

interface StatCardProps {
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  children?: ReactNode;
  testId: string;
}

export function StatCard({ title, value, detail, children, testId }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} component="section" aria-label={title}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
          {title}
        </Text>
        <Text component="div" fz={22} fw={650} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {detail}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** Two labelled numbers side by side (received and sent, read and written). */
function Pair({ first, second }: { first: [string, string]; second: [string, string] }) {
  return (
    <Group gap="lg" wrap="wrap">
      {[first, second].map(([label, value]) => (
        <Text key={label} span fz={22} fw={650} lh={1.2}>
          <Text span size="xs" c="dimmed" fw={500} mr={6}>
            {label}
          </Text>
          {value}
        </Text>
      ))}
    </Group>
  );
}

function StatsView({ history }: { history: ContainerStatsSample[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const latest = history.at(-1);
  if (!latest) return <LoadingState label={t('stats.loading')} />;
  const bytes = (value: number) => formatBytes(value, language);
  const percent = (value: number) => formatPercent(value, language);
  const cpu = history.map((sample) => sample.cpuPercent);
  const memory = history.map((sample) => sample.memoryBytes);
  const memoryShare = latest.memoryLimitBytes > 0 ? (latest.memoryBytes / latest.memoryLimitBytes) * 100 : 0;
  const cpuPeak = Math.max(...cpu);
  const memoryPeak = Math.max(...memory);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <StatCard
          title={t('stats.cpu')}
          value={percent(latest.cpuPercent)}
          detail={t('stats.cpuHint')}
          testId="stats-cpu"
        >
          <Sparkline
            values={cpu}
            // Scale to at least 100 % so a busy minute stands out against a calm one.
            max={Math.max(100, cpuPeak)}
            capacity={statsHistoryLength}
            color="var(--mantine-color-blue-6)"
            label={t('stats.cpuChart', { latest: percent(latest.cpuPercent), peak: percent(cpuPeak) })}
          />
        </StatCard>
        <StatCard
          title={t('stats.memory')}
          value={t('stats.memoryValue', {
            used: bytes(latest.memoryBytes),
            limit: bytes(latest.memoryLimitBytes),
          })}
          detail={t('stats.memoryShare', { share: percent(memoryShare) })}
          testId="stats-memory"
        >
          <Progress
            value={Math.min(memoryShare, 100)}
            color={memoryShare > 90 ? 'red' : memoryShare > 70 ? 'yellow' : 'teal'}
            size="md"
            aria-label={t('stats.memoryBar')}
            aria-valuetext={t('stats.memoryValue', {
              used: bytes(latest.memoryBytes),
              limit: bytes(latest.memoryLimitBytes),
            })}
          />
          <Sparkline
            values={memory}
            // Scaled to the minute's peak, so small changes show; the bar above shows the limit.
            max={memoryPeak * 1.25}
            capacity={statsHistoryLength}
            color="var(--mantine-color-teal-6)"
            label={t('stats.memoryChart', {
              latest: bytes(latest.memoryBytes),
              peak: bytes(memoryPeak),
              limit: bytes(latest.memoryLimitBytes),
            })}
          />
        </StatCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          title={t('stats.pids')}
          value={latest.pids.toLocaleString(language)}
          detail={t('stats.pidsHint')}
          testId="stats-pids"
        />
        <StatCard
          title={t('stats.network')}
          value={
            <Pair
              first={[t('stats.received'), bytes(latest.netRx)]}
              second={[t('stats.sent'), bytes(latest.netTx)]}
            />
          }
          detail={t('stats.networkHint')}
          testId="stats-network"
        />
        <StatCard
          title={t('stats.block')}
          value={
            <Pair
              first={[t('stats.read'), bytes(latest.blockRead)]}
              second={[t('stats.written'), bytes(latest.blockWrite)]}
            />
          }
          detail={t('stats.blockHint')}
          testId="stats-block"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Live numbers of a running container, one sample a second, with the last minute as charts. */
export function StatsPanel({ id, running }: { id: string; running: boolean }) {
  const { t } = useTranslation();
  const stats = useContainerStatsHistory(id, running);
  if (!running) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconInfoCircle aria-hidden />}
        title={t('stats.notRunningTitle')}
      >
        {t('stats.notRunning')}
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
      <StatsView history={stats.data ?? []} />
    </Stack>
  );
}
