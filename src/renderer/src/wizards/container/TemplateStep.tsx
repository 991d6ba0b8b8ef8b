import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpecProblem } from '@shared/containers';
import type { Template } from '@shared/template';
import { ImportImageDialog } from '../../images/ImportImageDialog';
import { TemplatePicker } from '../TemplatePicker';
import type { ContainerWizardValues } from './container-values';
import { useProblemText } from './problem-text';
import { formatNumber } from '../../lib/format/number';

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

function ContainerBadges({ template }: { template: Template }) {
  const { t, i18n } = useTranslation();
  const side = template.container;
  if (!side) return null;
  return (
    <>
      <Badge variant="outline" color="teal" tt="none" ff="monospace">
        {side.image}
      </Badge>
      {side.memoryMiB !== undefined && (
        <Badge variant="light" color="teal" tt="none">
          {t('templates.memory', { value: formatNumber(side.memoryMiB, i18n.language) })}
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
    </>
  );
}

/** Step 1: a template with a container side, as radio cards. */
export function TemplateStep({ values, problems, onPick, onImported }: TemplateStepProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [importing, setImporting] = useState(false);
  const imageMissing = problems.some((problem) => missingImageKeys.has(problem.key));

  return (
    <TemplatePicker
      side="container"
      keyPrefix="wizard"
      templateId={values.templateId}
      onPick={onPick}
      badges={(template) => <ContainerBadges template={template} />}
    >
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
    </TemplatePicker>
  );
}
