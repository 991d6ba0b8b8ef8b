import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TwinGroup } from '../compare/twin-groups';
import { GuestCard } from './GuestCard';

/** One twin on the Lab page: a heading with its template, Open in Compare, and its guests' cards. */
export const TwinSection = memo(function TwinSection({
  twin,
  templateName,
}: {
  twin: TwinGroup;
  templateName: string | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = templateName ?? twin.templateId;
  const headingId = `twin-${twin.twinId}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid={`twin-${twin.twinId}`}>
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="lg" id={headingId}>
          {t('lab.twinHeading', { name })}
        </Title>
        <Button
          variant="light"
          color="grape"
          size="sm"
          leftSection={<IconArrowsLeftRight size={16} aria-hidden />}
          onClick={() => void navigate(`/compare/${twin.twinId}`)}
        >
          {t('lab.openInCompare')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {twin.guests.map((guest) => (
          <GuestCard key={guest.id} guest={guest} templateName={templateName} />
        ))}
      </SimpleGrid>
    </Stack>
  );
});
