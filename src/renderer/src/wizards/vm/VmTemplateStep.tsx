import { Badge } from '@mantine/core';
import { IconCircleCheck, IconCloudOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import type { VmImageState, VmTemplateAvailability } from '@shared/vm-availability';
import { TemplatePicker } from '../TemplatePicker';
import { bootKindOf } from './vm-values';
import { formatNumber } from '../../lib/format/number';

interface VmTemplateStepProps {
  templateId: string;
  onPick: (template: Template) => void;
  /** Each image template's image: cached, downloadable now, or not; marked on its card. */
  availability: readonly VmTemplateAvailability[] | undefined;
  /** Shown under the cards: why Next refused the chosen template. */
  children?: ReactNode;
}

function VmBadges({ template, image }: { template: Template; image: VmImageState | undefined }) {
  const { t, i18n } = useTranslation();
  const side = template.vm;
  if (!side) return null;
  return (
    <>
      {image === 'cached' && (
        <Badge variant="light" color="teal" tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
          {t('vmWizard.offline.badgeCached')}
        </Badge>
      )}
      {image === 'unreachable' && (
        <Badge variant="light" color="orange" tt="none" leftSection={<IconCloudOff size={12} aria-hidden />}>
          {t('vmWizard.offline.badgeOffline')}
        </Badge>
      )}
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
export function VmTemplateStep({ templateId, onPick, availability, children }: VmTemplateStepProps) {
  const stateOf = (id: string) => availability?.find((each) => each.templateId === id)?.state;
  return (
    <TemplatePicker
      side="vm"
      keyPrefix="vmWizard"
      templateId={templateId}
      onPick={onPick}
      badges={(template) => <VmBadges template={template} image={stateOf(template.id)} />}
    >
      {children}
    </TemplatePicker>
  );
}
