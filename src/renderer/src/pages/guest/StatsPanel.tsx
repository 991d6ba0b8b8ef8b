import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContainerStatsSample } from '@shared/containers';
import { useContainerStatsHistory } from '../../data/guests';
import { CpuCard, MemoryCard, StatCard, StatsFrame, useStatsFormat } from './stats-parts';
import { formatNumber } from '../../lib/format/number';

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

function StatsView({ history, latest }: { history: ContainerStatsSample[]; latest: ContainerStatsSample }) {
  const { t } = useTranslation();
  const { language, bytes, percent } = useStatsFormat();
  const memory = history.map((sample) => sample.memoryBytes);
  const memoryShare = latest.memoryLimitBytes > 0 ? (latest.memoryBytes / latest.memoryLimitBytes) * 100 : 0;
  const memoryPeak = Math.max(...memory);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CpuCard
          title={t('stats.cpu')}
          value={percent(latest.cpuPercent)}
          detail={t('stats.cpuHint')}
          values={history.map((sample) => sample.cpuPercent)}
        />
        <MemoryCard
          title={t('stats.memory')}
          value={t('stats.memoryValue', {
            used: bytes(latest.memoryBytes),
            limit: bytes(latest.memoryLimitBytes),
          })}
          detail={t('stats.memoryShare', { share: percent(memoryShare) })}
          share={memoryShare}
          barColor={memoryShare > 90 ? 'red' : memoryShare > 70 ? 'yellow' : 'teal'}
          barLabel={t('stats.memoryBar')}
          values={memory}
          // Scaled to the minute's peak, so small changes show; the bar above shows the limit.
          max={memoryPeak * 1.25}
          chartColor="var(--mantine-color-teal-6)"
          chartLabel={t('stats.memoryChart', {
            latest: bytes(latest.memoryBytes),
            peak: bytes(memoryPeak),
            limit: bytes(latest.memoryLimitBytes),
          })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          title={t('stats.pids')}
          value={formatNumber(latest.pids, language)}
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
  return (
    <StatsFrame
      running={running}
      stats={stats}
      notRunningTitle={t('stats.notRunningTitle')}
      notRunning={t('stats.notRunning')}
    >
      {(history, latest) => <StatsView history={history} latest={latest} />}
    </StatsFrame>
  );
}
