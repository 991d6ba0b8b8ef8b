import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import { TemplatePicker } from '../TemplatePicker';
import { bootKindOf } from './vm-values';
import { formatNumber } from '../../lib/format/number';

interface VmTemplateStepProps {
  templateId: string;
  onPick: (template: Template) => void;
}

function VmBadges({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const side = template.vm;
  if (!side) return null;
  return (
    <>
      <Badge variant="outline" color="indigo" tt="none">
        {t(`vmWizard.boot.${bootKindOf(side)}`)}
      </Badge>
      <Badge variant="light" color="indigo" tt="none">
        {t('templates.vcpus', { count: side.vcpus })}
      </Badge>
      <Badge variant="light" color="indigo" tt="none">
        {t('templates.memory', { value: formatNumber(side.memoryMiB, i18n.language) })}
      </Badge>
      {template.container && (
        <Badge variant="light" color="teal" tt="none">
          {t('vmWizard.template.hasTwin')}
        </Badge>
      )}
    </>
  );
}

/** Step 1: a template with a VM side, as radio cards. */
export function VmTemplateStep({ templateId, onPick }: VmTemplateStepProps) {
  return (
    <TemplatePicker
      side="vm"
      keyPrefix="vmWizard"
      templateId={templateId}
      onPick={onPick}
      badges={(template) => <VmBadges template={template} />}
    />
  );
}
