import { IconFlask2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';

export function LabPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('lab.title')} />
      <PageEmptyState icon={IconFlask2} title={t('lab.emptyTitle')} description={t('lab.emptyDescription')} />
    </>
  );
}
