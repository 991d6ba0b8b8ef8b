import { Button, Group, Loader, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress, OperationStep } from '@shared/operations';

export type StepState = 'done' | 'current' | 'skipped' | 'waiting';

/** Where a step of a create stands, by its index and the current step's. */
export function stepState(step: OperationStep, index: number, current: number): StepState {
  return index < current || (step === 'done' && current === index)
    ? 'done'
    : index === current
      ? 'current'
      : 'waiting';
}

const iconSizes = {
  md: { loader: 18, theme: 20, check: 13 },
  sm: { loader: 16, theme: 18, check: 12 },
};

/** A step's mark; `sm` where several lists stand side by side. */
export function StepIcon({ state, size = 'md' }: { state: StepState; size?: keyof typeof iconSizes }) {
  const sizes = iconSizes[size];
  if (state === 'current') return <Loader size={sizes.loader} aria-hidden />;
  return (
    <ThemeIcon
      size={sizes.theme}
      radius="xl"
      variant={state === 'waiting' ? 'default' : 'light'}
      color={state === 'done' ? 'teal' : 'gray'}
      aria-hidden
    >
      {state === 'done' ? (
        <IconCheck size={sizes.check} />
      ) : state === 'skipped' ? (
        <IconPlayerSkipForward size={12} />
      ) : null}
    </ThemeIcon>
  );
}

interface CreateProgressFrameProps {
  title: string;
  /** The operation's current step, for tests; left out where each part has its own. */
  step?: OperationStep;
  cancelling: boolean;
  cancelDisabled?: boolean;
  onCancel: () => void;
  children: ReactNode;
}

/** A create's progress card: its title, its steps (the children) and a Cancel button. */
export function CreateProgressFrame({
  title,
  step,
  cancelling,
  cancelDisabled,
  onCancel,
  children,
}: CreateProgressFrameProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" data-testid="create-progress" data-step={step}>
      <Stack gap="md">
        <Text fw={650} role="status">
          {title}
        </Text>
        {children}
        <Group>
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={onCancel}
            loading={cancelling}
            disabled={cancelDisabled}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
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
    <CreateProgressFrame
      title={t('wizard.create.title', { name })}
      step={step}
      cancelling={cancelling}
      cancelDisabled={step === 'done'}
      onCancel={onCancel}
    >
      <Stack gap={10} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((each, index) => {
          const skipped = optionalSteps.has(each) && index < current && !seen.has(each);
          const state = skipped ? 'skipped' : stepState(each, index, current);
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
    </CreateProgressFrame>
  );
}
