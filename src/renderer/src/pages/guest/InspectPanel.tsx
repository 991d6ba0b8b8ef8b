import { useTranslation } from 'react-i18next';
import { useContainerInspect } from '../../data/guests';
import { DocumentPanel } from './DocumentPanel';

const keys = {
  loading: 'inspect.loading',
  loadFailed: 'inspect.loadFailed',
  hint: 'inspect.hint',
  refresh: 'inspect.refresh',
};

/** `docker inspect` as Docker returns it, to read and to copy. */
export function InspectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useContainerInspect(id);
  return (
    <DocumentPanel
      query={query}
      textOf={(data) => JSON.stringify(data, null, 2)}
      keys={keys}
      copyLabel={t('inspect.copy')}
      label={t('inspect.label')}
      testId="inspect-json"
    />
  );
}
