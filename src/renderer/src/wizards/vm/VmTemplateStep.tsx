import { Alert, Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/template';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { templateText } from '../../pages/templates/template-text';
import { bootKindOf } from './vm-values';

interface VmTemplateStepProps {
  templateId: string;
  onPick: (template: Template) => void;
}

function VmTemplateOption({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const { name, description } = templateText(template, currentLocale());
  const side = template.vm;
  if (!side) return null;
  return (
    <Radio.Card
      value={template.id}
      radius="md"
      p="md"
      className="choice-card"
      data-testid={`template-option-${template.id}`}
    >
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Radio.Indicator mt={3} />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={650}>{name}</Text>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          <Group gap={6}>
            <Badge variant="outline" color="indigo" tt="none">
              {t(`vmWizard.boot.${bootKindOf(side)}`)}
            </Badge>
            <Badge variant="light" color="indigo" tt="none">
              {t('templates.vcpus', { count: side.vcpus })}
            </Badge>
            <Badge variant="light" color="indigo" tt="none">
              {t('templates.memory', { value: side.memoryMiB.toLocaleString(i18n.language) })}
            </Badge>
            {template.container && (
              <Badge variant="light" color="teal" tt="none">
                {t('vmWizard.template.hasTwin')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** Step 1: a template with a VM side, as radio cards. */
export function VmTemplateStep({ templateId, onPick }: VmTemplateStepProps) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  if (catalog.isPending) return <LoadingState label={t('templates.loading')} />;
  if (catalog.isError) {
    return (
      <ErrorAlert
        title={t('templates.loadFailed')}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
        retrying={catalog.isFetching}
      />
    );
  }
  const templates = catalog.data.entries.map((entry) => entry.template).filter((template) => template.vm);
  if (templates.length === 0) {
    return (
      <Alert color="yellow" variant="light" title={t('vmWizard.template.noneTitle')}>
        {t('vmWizard.template.none')}
      </Alert>
    );
  }
  return (
    <Radio.Group
      value={templateId || null}
      onChange={(id) => {
        const template = templates.find((candidate) => candidate.id === id);
        if (template) onPick(template);
      }}
      label={t('vmWizard.template.label')}
      description={t('vmWizard.template.hint')}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        {templates.map((template) => (
          <VmTemplateOption key={template.id} template={template} />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
