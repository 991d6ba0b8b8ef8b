import { Anchor, Box, Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBox, IconDeviceDesktop } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Guest } from '@shared/guest';
import { BootTimeBadge } from '../../guests/BootTimeBadge';
import { GuestActions } from '../../guests/GuestActions';
import { GuestName } from '../../guests/GuestName';
import { GuestStateBadge } from '../../guests/GuestStateBadge';
import { formatDateTime } from '../../lib/format/time';
import { columnLook, roleColor } from '../compare/columns';
import { LiveMemory } from './LiveMemory';

interface GuestCardProps {
  guest: Guest;
  /** The template's name in the UI language, when the catalog has it. */
  templateName?: string;
}

function Fact({ label, value, mono = false }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} ff={mono ? 'monospace' : undefined} truncate title={value}>
        {value}
      </Text>
    </>
  );
}

/**
 * One of Twinlab's guests: name (a link to its page), state, the main facts, host memory live,
 * lifecycle buttons. Memoised: the guest list keeps unchanged guests as the same objects, so a
 * change to one guest re-renders one card.
 */
export const GuestCard = memo(function GuestCard({ guest, templateName }: GuestCardProps) {
  const { t, i18n } = useTranslation();
  const isContainer = guest.kind === 'container';
  const look = columnLook(guest);
  const KindIcon = isContainer ? IconBox : IconDeviceDesktop;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={guest.name}
      data-testid={`guest-${guest.name}`}
      data-state={guest.state}
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon size="lg" radius="md" variant="light" color={roleColor[look.role]} aria-hidden>
              <KindIcon size={20} stroke={1.7} />
            </ThemeIcon>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={`/guests/${guest.id}`}
                fw={650}
                fz="md"
                style={{ display: 'flex' }}
              >
                <GuestName name={guest.name} />
              </Anchor>
              <Text size="xs" c="dimmed">
                {guest.twinId ? t(look.labelKey) : t(`guest.kind.${guest.kind}`)}
              </Text>
            </Stack>
          </Group>
          <GuestStateBadge state={guest.state} />
        </Group>
        <Box
          component="dl"
          m={0}
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto minmax(0, 1fr)',
            columnGap: 12,
            rowGap: 2,
            alignItems: 'baseline',
          }}
        >
          <Fact
            label={t('guest.runtime')}
            value={
              isContainer
                ? t(`guest.runtimeName.${guest.runtime}`, { defaultValue: guest.runtime })
                : t(`vm.runtime.${guest.runtime}`, { defaultValue: guest.runtime })
            }
          />
          <Fact label={t('guest.template')} value={templateName ?? guest.templateId} />
          <Fact label={t('guest.created')} value={formatDateTime(guest.createdAt, i18n.language)} />
        </Box>
        {guest.state === 'running' && <LiveMemory guestId={guest.id} name={guest.name} />}
        <Group justify="space-between" mt="auto" gap="xs">
          <Group gap={6}>{!isContainer && <BootTimeBadge id={guest.id} size="sm" />}</Group>
          <GuestActions guest={guest} compact />
        </Group>
      </Stack>
    </Card>
  );
});
