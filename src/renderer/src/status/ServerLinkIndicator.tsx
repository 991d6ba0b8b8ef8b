import { Group, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../api/transport';

/** Shown only while the link to main is not open, which happens in browser mode only. */
export function ServerLinkIndicator({ state }: { state: Exclude<ConnectionState, 'open'> }) {
  const { t } = useTranslation();
  const color = state === 'closed' ? 'var(--mantine-color-red-text)' : 'var(--mantine-color-dimmed)';
  return (
    <Group
      role="group"
      aria-label={t('status.link.label')}
      gap={6}
      wrap="nowrap"
      className="status-item"
      data-testid="server-link"
      data-state={state}
    >
      <IconPlugConnectedX size={14} stroke={1.8} color={color} aria-hidden />
      <Text size="xs" c={color} fw={state === 'closed' ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {t(`status.link.${state}`)}
      </Text>
    </Group>
  );
}
