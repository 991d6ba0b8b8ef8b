import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TwinRole } from '@shared/twin-roles';
import { CopyTextButton, ScrollingCode } from '../../components/CopyCode';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NoNetworkNote } from '../NoNetworkNote';
import { CheckingNote, RecheckButton, ReviewSummary } from '../review-parts';

export interface TwinPreview {
  /** One `docker run` per container column. */
  dockerRuns: { role: 'container' | 'sandbox'; name: string; command: string }[];
  /** The system column as `lxc launch`, when the template has one. */
  lxcLaunch?: string;
  xml: string;
}

interface TwinReviewStepProps {
  templateName: string;
  /** For a same-userland twin: the image whose files the VM boots. */
  sameUserlandImage?: string | undefined;
  name: string;
  guests: { role: TwinRole; name: string }[];
  preview: TwinPreview | undefined;
  checking: boolean;
  error: unknown;
  onRecheck: () => void;
}

/** Step 3: what will be made, as the engines' own words: `docker run` lines and the domain XML. */
export function TwinReviewStep({
  templateName,
  sameUserlandImage,
  name,
  guests,
  preview,
  checking,
  error,
  onRecheck,
}: TwinReviewStepProps) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('twinWizard.review.template'), templateName],
    [t('twinWizard.name.label'), name],
    ...guests.map((guest): [string, string] => [t(`twinWizard.part.${guest.role}`), guest.name]),
    ...(sameUserlandImage
      ? [
          [
            t('twinWizard.review.vmBoots'),
            t('twinWizard.review.sameUserland', { image: sameUserlandImage }),
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <Stack gap="lg">
      <ReviewSummary facts={facts} />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('twinWizard.review.parallel')}
        </Text>
        <RecheckButton label={t('twinWizard.review.recheck')} checking={checking} onRecheck={onRecheck} />
      </Group>
      {preview ? (
        <>
          {preview.dockerRuns.map((run) => (
            <Stack gap="xs" key={run.role}>
              <Group justify="space-between" gap="sm">
                <Title order={3} fz="md">
                  {t(`twinWizard.review.dockerRun.${run.role}`)}
                </Title>
                <CopyTextButton value={run.command} label={t('twinWizard.review.copy')} />
              </Group>
              <ScrollingCode
                code={run.command}
                maxHeight={200}
                label={t(`twinWizard.review.dockerRun.${run.role}`)}
                testId={`docker-run-${run.role}`}
              />
              <NoNetworkNote dockerRun={run.command} />
            </Stack>
          ))}
          {preview.lxcLaunch && (
            <Stack gap="xs">
              <Group justify="space-between" gap="sm">
                <Title order={3} fz="md">
                  {t('twinWizard.review.lxcLaunch')}
                </Title>
                <CopyTextButton value={preview.lxcLaunch} label={t('twinWizard.review.copy')} />
              </Group>
              <ScrollingCode
                code={preview.lxcLaunch}
                maxHeight={200}
                label={t('twinWizard.review.lxcLaunch')}
                testId="lxc-launch"
              />
            </Stack>
          )}
          <Stack gap="xs">
            <Group justify="space-between" gap="sm">
              <Title order={3} fz="md">
                {t('twinWizard.review.xmlTitle')}
              </Title>
              <CopyTextButton value={preview.xml} label={t('twinWizard.review.copy')} />
            </Group>
            <Text size="sm" c="dimmed" data-testid="xml-placeholders">
              {t('vmWizard.review.explain.placeholders')}
            </Text>
            <ScrollingCode
              code={preview.xml}
              maxHeight={320}
              label={t('twinWizard.review.xmlTitle')}
              testId="domain-xml"
            />
          </Stack>
        </>
      ) : checking ? (
        <CheckingNote />
      ) : null}
      {error !== undefined && error !== null && (
        <ErrorAlert title={t('wizard.checkFailed')} error={error} onRetry={onRecheck} retrying={checking} />
      )}
    </Stack>
  );
}
