import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { PageEmptyState } from '../../components/PageEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useGuests } from '../../data/guests';
import { useTemplateNames } from '../../data/template-names';
import { NewTwinButton } from '../../wizards/twin/NewTwinButton';
import { columnLook, roleColor } from './columns';
import { groupByTwin } from './twin-groups';

/** /compare: the twins to pick from, or where to make the first one. */
export function TwinIndex() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const guests = useGuests();
  const templateNames = useTemplateNames();
  const { twins } = groupByTwin(guests.data ?? []);

  return (
    <>
      <PageHeader
        title={t('compare.title')}
        description={t('compare.description')}
        actions={<NewTwinButton />}
      />
      {guests.isPending ? (
        <LoadingState label={t('compare.loading')} />
      ) : guests.isError ? (
        <ErrorAlert
          title={t('compare.loadFailed')}
          error={guests.error}
          onRetry={() => void guests.refetch()}
          retrying={guests.isFetching}
        />
      ) : twins.length === 0 ? (
        <PageEmptyState
          icon={IconArrowsLeftRight}
          title={t('compare.emptyTitle')}
          description={t('compare.emptyDescription')}
        >
          <NewTwinButton variant="filled" />
        </PageEmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {twins.map((twin) => {
            const template = templateNames.get(twin.templateId) ?? twin.templateId;
            return (
              <Card
                key={twin.twinId}
                withBorder
                radius="md"
                padding="md"
                component="article"
                aria-label={twin.name}
              >
                <Stack gap="sm">
                  {/* Its own name first: two twins of one template must not look the same. */}
                  <Stack gap={0}>
                    <Text fw={650} style={{ overflowWrap: 'anywhere' }}>
                      {t('compare.twinTitle', { name: twin.name })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('twins.template', { template })}
                    </Text>
                  </Stack>
                  <Group gap={6}>
                    {twin.guests.map((guest) => {
                      const look = columnLook(guest);
                      return (
                        <Badge key={guest.id} variant="light" color={roleColor[look.role]} tt="none">
                          {t(look.labelKey)}
                        </Badge>
                      );
                    })}
                  </Group>
                  <Button
                    variant="light"
                    rightSection={<IconArrowRight size={16} aria-hidden />}
                    onClick={() => void navigate(`/compare/${twin.twinId}`)}
                  >
                    {t('lab.openInCompare')}
                  </Button>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
