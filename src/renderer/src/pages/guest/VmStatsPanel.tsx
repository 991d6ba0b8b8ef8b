import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VmStats } from '@shared/vms';
import { useVmStatsHistory } from '../../data/vms';
import { CpuCard, MemoryCard, StatCard, StatsFrame, useStatsFormat } from './stats-parts';

function VmStatsView({ history, latest }: { history: VmStats[]; latest: VmStats }) {
  const { t } = useTranslation();
  const { bytes, percent } = useStatsFormat();
  const rss = history.map((sample) => sample.memory.hostRssBytes);
  const assigned = latest.memory.guestAssignedBytes;
  const share = assigned > 0 ? (latest.memory.hostRssBytes / assigned) * 100 : 0;
  const rssPeak = Math.max(...rss);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CpuCard
          title={t('vmStats.cpu')}
          value={latest.cpuPercent === null ? '—' : percent(latest.cpuPercent)}
          detail={t('vmStats.cpuHint', { count: latest.vcpus })}
          values={history.map((sample) => sample.cpuPercent ?? 0)}
        />
        <MemoryCard
          title={t('vmStats.memory')}
          value={t('vmStats.memoryValue', {
            host: bytes(latest.memory.hostRssBytes),
            guest: bytes(assigned),
          })}
          detail={t('vmStats.memoryHint')}
          share={share}
          barColor="indigo"
          barLabel={t('vmStats.memoryBar')}
          values={rss}
          max={Math.max(rssPeak * 1.25, 1)}
          chartColor="var(--mantine-color-indigo-6)"
          chartLabel={t('vmStats.memoryChart', {
            latest: bytes(latest.memory.hostRssBytes),
            peak: bytes(rssPeak),
          })}
        />
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
  return (
    <StatsFrame
      running={running}
      stats={stats}
      notRunningTitle={t('vmStats.notRunningTitle')}
      notRunning={t('vmStats.notRunning')}
    >
      {(history, latest) => <VmStatsView history={history} latest={latest} />}
    </StatsFrame>
  );
}
