import { Alert, Badge, Button, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpecProblem } from '../../../../shared/containers';
import type { Template } from '../../../../shared/template';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { ImportImageDialog } from '../../images/ImportImageDialog';
import { templateText } from '../../pages/templates/template-text';
import type { ContainerWizardValues } from './container-values';
import { useProblemText } from './problem-text';

interface TemplateStepProps {
  values: ContainerWizardValues;
  problems: SpecProblem[];
  onPick: (template: Template) => void;
  /** An image was imported: check the template again. */
  onImported: () => void;
}

const missingImageKeys = new Set([
  'containers.validate.imageMissingOffline',
  'containers.validate.imageMissingNoPull',
]);

function TemplateOption({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const { name, description } = templateText(template, currentLocale());
  const side = template.container;
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
            <Badge variant="outline" color="teal" tt="none" ff="monospace">
              {side.image}
            </Badge>
            {side.memoryMiB !== undefined && (
              <Badge variant="light" color="teal" tt="none">
                {t('templates.memory', { value: side.memoryMiB.toLocaleString(i18n.language) })}
              </Badge>
            )}
            {side.cpus !== undefined && (
              <Badge variant="light" color="teal" tt="none">
                {t('templates.cpus', { count: side.cpus })}
              </Badge>
            )}
            {template.vm && (
              <Badge variant="light" color="grape" tt="none">
                {t('wizard.template.hasTwin')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** Step 1: a template with a container side, as radio cards. */
export function TemplateStep({ values, problems, onPick, onImported }: TemplateStepProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const catalog = useCatalog();
  const [importing, setImporting] = useState(false);

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
  const templates = catalog.data.entries
    .map((entry) => entry.template)
    .filter((template) => template.container);
  if (templates.length === 0) {
    return (
      <Alert color="yellow" variant="light" title={t('wizard.template.noneTitle')}>
        {t('wizard.template.none')}
      </Alert>
    );
  }
  const imageMissing = problems.some((problem) => missingImageKeys.has(problem.key));

  return (
    <Stack gap="md">
      <Radio.Group
        value={values.templateId || null}
        onChange={(id) => {
          const template = templates.find((candidate) => candidate.id === id);
          if (template) onPick(template);
        }}
        label={t('wizard.template.label')}
        description={t('wizard.template.hint')}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
          {templates.map((template) => (
            <TemplateOption key={template.id} template={template} />
          ))}
        </SimpleGrid>
      </Radio.Group>
      {problems.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('wizard.problemsTitle', { count: problems.length })}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="step-problems"
        >
          <Stack gap="sm" align="flex-start">
            {problems.map((problem) => (
              <Text key={`${problem.field}:${problem.key}`} size="sm">
                {problemText(problem)}
              </Text>
            ))}
            {imageMissing && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconFileImport size={14} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t('images.import.open')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <ImportImageDialog
        opened={importing}
        onClose={() => setImporting(false)}
        suggestedName={values.image}
        templateId={values.templateId}
        onImported={onImported}
      />
    </Stack>
  );
}
