import { useTranslation } from 'react-i18next';
import { useVmXml } from '../../data/vms';
import { DocumentPanel } from './DocumentPanel';

const keys = {
  loading: 'vmInspect.loading',
  loadFailed: 'vmInspect.loadFailed',
  hint: 'vmInspect.hint',
  refresh: 'inspect.refresh',
};

/** The VM's libvirt domain XML, as `virsh dumpxml` prints it, to read and to copy. */
export function VmInspectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useVmXml(id);
  return (
    <DocumentPanel
      query={query}
      textOf={(data) => data.xml}
      keys={keys}
      copyLabel={t('vmWizard.review.copyXml')}
      label={t('vmWizard.review.xmlLabel')}
      testId="domain-xml"
    />
  );
}
