import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../components/Sparkline';
import { useLiveMemory } from '../../data/compare';
import { liveHistoryLength } from '../../data/stats-history';
import { formatBytes } from '../../lib/format/bytes';

/**
 * A card's host-memory sparkline. It reads its guest's samples from the store outside React, so a
 * new sample re-renders this small part only, not the card or the page.
 */
export function LiveMemory({ guestId, name }: { guestId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const values = useLiveMemory(guestId);
  const latest = values?.at(-1);
  if (!values || latest === undefined) return null;
  const text = formatBytes(latest, i18n.language);
  return (
    <Stack gap={2} data-testid="live-memory">
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('lab.hostMemory')}
        </Text>
        <Text size="xs" ff="monospace">
          {text}
        </Text>
      </Group>
      <Sparkline
        values={[...values]}
        capacity={liveHistoryLength}
        color="var(--mantine-color-teal-6)"
        label={t('lab.memorySparkline', { name, value: text })}
        height={28}
      />
    </Stack>
  );
}
