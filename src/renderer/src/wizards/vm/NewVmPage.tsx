import { Alert, Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconRocket } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../../shared/errors';
import type { Template } from '../../../../shared/template';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../data/ApiContext';
import { useOperation } from '../../data/operations';
import { queryKeys, useCatalog } from '../../data/queries';
import { useDescribeError } from '../../i18n/describe-error';
import { randomSuffix } from '../container/container-values';
import { VmCreateProgress } from './VmCreateProgress';
import { VmNetworkStep } from './VmNetworkStep';
import { VmResourcesStep } from './VmResourcesStep';
import { VmReviewStep } from './VmReviewStep';
import { VmTemplateStep } from './VmTemplateStep';
import {
  emptyVmValues,
  factsOfXml,
  valuesFromVmTemplate,
  vmNameProblem,
  vmWizardSteps,
  type VmWizardValues,
} from './vm-values';

const isCancelled = (error: unknown) =>
  error instanceof ApiError && (/cancel/i.test(error.key) || error.key === 'vms.error.downloadCancelled');

/**
 * The "New VM" wizard: Template → Resources → Network → Review → Create. The create API takes the
 * template's vCPUs and memory, so the form asks only for a name; the preview (the libvirt domain
 * XML) is fetched when leaving Resources, which also checks the name against main's rules.
 */
export function NewVmPage() {
  const { t } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describeError = useDescribeError();
  const operation = useOperation();
  const catalog = useCatalog();

  const [suffix] = useState(() => randomSuffix());
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<VmWizardValues>(emptyVmValues);
  const [nameError, setNameError] = useState<string>();
  const [xml, setXml] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>();
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [createError, setCreateError] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = vmWizardSteps[active] ?? 'template';
  const template = catalog.data?.entries.find((entry) => entry.template.id === values.templateId)?.template;

  const focusStep = useRef(false);
  useEffect(() => {
    if (focusStep.current) headingRef.current?.focus();
    focusStep.current = true;
  }, [active]);

  const pickTemplate = (picked: Template) => {
    setValues(valuesFromVmTemplate(picked, suffix));
    setNameError(undefined);
    setXml(undefined);
    setCheckError(undefined);
  };

  const setName = (name: string) => {
    setValues((current) => ({ ...current, name }));
    setNameError(undefined);
    setXml(undefined);
    setCheckError(undefined);
  };

  /** Asks main for the domain XML; its errors (a bad or taken name…) are sentences to show. */
  const preview = async (): Promise<boolean> => {
    setChecking(true);
    setCheckError(undefined);
    try {
      const result = await api.call('vms.preview', { templateId: values.templateId, name: values.name });
      setXml(result.xml);
      return true;
    } catch (error) {
      setCheckError(error);
      return false;
    } finally {
      setChecking(false);
    }
  };

  const next = async () => {
    if (step === 'resources') {
      const problem = vmNameProblem(values.name);
      if (problem) {
        setNameError(t(problem));
        return;
      }
      if (!(await preview())) return;
    }
    if (step === 'network' && !xml && !(await preview())) return;
    setActive(active + 1);
  };

  const create = () => {
    setCreating(true);
    setCreateError(undefined);
    setCancelling(false);
    operation
      .run((operationId, client) =>
        client.call('vms.create', { templateId: values.templateId, name: values.name, operationId }),
      )
      .then((guest) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
        void navigate(`/guests/${guest.id}/console`);
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

  const cancelled = isCancelled(createError);

  return (
    <>
      <PageHeader title={t('vmWizard.title')} description={t('vmWizard.description')} />
      <Stack gap="xl">
        <Stepper
          active={active}
          onStepClick={creating ? undefined : setActive}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t('wizard.stepsLabel')}
        >
          {vmWizardSteps.map((name) => (
            <Stepper.Step
              key={name}
              label={t(`vmWizard.step.${name}`)}
              description={t(`vmWizard.stepHint.${name}`)}
              aria-label={t(`vmWizard.step.${name}`)}
            />
          ))}
        </Stepper>

        <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="wizard-step-title">
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
                {t(`vmWizard.step.${step}`)}
              </Title>
              <Text size="sm" c="dimmed">
                {t(`vmWizard.stepIntro.${step}`)}
              </Text>
            </Stack>

            {checkError !== undefined && step !== 'review' && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={t('wizard.checkFailed')}
                data-testid="step-problems"
              >
                <Text size="sm">{describeError(checkError)}</Text>
              </Alert>
            )}

            {step === 'template' && <VmTemplateStep templateId={values.templateId} onPick={pickTemplate} />}
            {step === 'resources' && (
              <VmResourcesStep name={values.name} vm={template?.vm} error={nameError} onName={setName} />
            )}
            {step === 'network' && (
              <VmNetworkStep vm={template?.vm} network={xml ? factsOfXml(xml).network : undefined} />
            )}
            {step === 'review' && (
              <VmReviewStep
                name={values.name}
                template={template}
                xml={xml}
                checking={checking}
                error={checkError}
                onRecheck={() => void preview()}
              />
            )}

            {creating && (
              <VmCreateProgress
                name={values.name}
                progress={operation.progress}
                cancelling={cancelling}
                onCancel={cancel}
              />
            )}
            {createError !== undefined && !creating && (
              <Alert
                color={cancelled ? 'gray' : 'red'}
                variant="light"
                role="alert"
                title={t(cancelled ? 'wizard.create.cancelled' : 'vmWizard.create.failed')}
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
                      onClick={() => setActive(active - 1)}
                    >
                      {t('wizard.back')}
                    </Button>
                  )}
                  {step === 'review' ? (
                    <Button
                      leftSection={<IconRocket size={16} aria-hidden />}
                      onClick={create}
                      disabled={checking || !xml}
                      data-testid="wizard-create"
                    >
                      {t('wizard.create.submit')}
                    </Button>
                  ) : (
                    <Button
                      rightSection={<IconArrowRight size={16} aria-hidden />}
                      onClick={() => void next()}
                      loading={checking}
                      disabled={step === 'template' && !values.templateId}
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
