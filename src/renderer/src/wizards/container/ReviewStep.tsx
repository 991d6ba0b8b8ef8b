import { Alert, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContainerPreview, SpecProblem } from '@shared/containers';
import { currentLocale } from '../../i18n';
import { CodeWithCopy } from '../../components/CopyCode';
import { ErrorAlert } from '../../components/ErrorAlert';
import { templateText } from '../../data/template-text';
import { useCatalog } from '../../data/queries';
import { NoNetworkNote } from '../NoNetworkNote';
import { CheckingNote, RecheckButton, ReviewSummary } from '../review-parts';
import { stepOfField, type ContainerWizardValues, type WizardStep } from './container-values';
import { useProblemText } from './problem-text';
import { formatNumber } from '../../lib/format/number';

interface ReviewStepProps {
  values: ContainerWizardValues;
  preview: ContainerPreview | undefined;
  checking: boolean;
  error: unknown;
  problems: SpecProblem[];
  onRecheck: () => void;
  onFix: (step: WizardStep) => void;
}

/** Step 4: what will be created, the equivalent `docker run`, and anything still in the way. */
export function ReviewStep({
  values,
  preview,
  checking,
  error,
  problems,
  onRecheck,
  onFix,
}: ReviewStepProps) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const catalog = useCatalog();
  const template = catalog.data?.entries.find((entry) => entry.template.id === values.templateId)?.template;
  const none = t('wizard.review.none');
  const number = (value: number) => formatNumber(value, i18n.language);

  const facts: [string, string][] = [
    [
      t('wizard.review.template'),
      template ? templateText(template, currentLocale()).name : values.templateId,
    ],
    [t('wizard.review.image'), values.image],
    [t('wizard.resources.name'), values.name],
    [
      t('wizard.resources.memory'),
      values.memoryMiB === ''
        ? t('wizard.resources.noLimit')
        : t('templates.memory', { value: number(values.memoryMiB) }),
    ],
    [t('wizard.resources.cpus'), values.cpus === '' ? t('wizard.resources.noLimit') : number(values.cpus)],
    [t('wizard.resources.runtime'), values.runtime || t('wizard.resources.runtimeDefault')],
    [
      t('wizard.network.ports'),
      values.ports
        .filter((port) => port.container !== '')
        .map((port) => `${port.host === '' ? '*' : port.host} → ${port.container}/${port.protocol}`)
        .join(', ') || none,
    ],
    [
      t('wizard.network.volumes'),
      values.volumes
        .filter((volume) => volume.target)
        .map((volume) => `${volume.name || t('wizard.network.anonymous')} → ${volume.target}`)
        .join(', ') || none,
    ],
    [
      t('wizard.network.binds'),
      values.binds
        .filter((bind) => bind.source && bind.target)
        .map((bind) => `${bind.source} → ${bind.target}`)
        .join(', ') || none,
    ],
    [
      t('wizard.network.env'),
      values.env
        .filter((env) => env.name)
        .map((env) => env.name)
        .join(', ') || none,
    ],
  ];

  return (
    <Stack gap="lg">
      <ReviewSummary facts={facts} />

      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Title order={3} fz="md">
            {t('wizard.review.commandTitle')}
          </Title>
          <RecheckButton label={t('wizard.review.recheck')} checking={checking} onRecheck={onRecheck} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('wizard.review.commandHint')}
        </Text>
        {preview ? (
          <>
            <CodeWithCopy
              code={preview.dockerRunMultiline}
              copyValue={preview.dockerRun}
              copyLabel={t('wizard.review.copyCommand')}
              padRight={52}
              inset={8}
              variant="default"
              testId="docker-run"
            />
            <NoNetworkNote dockerRun={preview.dockerRun} />
          </>
        ) : checking ? (
          <CheckingNote />
        ) : null}
      </Stack>

      {error !== undefined && error !== null && (
        <ErrorAlert title={t('wizard.checkFailed')} error={error} onRetry={onRecheck} retrying={checking} />
      )}

      {problems.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('wizard.problemsTitle', { count: problems.length })}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="review-problems"
        >
          <List size="sm" spacing={6}>
            {problems.map((problem) => (
              <List.Item key={`${problem.field}:${problem.key}`}>
                {problemText(problem)}{' '}
                {stepOfField(problem.field) !== 'review' && (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onFix(stepOfField(problem.field))}
                  >
                    {t('wizard.review.fix', { step: t(`wizard.step.${stepOfField(problem.field)}`) })}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        preview && (
          <Group gap="xs" c="teal" role="status" data-testid="review-ready">
            <IconCircleCheck size={18} aria-hidden />
            <Text size="sm">{t('wizard.review.ready')}</Text>
          </Group>
        )
      )}
    </Stack>
  );
}
