import { Alert, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { Sparkline } from '../../components/Sparkline';
import { statsHistoryLength } from '../../data/stats-history';
import { formatBytes } from '../../lib/format/bytes';
import { formatPercent } from '../../lib/format/number';

/** Bytes and percentages in the UI language, for the Stats tabs. */
export function useStatsFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    bytes: (value: number) => formatBytes(value, language),
    percent: (value: number) => formatPercent(value, language),
  };
}

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

/** The CPU card: the latest share and the last minute as a chart, scaled to at least 100 %. */
export function CpuCard({
  title,
  value,
  detail,
  values,
}: {
  title: string;
  value: ReactNode;
  detail: ReactNode;
  values: number[];
}) {
  const { t } = useTranslation();
  const { percent } = useStatsFormat();
  const peak = Math.max(...values);
  return (
    <StatCard title={title} value={value} detail={detail} testId="stats-cpu">
      <Sparkline
        values={values}
        // Scale to at least 100 % so a busy minute stands out against a calm one.
        max={Math.max(100, peak)}
        capacity={statsHistoryLength}
        color="var(--mantine-color-blue-6)"
        label={t('stats.cpuChart', { latest: percent(values.at(-1) ?? 0), peak: percent(peak) })}
      />
    </StatCard>
  );
}

interface MemoryCardProps {
  title: string;
  /** The card's number, also the bar's text alternative. */
  value: string;
  detail: ReactNode;
  /** How full the bar is, in percent. */
  share: number;
  barColor: string;
  barLabel: string;
  values: number[];
  max: number;
  chartColor: string;
  chartLabel: string;
}

/** The memory card: the latest use, a bar against its bound and the last minute as a chart. */
export function MemoryCard({
  title,
  value,
  detail,
  share,
  barColor,
  barLabel,
  values,
  max,
  chartColor,
  chartLabel,
}: MemoryCardProps) {
  return (
    <StatCard title={title} value={value} detail={detail} testId="stats-memory">
      <Progress
        value={Math.min(share, 100)}
        color={barColor}
        size="md"
        aria-label={barLabel}
        aria-valuetext={value}
      />
      <Sparkline
        values={values}
        max={max}
        capacity={statsHistoryLength}
        color={chartColor}
        label={chartLabel}
      />
    </StatCard>
  );
}

interface StatsFrameProps<Sample> {
  running: boolean;
  stats: UseQueryResult<Sample[]>;
  notRunningTitle: string;
  notRunning: string;
  /** The cards, once there is a first sample. */
  children: (history: Sample[], latest: Sample) => ReactNode;
}

/**
 * What every Stats tab shares: a notice while the guest is not running, an error with a retry,
 * the length of the window, and a loading state until the first sample arrives.
 */
export function StatsFrame<Sample>({
  running,
  stats,
  notRunningTitle,
  notRunning,
  children,
}: StatsFrameProps<Sample>) {
  const { t } = useTranslation();
  if (!running) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title={notRunningTitle}>
        {notRunning}
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
  const history = stats.data ?? [];
  const latest = history.at(-1);
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Text size="xs" c="dimmed">
          {t('stats.window', { seconds: statsHistoryLength })}
        </Text>
      </Group>
      {latest === undefined ? <LoadingState label={t('stats.loading')} /> : children(history, latest)}
    </Stack>
  );
}
