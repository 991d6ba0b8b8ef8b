import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TwinGroup } from '../compare/twin-groups';
import { GuestCard } from './GuestCard';
import { useTemplateName } from './template-names-context';
import { TwinActions } from './TwinActions';

/**
 * One twin on the Lab page as one thing: its own name and template, Open in Compare, Start/Stop
 * twin and Delete twin, and its guests' cards (the first `shown` of them: see progressive-reveal).
 */
export const TwinSection = memo(function TwinSection({ twin, shown }: { twin: TwinGroup; shown: number }) {
  const { t } = useTranslation();
  const templateName = useTemplateName(twin.templateId);
  const navigate = useNavigate();
  const headingId = `twin-${twin.twinId}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid={`twin-${twin.twinId}`}>
      <Group justify="space-between" gap="sm" align="flex-end">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={2} fz="lg" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('lab.twinHeading', { name: twin.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('twins.template', { template: templateName })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="light"
            color="grape"
            size="sm"
            leftSection={<IconArrowsLeftRight size={16} aria-hidden />}
            onClick={() => void navigate(`/compare/${twin.twinId}`)}
          >
            {t('lab.openInCompare')}
          </Button>
          <TwinActions twin={twin} name={twin.name} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {twin.guests.slice(0, shown).map((guest) => (
          <GuestCard key={guest.id} guest={guest} />
        ))}
      </SimpleGrid>
    </Stack>
  );
});
