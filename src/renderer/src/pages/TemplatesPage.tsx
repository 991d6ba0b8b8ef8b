import { SimpleGrid, Stack } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '@shared/template';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';
import { useCatalog } from '../data/queries';
import { CatalogProblems } from './templates/CatalogProblems';
import { TemplateCard } from './templates/TemplateCard';

function CatalogView({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      {catalog.problems.length > 0 && <CatalogProblems problems={catalog.problems} />}
      {catalog.entries.length === 0 ? (
        <PageEmptyState
          icon={IconTemplate}
          title={t('templates.empty.title')}
          description={t('templates.empty.description')}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {catalog.entries.map((entry) => (
            <TemplateCard key={entry.template.id} entry={entry} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function TemplatesPage() {
  const { t } = useTranslation();
  const catalog = useCatalog();
  return (
    <>
      <PageHeader title={t('templates.title')} description={t('templates.description')} />
      {catalog.isPending ? (
        <LoadingState label={t('templates.loading')} />
      ) : catalog.isError ? (
        <ErrorAlert
          title={t('templates.loadFailed')}
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
          retrying={catalog.isFetching}
        />
      ) : (
        <CatalogView catalog={catalog.data} />
      )}
    </>
  );
}
