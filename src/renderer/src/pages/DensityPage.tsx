import { Alert, Grid, Stack } from '@mantine/core';
import { IconChartLine, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';
import { useCatalog } from '../data/queries';
import { useDescribeError } from '../i18n/describe-error';
import { ExportMenu } from './compare/ExportMenu';
import { defaultTemplateId, twinTemplates } from './lessons/lesson-logic';
import { buildDensityReport } from './density/density-report';
import { initialFormValues, toDensityRunInput, type DensityFormValues } from './density/density-form';
import { DensityForm } from './density/DensityForm';
import { DensityProgressView } from './density/DensityProgressView';
import { DensityResultView } from './density/DensityResultView';
import { useDensityLimits, useDensityRun, useLastDensityResult } from './density/use-density-run';

const MIB = 1024 * 1024;

/** "How many fit?": the density experiment of seed 003's "4–6× more instances per host". */
export function DensityPage() {
  const { t, i18n } = useTranslation();
  const describeError = useDescribeError();
  const limits = useDensityLimits();
  const last = useLastDensityResult();
  const catalog = useCatalog();
  const run = useDensityRun();
  const [values, setValues] = useState<DensityFormValues>();

  const templates = twinTemplates(catalog.data?.entries ?? []);
  // The last run's settings only while its template is still in the catalog.
  const lastRun = templates.some((entry) => entry.template.id === last.data?.templateId)
    ? last.data
    : undefined;
  const formValues =
    values ??
    (limits.data && catalog.data
      ? initialFormValues(limits.data, defaultTemplateId(templates), lastRun)
      : undefined);
  const result = last.data ?? undefined;

  const start = () => {
    if (!limits.data || !formValues) return;
    const bounds = limits.data;
    run.start((operationId) => toDensityRunInput(formValues, bounds, operationId));
  };

  const exportMenu = result && !run.running && (
    <ExportMenu
      report={() => buildDensityReport(result, { t, language: i18n.language, now: new Date() })}
      fileBase={`twinlab-density-${result.templateId}`}
    />
  );
  const budgetNow = Number(formValues?.budgetMiB);

  return (
    <>
      <PageHeader title={t('density.title')} description={t('density.description')} actions={exportMenu} />
      {limits.isPending || catalog.isPending || last.isPending ? (
        <LoadingState label={t('density.loading')} />
      ) : limits.isError ? (
        <ErrorAlert
          title={t('density.limitsFailed')}
          error={limits.error}
          onRetry={() => void limits.refetch()}
          retrying={limits.isFetching}
        />
      ) : templates.length === 0 ? (
        <PageEmptyState
          icon={IconTemplate}
          title={t('density.noTemplatesTitle')}
          description={t('density.noTemplates')}
        />
      ) : (
        limits.data &&
        formValues && (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
              <DensityForm
                limits={limits.data}
                templates={templates}
                values={formValues}
                onChange={setValues}
                running={run.running}
                onStart={start}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
              <Stack gap="md">
                {run.error !== undefined && !run.running && (
                  <Alert color="red" variant="light" title={t('density.runFailed')} role="alert">
                    {describeError(run.error)}
                  </Alert>
                )}
                {last.isError && (
                  <ErrorAlert
                    title={t('density.lastFailed')}
                    error={last.error}
                    onRetry={() => void last.refetch()}
                    retrying={last.isFetching}
                  />
                )}
                {run.running ? (
                  <DensityProgressView
                    progress={run.progress}
                    live={run.live}
                    cancelling={run.cancelling}
                    budgetBytes={Number.isFinite(budgetNow) ? budgetNow * MIB : undefined}
                    onCancel={run.cancel}
                  />
                ) : result ? (
                  <DensityResultView result={result} />
                ) : (
                  <PageEmptyState
                    icon={IconChartLine}
                    title={t('density.noResultTitle')}
                    description={t('density.noResult')}
                  />
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        )
      )}
    </>
  );
}
