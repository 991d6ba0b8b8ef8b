import { Button, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress, OperationStep } from '../../../shared/operations';

type StepState = 'done' | 'current' | 'skipped' | 'waiting';

function StepIcon({ state }: { state: StepState }) {
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

export interface CreateStepsProps {
  name: string;
  progress: OperationProgress | undefined;
  cancelling: boolean;
  onCancel: () => void;
}

interface CreateStepListProps extends CreateStepsProps {
  steps: readonly OperationStep[];
  /** Steps an operation may pass by; passed by unseen, they show as skipped. */
  optionalSteps: ReadonlySet<OperationStep>;
  /** i18n key prefix of the step names, and the key of the "skipped" note. */
  stepKeyPrefix: string;
  skippedKey: string;
  /** What a step shows under its name while it runs (a download's bar…). */
  detail: (step: OperationStep) => ReactNode;
}

/** A create operation as it goes: each step with its state, a step's detail, and a Cancel button. */
export function CreateStepList({
  name,
  progress,
  cancelling,
  onCancel,
  steps,
  optionalSteps,
  stepKeyPrefix,
  skippedKey,
  detail,
}: CreateStepListProps) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState<ReadonlySet<OperationStep>>(new Set());
  const step = progress?.step ?? 'validating';
  if (!seen.has(step)) setSeen(new Set([...seen, step]));
  const current = steps.indexOf(step);

  return (
    <Paper withBorder radius="md" p="lg" data-testid="create-progress" data-step={step}>
      <Stack gap="md">
        <Text fw={650} role="status">
          {t('wizard.create.title', { name })}
        </Text>
        <Stack gap={10} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((each, index) => {
            const skipped = optionalSteps.has(each) && index < current && !seen.has(each);
            const state: StepState = skipped
              ? 'skipped'
              : index < current || (each === 'done' && current === index)
                ? 'done'
                : index === current
                  ? 'current'
                  : 'waiting';
            return (
              <li key={each} aria-current={state === 'current' ? 'step' : undefined}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <StepIcon state={state} />
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Text
                      size="sm"
                      fw={state === 'current' ? 650 : 400}
                      c={state === 'waiting' ? 'dimmed' : undefined}
                    >
                      {t(`${stepKeyPrefix}.${each}`)}
                      {skipped && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t(skippedKey)}
                        </Text>
                      )}
                    </Text>
                    {detail(each)}
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
            disabled={step === 'done'}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
