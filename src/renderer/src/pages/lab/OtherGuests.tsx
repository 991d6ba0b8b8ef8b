import { Box, Collapse, Group, Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronRight, IconLock } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guest } from '@shared/guest';
import { GuestStateBadge } from '../../guests/GuestStateBadge';
import { formatDateTime } from '../../lib/format/time';

/**
 * Containers and VMs Twinlab did not create, folded away by default. Read-only: Twinlab never
 * changes what it does not own (DESIGN.md), and says so.
 */
export function OtherGuests({ guests }: { guests: Guest[] }) {
  const { t, i18n } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  if (guests.length === 0) return null;
  return (
    <Paper
      withBorder
      radius="md"
      component="section"
      aria-label={t('lab.others.title')}
      data-testid="other-guests"
    >
      {/* The disclosure pattern: a button inside the heading. */}
      <Box component="h2" m={0} fz="inherit" fw="inherit">
        <UnstyledButton
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={panelId}
          w="100%"
          px="md"
          py="sm"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap="sm" wrap="nowrap">
            <IconChevronRight
              size={18}
              aria-hidden
              style={{ transform: opened ? 'rotate(90deg)' : undefined, transition: 'transform 150ms ease' }}
            />
            <Text span fw={600} size="sm">
              {t('lab.others.title')}
            </Text>
            <Text span size="sm" c="dimmed">
              {t('lab.others.count', { count: guests.length })}
            </Text>
          </Group>
        </UnstyledButton>
      </Box>
      <Collapse expanded={opened} id={panelId}>
        <Box px="md" pb="md">
          <Group gap={6} mb="xs" wrap="nowrap">
            <IconLock size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="xs" c="dimmed">
              {t('lab.others.readOnly')}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={520}>
            <Table fz="sm" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lab.others.name')}</Table.Th>
                  <Table.Th>{t('lab.others.kind')}</Table.Th>
                  <Table.Th>{t('lab.others.state')}</Table.Th>
                  <Table.Th>{t('guest.runtime')}</Table.Th>
                  <Table.Th>{t('guest.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {guests.map((guest) => (
                  <Table.Tr key={guest.id} data-testid={`other-${guest.name}`}>
                    <Table.Td ff="monospace">{guest.name}</Table.Td>
                    <Table.Td>{t(`guest.kind.${guest.kind}`)}</Table.Td>
                    <Table.Td>
                      <GuestStateBadge state={guest.state} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      {t(`guest.runtimeName.${guest.runtime}`, { defaultValue: guest.runtime })}
                    </Table.Td>
                    <Table.Td>{formatDateTime(guest.createdAt, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Box>
      </Collapse>
    </Paper>
  );
}
