import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Guest } from '@shared/guest';
import type { ApiClient } from '../api/client';
import { PageHeader } from '../components/PageHeader';
import { useOperation } from '../data/operations';
import { queryKeys } from '../data/queries';
import { useDescribeError } from '../i18n/describe-error';
import { focusConsoleState } from '../app/navigation-focus';

/**
 * A wizard's Create: runs the operation, follows its progress, lets it be cancelled, and opens the
 * new guest's console when it is done.
 */
export function useCreateGuest(start: (operationId: string, client: ApiClient) => Promise<Guest>) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const operation = useOperation();
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [createError, setCreateError] = useState<unknown>();

  const create = () => {
    setCreating(true);
    setCreateError(undefined);
    setCancelling(false);
    operation
      .run(start)
      .then((guest) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
        // Typing goes to the new guest: focus lands in its console, not on <body>.
        void navigate(`/guests/${guest.id}/console`, { state: focusConsoleState });
      })
      .catch((error: unknown) => {
        setCreateError(error);
        setCreating(false);
      });
  };

  const cancel = () => {
    setCancelling(true);
    operation.cancel().catch((error: unknown) => {
      setCancelling(false);
      setCreateError(error);
    });
  };

  return { creating, cancelling, createError, progress: operation.progress, create, cancel };
}

/**
 * A wizard's check of its values with main (validate, preview…): whether one runs, and the error of
 * the last one, kept to show rather than thrown.
 */
export function useStepCheck() {
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();

  /** Runs one check; undefined when it failed. */
  const runCheck = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setChecking(true);
    setCheckError(undefined);
    try {
      return await work();
    } catch (error) {
      setCheckError(error);
      return undefined;
    } finally {
      setChecking(false);
    }
  };

  return { checking, checkError, setCheckError, runCheck };
}

/** A failed check's error above a step's form (the Review step shows its own, with a retry). */
export function CheckFailedAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  if (error === undefined) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('wizard.checkFailed')} data-testid={testId}>
      <Text size="sm">{describeError(error)}</Text>
    </Alert>
  );
}

interface WizardFrameProps<S extends string> {
  /** i18n key prefix of the page's texts: `wizard` or `vmWizard`. */
  keyPrefix: string;
  steps: readonly S[];
  active: number;
  onActive: (index: number) => void;
  sectionRef?: Ref<HTMLElement>;
  checking: boolean;
  creating: boolean;
  createError: unknown;
  cancelled: boolean;
  /** The title of the create error that is not a cancellation. */
  failedKey: string;
  onNext: () => void;
  onCreate: () => void;
  createDisabled: boolean;
  /** Whether a template is picked; Next waits for one on the first step. */
  templateChosen: boolean;
  /** The step's problems, its form, and the create progress. */
  children: ReactNode;
}

/** A wizard's page: the stepper, the current step's card with its heading, and Back/Next/Create. */
export function WizardFrame<S extends string>({
  keyPrefix,
  steps,
  active,
  onActive,
  sectionRef,
  checking,
  creating,
  createError,
  cancelled,
  failedKey,
  onNext,
  onCreate,
  createDisabled,
  templateChosen,
  children,
}: WizardFrameProps<S>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const describeError = useDescribeError();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = steps[active] ?? 'template';

  // Each step starts with its heading focused, so screen readers announce where they are.
  const focusStep = useRef(false);
  useEffect(() => {
    if (focusStep.current) headingRef.current?.focus();
    focusStep.current = true;
  }, [active]);

  return (
    <>
      <PageHeader title={t(`${keyPrefix}.title`)} description={t(`${keyPrefix}.description`)} />
      <Stack gap="xl">
        <Stepper
          active={active}
          onStepClick={creating ? undefined : onActive}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t('wizard.stepsLabel')}
        >
          {steps.map((name) => (
            <Stepper.Step
              key={name}
              label={t(`${keyPrefix}.step.${name}`)}
              description={t(`${keyPrefix}.stepHint.${name}`)}
              aria-label={t(`${keyPrefix}.step.${name}`)}
            />
          ))}
        </Stepper>

        <Paper
          withBorder
          radius="lg"
          p="xl"
          component="section"
          aria-labelledby="wizard-step-title"
          ref={sectionRef}
        >
          <Stack gap="lg">
            <Stack gap={4}>
              <Title
                order={2}
                fz="xl"
                id="wizard-step-title"
                ref={headingRef}
                tabIndex={-1}
                style={{ outline: 'none' }}
                data-step={step}
              >
                {t(`${keyPrefix}.step.${step}`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`${keyPrefix}.stepIntro.${step}`)}
              </Text>
            </Stack>

            {children}

            {createError !== undefined && !creating && (
              <Alert
                color={cancelled ? 'gray' : 'red'}
                variant="light"
                role="alert"
                title={t(cancelled ? 'wizard.create.cancelled' : failedKey)}
                data-testid="create-error"
              >
                <Text size="sm">{describeError(createError)}</Text>
              </Alert>
            )}

            {!creating && (
              <Group justify="space-between" gap="sm" pt="xs">
                <Button variant="subtle" color="gray" onClick={() => void navigate('/lab')}>
                  {t('common.cancel')}
                </Button>
                <Group gap="sm">
                  {active > 0 && (
                    <Button
                      variant="default"
                      leftSection={<IconArrowLeft size={16} aria-hidden />}
                      onClick={() => onActive(active - 1)}
                    >
                      {t('wizard.back')}
                    </Button>
                  )}
                  {step === 'review' ? (
                    <Button
                      leftSection={<IconRocket size={16} aria-hidden />}
                      onClick={onCreate}
                      disabled={createDisabled}
                      data-testid="wizard-create"
                    >
                      {t('wizard.create.submit')}
                    </Button>
                  ) : (
                    <Button
                      rightSection={<IconArrowRight size={16} aria-hidden />}
                      onClick={onNext}
                      loading={checking}
                      disabled={step === 'template' && !templateChosen}
                      data-testid="wizard-next"
                    >
                      {t('wizard.next')}
                    </Button>
                  )}
                </Group>
              </Group>
            )}
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}
