import { Badge, Tooltip } from '@mantine/core';
import { IconStopwatch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLatestBoot } from '../data/vms';
import { formatDuration, formatTime } from '../lib/format/time';

/** "Booted in 2.9 s": the latest boot of a VM, from its vCPUs starting to its ready pattern. */
export function BootTimeBadge({ id, size = 'lg' }: { id: string; size?: 'sm' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const boot = useLatestBoot(id);
  if (!boot) return null;
  return (
    <Tooltip
      label={t('vm.boot.hint', { pattern: boot.pattern, time: formatTime(boot.at, i18n.language) })}
      withArrow
      multiline
      maw={320}
    >
      <Badge
        variant="light"
        color="grape"
        size={size}
        tt="none"
        fw={500}
        leftSection={<IconStopwatch size={size === 'lg' ? 14 : 12} aria-hidden />}
        data-testid="boot-time"
        data-ready-ms={boot.readyMs}
      >
        {t('vm.boot.badge', { time: formatDuration(boot.readyMs, i18n.language, t) })}
      </Badge>
    </Tooltip>
  );
}
