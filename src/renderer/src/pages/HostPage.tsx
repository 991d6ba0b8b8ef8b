import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HostReport } from '@shared/host';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useHostReport, useRecheckHost } from '../data/queries';
import { useDescribeError } from '../i18n/describe-error';
import { CheckGroupSection } from './host/CheckGroupSection';
import { groupChecks } from './host/group-checks';
import { HostSummary } from './host/HostSummary';
import { MirrorPanel } from './host/MirrorPanel';
import { SharePanel } from './host/SharePanel';

function HostReportView({ report }: { report: HostReport }) {
  return (
    <Stack gap="xl">
      <HostSummary report={report} />
      {groupChecks(report.checks).map(({ group, checks }) => (
        <CheckGroupSection key={group} group={group} checks={checks} />
      ))}
    </Stack>
  );
}

export function HostPage() {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const report = useHostReport();
  const recheck = useRecheckHost();

  const runRecheck = () =>
    recheck.mutate(undefined, {
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('hostPage.recheckFailed'),
          message: describeError(error),
        }),
    });

  return (
    <>
      <PageHeader
        title={t('hostPage.title')}
        description={t('hostPage.description')}
        actions={
          <Button
            leftSection={<IconRefresh size={16} aria-hidden />}
            variant="default"
            onClick={runRecheck}
            loading={recheck.isPending}
            disabled={report.isPending}
            aria-busy={recheck.isPending}
          >
            {t('hostPage.recheck')}
          </Button>
        }
      />
      {report.isPending ? (
        <LoadingState label={t('hostPage.checking')} />
      ) : (
        <Stack gap="xl">
          {/* A failed refresh keeps the last report on screen, under the error. */}
          {report.isError && (
            <ErrorAlert
              title={t('hostPage.loadFailed')}
              error={report.error}
              onRetry={() => void report.refetch()}
              retrying={report.isFetching}
            />
          )}
          {report.data && <HostReportView report={report.data} />}
          <MirrorPanel />
          <SharePanel />
        </Stack>
      )}
    </>
  );
}
