import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import { TemplatePicker } from '../TemplatePicker';
import { formatNumber } from '../../lib/format/number';

function TwinBadges({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const { container, vm } = template;
  if (!container || !vm) return null;
  return (
    <>
      <Badge variant="light" color="teal" tt="none">
        {container.image}
      </Badge>
      <Badge variant="light" color="indigo" tt="none">
        {t('twinWizard.template.vm', {
          vcpus: t('templates.vcpus', { count: vm.vcpus }),
          memory: t('templates.memory', { value: formatNumber(vm.memoryMiB, i18n.language) }),
        })}
      </Badge>
    </>
  );
}

/** Step 1: a template that has both a container side and a VM side. */
export function TwinTemplateStep({
  templateId,
  onPick,
}: {
  templateId: string;
  onPick: (template: Template) => void;
}) {
  return (
    <TemplatePicker
      side="both"
      keyPrefix="twinWizard"
      templateId={templateId}
      onPick={onPick}
      badges={(template) => <TwinBadges template={template} />}
    />
  );
}
