import { Alert, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconGauge, IconKeyboard } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleOwner, type ConsoleTarget } from '@shared/consoles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { useCompareEnvironment, useCompareMeasure } from '../../data/compare';
import { useGuests } from '../../data/guests';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { templateText } from '../../data/template-text';
import { buildReport } from './build-report';
import { columnLook, roleColor } from './columns';
import { factsOf, type CompareColumn } from './columns-facts';
import { ConsolePanes, type ConsolePaneSpec } from './ConsolePanes';
import { ExportMenu } from './ExportMenu';
import { MeasureChart } from './MeasureChart';
import { MeasureTable } from './MeasureTable';
import { measureInsideProbes } from './probes';
import { ProbeMenu } from './ProbeMenu';
import { ProbeResults } from './ProbeResults';
import { consoleTargetOf } from './targets';
import { findTwin, type TwinGroup } from './twin-groups';
import { useProbeRuns } from './use-probe-runs';
import { useTypeInAll } from './use-type-in-all';

const hostTarget: ConsoleTarget = { kind: 'host', guestId: 'host' };

/** The Compare page of one twin: consoles side by side, the measurements, the probes, the export. */
export function TwinComparePage({ twinId }: { twinId: string }) {
  const { t } = useTranslation();
  const guests = useGuests();
  const twin = guests.data ? findTwin(guests.data, twinId) : undefined;
  if (guests.isPending) return <LoadingState label={t('compare.loading')} />;
  if (guests.isError)
    return (
      <ErrorAlert
        title={t('compare.loadFailed')}
        error={guests.error}
        onRetry={() => void guests.refetch()}
        retrying={guests.isFetching}
      />
    );
  if (!twin)
    return (
      <>
        <PageHeader title={t('compare.title')} />
        <Alert color="yellow" variant="light" title={t('compare.twinGoneTitle')}>
          {t('compare.twinGone')}
        </Alert>
      </>
    );
  return <TwinCompare twin={twin} />;
}

function TwinCompare({ twin }: { twin: TwinGroup }) {
  const { t, i18n } = useTranslation();
  const catalog = useCatalog();
  const environment = useCompareEnvironment();
  const template = catalog.data?.entries.find((entry) => entry.template.id === twin.templateId)?.template;
  const templateName = template ? templateText(template, currentLocale()).name : twin.templateId;
  const title = t('compare.twinTitle', { name: twin.name });

  const guestIds = useMemo(() => twin.guests.map((guest) => guest.id), [twin.guests]);
  const targets = useMemo(() => twin.guests.map(consoleTargetOf), [twin.guests]);
  const measure = useCompareMeasure(guestIds);
  const probes = useProbeRuns(twin.twinId, targets);
  const [typeInAll, setTypeInAll] = useState(false);
  const [hostShell, setHostShell] = useState(false);
  const inputHook = useTypeInAll(targets, typeInAll);

  const columns: CompareColumn[] = twin.guests.map((guest) => {
    const look = columnLook(guest, environment.data?.accelerator);
    return {
      guest,
      label: t(look.labelKey),
      color: roleColor[look.role],
      facts: factsOf(guest, measure.data, probes.runs),
    };
  });

  const panes: ConsolePaneSpec[] = columns.map((column) => {
    const target = consoleTargetOf(column.guest);
    return {
      id: consoleOwner(target),
      target,
      label: column.label,
      name: column.guest.name,
      color: column.color,
      onInput: inputHook(target),
    };
  });
  if (hostShell)
    panes.push({
      id: consoleOwner(hostTarget),
      target: hostTarget,
      label: t('compare.hostPane'),
      name: environment.data?.hostKernel ?? '',
      color: 'gray',
    });

  const report = () =>
    buildReport({
      title,
      columns,
      environment: environment.data,
      runs: probes.runs,
      now: new Date(),
      context: {
        language: i18n.language,
        ...(environment.data && { hostKernel: environment.data.hostKernel }),
        t: (key, params) => t(key, params),
      },
    });

  return (
    <>
      <PageHeader
        title={title}
        description={t('compare.twinFrom', { count: columns.length, template: templateName })}
        actions={<ExportMenu report={report} fileBase={`twinlab-${twin.name || 'twin'}`} />}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" gap="md">
            <Group gap="lg">
              <Switch
                label={t('compare.typeInAll')}
                checked={typeInAll}
                onChange={(event) => setTypeInAll(event.currentTarget.checked)}
                thumbIcon={typeInAll ? <IconKeyboard size={10} aria-hidden /> : undefined}
              />
              <Switch
                label={t('compare.hostTerminal')}
                checked={hostShell}
                onChange={(event) => setHostShell(event.currentTarget.checked)}
              />
            </Group>
            <Group gap="sm">
              <ProbeMenu running={probes.running} onRun={(id) => void probes.run([id])} />
              <Button
                variant="light"
                color="grape"
                leftSection={<IconGauge size={16} aria-hidden />}
                onClick={() => void probes.run(measureInsideProbes)}
                loading={probes.running !== undefined}
              >
                {t('compare.measureInside')}
              </Button>
            </Group>
          </Group>
          {typeInAll && (
            <Text size="xs" c="dimmed" mt={6} role="status">
              {t('compare.typeInAllOn', { count: columns.length })}
            </Text>
          )}
        </Paper>

        <ConsolePanes panes={panes} />

        <Stack gap="sm" component="section" aria-labelledby="measure-heading">
          <Group justify="space-between">
            <Title order={2} fz="lg" id="measure-heading">
              {t('measure.title')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('measure.live')}
            </Text>
          </Group>
          {measure.isError && (
            <ErrorAlert
              title={t('measure.failed')}
              error={measure.error}
              onRetry={() => void measure.refetch()}
              retrying={measure.isFetching}
            />
          )}
          <MeasureTable
            columns={columns}
            {...(environment.data && { hostKernel: environment.data.hostKernel })}
          />
          <MeasureChart columns={columns} />
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="probes-heading">
          <Title order={2} fz="lg" id="probes-heading">
            {t('compare.probesTitle')}
          </Title>
          <ProbeResults runs={probes.runs} columns={columns} error={probes.error} />
        </Stack>
      </Stack>
    </>
  );
}
