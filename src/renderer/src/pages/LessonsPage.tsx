import { IconSchool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageEmptyState } from '../components/PageEmptyState';
import { PageHeader } from '../components/PageHeader';

export function LessonsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('lessons.title')} />
      <PageEmptyState
        icon={IconSchool}
        title={t('lessons.emptyTitle')}
        description={t('lessons.emptyDescription')}
      />
    </>
  );
}
