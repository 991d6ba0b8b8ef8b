import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';

export function ComparePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('compare.title')} />
      <PageEmptyState
        icon={IconArrowsLeftRight}
        title={t('compare.emptyTitle')}
        description={t('compare.emptyDescription')}
      />
    </>
  );
}
