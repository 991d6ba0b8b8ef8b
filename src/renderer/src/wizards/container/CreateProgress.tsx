import { Button, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress, OperationStep } from '../../../../shared/operations';
import { formatBytes } from '../../status/format-bytes';
import { formatSeconds } from '../../status/format-time';

const steps: readonly OperationStep[] = ['validating', 'pulling', 'creating', 'starting', 'done'];

interface CreateProgressProps {
  name: string;
  progress: OperationProgress | undefined;
  cancelling: boolean;
  onCancel: () => void;
}

function StepIcon({ state }: { state: 'done' | 'current' | 'skipped' | 'waiting' }) {
  if (state === 'current') return <Loader size={18} aria-hidden />;
  return (
    <ThemeIcon
      size={20}
      radius="xl"
      variant={state === 'waiting' ? 'default' : 'light'}
      color={state === 'done' ? 'teal' : 'gray'}
      aria-hidden
    >
      {state === 'done' ? (
        <IconCheck size={13} />
      ) : state === 'skipped' ? (
        <IconPlayerSkipForward size={12} />
      ) : null}
    </ThemeIcon>
  );
}

/** The create operation as it goes: each step, the pull's bar and time left, and a Cancel button. */
export function CreateProgress({ name, progress, cancelling, onCancel }: CreateProgressProps) {
  const { t, i18n } = useTranslation();
  const [sawPull, setSawPull] = useState(false);
  if (progress?.step === 'pulling' && !sawPull) setSawPull(true);
  const current = steps.indexOf(progress?.step ?? 'validating');
  const pull = progress?.step === 'pulling' ? progress.pull : undefined;

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      data-testid="create-progress"
      data-step={progress?.step ?? 'validating'}
    >
      <Stack gap="md">
        <Text fw={650} role="status">
          {t('wizard.create.title', { name })}
        </Text>
        <Stack gap={10} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step, index) => {
            const skipped = step === 'pulling' && index < current && !sawPull;
            const state = skipped
              ? 'skipped'
              : index < current || (step === 'done' && current === index)
                ? 'done'
                : index === current
                  ? 'current'
                  : 'waiting';
            return (
              <li key={step} aria-current={state === 'current' ? 'step' : undefined}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <StepIcon state={state} />
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text
                      size="sm"
                      fw={state === 'current' ? 650 : 400}
                      c={state === 'waiting' ? 'dimmed' : undefined}
                    >
                      {t(`wizard.create.step.${step}`)}
                      {skipped && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t('wizard.create.pullSkipped')}
                        </Text>
                      )}
                    </Text>
                    {step === 'pulling' && pull && (
                      <Stack gap={4} maw={520}>
                        <Progress
                          value={pull.percent}
                          animated
                          aria-label={t('wizard.create.pullProgress')}
                          aria-valuetext={`${Math.round(pull.percent)}%`}
                        />
                        <Text size="xs" c="dimmed">
                          {[
                            `${Math.round(pull.percent)}%`,
                            pull.bytesTotal > 0
                              ? t('wizard.create.bytes', {
                                  done: formatBytes(pull.bytesDone, i18n.language),
                                  total: formatBytes(pull.bytesTotal, i18n.language),
                                })
                              : undefined,
                            pull.bytesPerSecond
                              ? `${formatBytes(pull.bytesPerSecond, i18n.language)}/s`
                              : undefined,
                            pull.etaSeconds !== undefined
                              ? t('wizard.create.eta', {
                                  time: formatSeconds(pull.etaSeconds, i18n.language),
                                })
                              : undefined,
                            t('wizard.create.layers', { done: pull.layersDone, total: pull.layersTotal }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Stack>
                    )}
                  </Stack>
                </Group>
              </li>
            );
          })}
        </Stack>
        <Group>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={onCancel}
            loading={cancelling}
            disabled={progress?.step === 'done'}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
