import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { IconDeviceDesktopPlus, IconFileImport, IconFlask2, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';
import { useGuestsLivePolling } from '../data/compare';
import { useGuests } from '../data/guests';
import { useTemplateNames } from '../data/template-names';
import { ImportImageDialog } from '../images/ImportImageDialog';
import { ImportVmImageButton } from '../images/ImportVmImageDialog';
import { DataTooltip } from './lab/DataTooltip';
import { EnginesMissingAlert } from './lab/EnginesMissingAlert';
import { GuestCard } from './lab/GuestCard';
import { ImagesSection } from './lab/ImagesSection';
import { LeftoversAlert } from './lab/LeftoversAlert';
import { OtherGuests } from './lab/OtherGuests';
import { TwinSection } from './lab/TwinSection';
import { labGuestsId, SkipToGuests } from './lab/SkipToGuests';
import { shownPerGroup, useProgressiveReveal } from './lab/progressive-reveal';
import { TemplateNamesContext } from './lab/template-names-context';
import { groupByTwin, newestFirst } from './compare/twin-groups';
import { NewTwinButton } from '../wizards/twin/NewTwinButton';
import { NewSystemButton } from '../wizards/system/NewSystemButton';

/** A button, not a link: it starts a task (the wizard) rather than going to a place. */
function NewContainerButton({ labelKey = 'lab.newContainer' }: { labelKey?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button
      onClick={() => void navigate('/lab/new-container')}
      leftSection={<IconPlus size={16} aria-hidden />}
    >
      {t(labelKey)}
    </Button>
  );
}

export function LabPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const guests = useGuests();
  const templateNames = useTemplateNames();
  const [importing, setImporting] = useState(false);

  const managed = (guests.data ?? []).filter((guest) => guest.managed);
  const others = (guests.data ?? []).filter((guest) => !guest.managed).sort(newestFirst);
  const { twins, unpaired } = useMemo(() => groupByTwin(guests.data ?? []), [guests.data]);
  // Cards are drawn a screenful first, then the rest in page order (twins, then the others).
  const shown = shownPerGroup(
    [...twins.map((twin) => twin.guests.length), unpaired.length],
    useProgressiveReveal(managed.length),
  );
  // One guests.live call a second feeds every card's sparkline, and only while a guest runs.
  useGuestsLivePolling(managed.some((guest) => guest.state === 'running'));

  return (
    <TemplateNamesContext.Provider value={templateNames}>
      {managed.length > 0 && <SkipToGuests />}
      <PageHeader
        title={t('lab.title')}
        description={t('lab.description')}
        actions={
          <Group gap="sm" wrap="wrap" justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
            >
              {t('images.import.open')}
            </Button>
            <ImportVmImageButton />
            <Button
              variant="light"
              color="indigo"
              onClick={() => void navigate('/lab/new-vm')}
              leftSection={<IconDeviceDesktopPlus size={16} aria-hidden />}
            >
              {t('lab.newVm')}
            </Button>
            <NewSystemButton />
            <NewTwinButton />
            <NewContainerButton />
          </Group>
        }
      />
      <Stack gap="xl">
        <EnginesMissingAlert />
        <LeftoversAlert />
        {guests.isPending ? (
          <LoadingState label={t('lab.loading')} />
        ) : guests.isError ? (
          <ErrorAlert
            title={t('lab.loadFailed')}
            error={guests.error}
            onRetry={() => void guests.refetch()}
            retrying={guests.isFetching}
          />
        ) : managed.length === 0 ? (
          <PageEmptyState
            icon={IconFlask2}
            title={t('lab.emptyTitle')}
            description={t('lab.emptyDescription')}
          >
            <NewContainerButton labelKey="lab.createFirst" />
          </PageEmptyState>
        ) : (
          <Stack gap="xl" id={labGuestsId} tabIndex={-1} style={{ outline: 'none' }}>
            {twins.map((twin, index) => (
              <TwinSection key={twin.twinId} twin={twin} shown={shown[index] ?? 0} />
            ))}
            {unpaired.length > 0 && (
              <Stack gap="sm" component="section" aria-labelledby="guests-heading">
                <Title order={2} fz="lg" id="guests-heading">
                  {t(twins.length > 0 ? 'lab.unpairedTitle' : 'lab.guestsTitle', { count: unpaired.length })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {unpaired.slice(0, shown.at(-1)).map((guest) => (
                    <GuestCard key={guest.id} guest={guest} />
                  ))}
                </SimpleGrid>
              </Stack>
            )}
          </Stack>
        )}
        <OtherGuests guests={others} />
        <ImagesSection />
      </Stack>
      <ImportImageDialog opened={importing} onClose={() => setImporting(false)} />
      <DataTooltip />
    </TemplateNamesContext.Provider>
  );
}
