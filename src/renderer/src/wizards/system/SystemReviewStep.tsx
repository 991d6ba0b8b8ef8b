import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SystemPreview } from '@shared/systems';
import { CopyTextButton, ScrollingCode } from '../../components/CopyCode';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckingNote, RecheckButton, ReviewSummary } from '../review-parts';
import type { SystemWizardValues } from './system-values';
import { formatNumber } from '../../lib/format/number';

interface SystemReviewStepProps {
  values: SystemWizardValues;
  /** The chosen template's name, or undefined for an image from LXD's store. */
  templateName: string | undefined;
  preview: SystemPreview | undefined;
  checking: boolean;
  error: unknown;
  onRecheck: () => void;
}

/** Step 3: what will be made, as the engine's own `lxc launch` line and as the instance's YAML. */
export function SystemReviewStep({
  values,
  templateName,
  preview,
  checking,
  error,
  onRecheck,
}: SystemReviewStepProps) {
  const { t, i18n } = useTranslation();
  const noLimit = t('systemWizard.resources.noLimit');
  const facts: [string, string][] = [
    [t('systemWizard.review.source'), templateName ?? t('systemWizard.review.fromImage')],
    [t('systemWizard.review.image'), preview?.image ?? ''],
    [t('systemWizard.resources.name'), values.name],
    [
      t('systemWizard.resources.memory'),
      values.memoryMiB === undefined
        ? noLimit
        : t('templates.memory', { value: formatNumber(values.memoryMiB, i18n.language) }),
    ],
    [
      t('systemWizard.resources.cpus'),
      values.cpus === undefined ? noLimit : t('systemWizard.review.cpuCount', { count: values.cpus }),
    ],
  ];

  return (
    <Stack gap="lg">
      <ReviewSummary facts={facts} />

      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Title order={3} fz="md">
            {t('systemWizard.review.launchTitle')}
          </Title>
          <Group gap="xs">
            <RecheckButton
              label={t('systemWizard.review.recheck')}
              checking={checking}
              onRecheck={onRecheck}
            />
            {preview && <CopyTextButton value={preview.launch} label={t('systemWizard.review.copyLaunch')} />}
          </Group>
        </Group>
        {preview ? (
          <>
            <Text size="sm" c="dimmed">
              {t('systemWizard.review.launchExplain')}
            </Text>
            <ScrollingCode
              code={preview.launch}
              maxHeight={200}
              label={t('systemWizard.review.launchTitle')}
              testId="lxc-launch"
            />
          </>
        ) : checking ? (
          <CheckingNote />
        ) : null}
      </Stack>

      {preview && (
        <Stack gap="xs">
          <Group justify="space-between" gap="sm">
            <Title order={3} fz="md">
              {t('systemWizard.review.yamlTitle')}
            </Title>
            <CopyTextButton value={preview.yaml} label={t('systemWizard.review.copyYaml')} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('systemWizard.review.yamlExplain')}
          </Text>
          <ScrollingCode
            code={preview.yaml}
            maxHeight={320}
            label={t('systemWizard.review.yamlTitle')}
            testId="instance-yaml"
          />
        </Stack>
      )}

      {error !== undefined && error !== null && (
        <ErrorAlert title={t('wizard.checkFailed')} error={error} onRetry={onRecheck} retrying={checking} />
      )}
    </Stack>
  );
}
