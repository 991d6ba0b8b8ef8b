import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SystemStatsSample } from '@shared/systems';
import { useSystemStatsHistory } from '../../data/systems';
import { cpuPercentBetween } from '../../wizards/system/system-values';
import { CpuCard, MemoryCard, StatCard, StatsFrame, useStatsFormat } from './stats-parts';
import { formatNumber } from '../../lib/format/number';

function SystemStatsView({ history, latest }: { history: SystemStatsSample[]; latest: SystemStatsSample }) {
  const { t } = useTranslation();
  const { language, bytes, percent } = useStatsFormat();
  const cpu = history.map((sample, index) => cpuPercentBetween(history[index - 1], sample));
  const memory = history.map((sample) => sample.memoryBytes);
  const limit = latest.memoryLimitBytes;
  const share = limit ? (latest.memoryBytes / limit) * 100 : 0;
  const peak = Math.max(...memory);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CpuCard
          title={t('systemStats.cpu')}
          value={percent(cpu.at(-1) ?? 0)}
          detail={t('systemStats.cpuHint')}
          values={cpu}
        />
        <MemoryCard
          title={t('systemStats.memory')}
          value={
            limit
              ? t('stats.memoryValue', { used: bytes(latest.memoryBytes), limit: bytes(limit) })
              : bytes(latest.memoryBytes)
          }
          detail={limit ? t('systemStats.memoryShare', { share: percent(share) }) : t('systemStats.noLimit')}
          share={share}
          barColor={share > 90 ? 'red' : share > 70 ? 'yellow' : 'cyan'}
          barLabel={t('systemStats.memoryBar')}
          values={memory}
          max={Math.max(peak * 1.25, 1)}
          chartColor="var(--mantine-color-cyan-6)"
          chartLabel={t('systemStats.memoryChart', { latest: bytes(latest.memoryBytes), peak: bytes(peak) })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <StatCard
          title={t('systemStats.processes')}
          value={formatNumber(latest.processes, language)}
          detail={t('systemStats.processesHint')}
          testId="stats-processes"
        />
        <StatCard
          title={t('systemStats.hostPid')}
          value={latest.hostPid > 0 ? formatNumber(latest.hostPid, language) : '—'}
          detail={t('systemStats.hostPidHint')}
          testId="stats-host-pid"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Live numbers of a running system container from LXD's /state, one sample a second. */
export function SystemStatsPanel({ id, running }: { id: string; running: boolean }) {
  const { t } = useTranslation();
  const stats = useSystemStatsHistory(id, running);
  return (
    <StatsFrame
      running={running}
      stats={stats}
      notRunningTitle={t('stats.notRunningTitle')}
      notRunning={t('systemStats.notRunning')}
    >
      {(history, latest) => <SystemStatsView history={history} latest={latest} />}
    </StatsFrame>
  );
}
