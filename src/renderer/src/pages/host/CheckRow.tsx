import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HostCheck } from '@shared/host';
import { CheckDetails } from './CheckDetails';
import { checkStatusLook } from './check-status';
import { FixCommands } from './FixCommands';

export function CheckRow({ check, separated }: { check: HostCheck; separated: boolean }) {
  const { t } = useTranslation();
  const look = checkStatusLook[check.status];
  const StatusIcon = look.icon;
  const title = t(check.titleKey);
  const hasDetails = check.details !== undefined && Object.keys(check.details).length > 0;
  return (
    <Group
      component="li"
      align="flex-start"
      wrap="nowrap"
      gap="md"
      px="md"
      py="sm"
      data-testid={`check-${check.id}`}
      data-status={check.status}
      style={separated ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
    >
      <ThemeIcon color={look.color} variant="light" radius="xl" size="lg" aria-hidden>
        <StatusIcon size={20} stroke={1.8} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Text fw={600} size="sm">
            {title}
          </Text>
          <Badge color={look.color} variant="light" size="sm" style={{ flex: 'none' }}>
            {t(look.labelKey)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(check.summaryKey, { ...check.params })}
        </Text>
        {check.fix && <FixCommands fix={check.fix} />}
        {hasDetails && check.details && <CheckDetails details={check.details} checkTitle={title} />}
      </Stack>
    </Group>
  );
}
