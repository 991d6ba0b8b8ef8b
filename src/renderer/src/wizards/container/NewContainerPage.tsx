import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerPreview, SpecProblem } from '@shared/containers';
import { ApiError } from '@shared/errors';
import type { Template } from '@shared/template';
import { useApi } from '../../data/ApiContext';
import { CheckFailedAlert, useCreateGuest, useStepCheck, WizardFrame } from '../WizardFrame';
import {
  emptyValues,
  formFieldOf,
  formProblems,
  problemsUpTo,
  randomSuffix,
  stepOfField,
  toContainerSpec,
  valuesFromTemplate,
  wizardSteps,
  type ContainerWizardValues,
  type WizardStep,
} from './container-values';
import { CreateProgress } from './CreateProgress';
import { NetworkStep } from './NetworkStep';
import { useProblemText } from './problem-text';
import { ResourcesStep } from './ResourcesStep';
import { ReviewStep } from './ReviewStep';
import { TemplateStep } from './TemplateStep';

/** Fields each form step shows next to an input; its other problems are listed above the form. */
const placedFields: Record<WizardStep, RegExp> = {
  template: /^$/,
  resources: /^(name|memoryMiB|cpus|runtime)$/,
  network:
    /^(ports\.\d+\.(container|host)|volumes\.\d+\.(name|target|readOnly)|binds\.\d+\.(source|target)|env\.\d+\.name)$/,
  review: /^$/,
};

function focusFirstProblem(section: HTMLElement | null): void {
  const target = section?.querySelector<HTMLElement>('[aria-invalid="true"], [data-testid="step-problems"]');
  if (!target) return;
  if (target.tabIndex < 0 && !target.matches('input, select, textarea, button')) target.tabIndex = -1;
  target.focus();
}

const cancelledKeys = new Set(['containers.create.cancelled', 'containers.image.pullCancelled']);

/**
 * The "New container" wizard: Template → Resources → Network & storage → Review → Create.
 * The values live here; each Next checks them with `containers.validate` (the Review step with
 * `containers.preview`) and stays on the step while one of its fields has a problem.
 */
export function NewContainerPage() {
  const { t } = useTranslation();
  const api = useApi();
  const problemText = useProblemText();

  const [suffix] = useState(() => randomSuffix());
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<ContainerWizardValues>(emptyValues);
  const [problems, setProblems] = useState<SpecProblem[]>([]);
  const { checking, checkError, runCheck } = useStepCheck();
  const [preview, setPreview] = useState<ContainerPreview>();
  const sectionRef = useRef<HTMLElement>(null);
  const step = wizardSteps[active] ?? 'template';

  const { creating, cancelling, createError, progress, create, cancel } = useCreateGuest(
    (operationId, client) => client.call('containers.create', { spec: toContainerSpec(values), operationId }),
  );

  const change = (field: string, update: (current: ContainerWizardValues) => ContainerWizardValues) => {
    setValues(update);
    // The edited field's problems no longer apply; the others stay until the next check.
    setProblems((list) =>
      list.filter((problem) => {
        const formField = formFieldOf(problem.field, values);
        return formField !== field && !formField.startsWith(`${field}.`);
      }),
    );
    setPreview(undefined);
  };

  const pickTemplate = (template: Template) => {
    setValues(valuesFromTemplate(template, suffix));
    setProblems([]);
    setPreview(undefined);
  };

  /** Local and main's problems of the current values; the Review step also gets the preview. */
  const check = (forReview: boolean): Promise<SpecProblem[] | undefined> => {
    const local = formProblems(values);
    const spec = toContainerSpec(values);
    return runCheck(async () => {
      let found: SpecProblem[];
      if (forReview) {
        const result = await api.call('containers.preview', { spec });
        setPreview(result);
        found = [...local, ...result.problems];
      } else {
        found = [...local, ...(await api.call('containers.validate', { spec }))];
      }
      setProblems(found);
      return found;
    });
  };

  const next = async () => {
    if (step === 'template' && !values.templateId) {
      setProblems([
        {
          field: 'templateId',
          key: 'wizard.problem.templateRequired',
          params: {},
          message: 'Choose a template.',
        },
      ]);
      return;
    }
    const found = await check(active + 1 === wizardSteps.length - 1);
    if (!found) return;
    if (problemsUpTo(found, step).length === 0) setActive(active + 1);
    // Stay, and take the keyboard to the first field that needs fixing (or the list of problems).
    else requestAnimationFrame(() => focusFirstProblem(sectionRef.current));
  };

  const stepProblems = problemsUpTo(problems, step).filter((problem) => stepOfField(problem.field) === step);
  const errorFor = (field: string): string | undefined => {
    const messages = stepProblems
      .filter((problem) => formFieldOf(problem.field, values) === field)
      .map(problemText);
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const unplaced = stepProblems.filter(
    (problem) => !placedFields[step].test(formFieldOf(problem.field, values)),
  );
  const reviewProblems = problems;
  const cancelled = createError instanceof ApiError && cancelledKeys.has(createError.key);

  const formProps = { values, change, errorFor };

  return (
    <WizardFrame
      keyPrefix="wizard"
      steps={wizardSteps}
      active={active}
      onActive={setActive}
      sectionRef={sectionRef}
      checking={checking}
      creating={creating}
      createError={createError}
      cancelled={cancelled}
      failedKey="wizard.create.failed"
      onNext={() => void next()}
      onCreate={create}
      createDisabled={checking || !preview || reviewProblems.length > 0}
      templateChosen={Boolean(values.templateId)}
    >
      {step !== 'template' && step !== 'review' && unplaced.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('wizard.problemsTitle', { count: unplaced.length })}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="step-problems"
        >
          <Stack gap={4}>
            {unplaced.map((problem) => (
              <Text key={`${problem.field}:${problem.key}`} size="sm">
                {problemText(problem)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {step !== 'review' && <CheckFailedAlert error={checkError} />}

      {step === 'template' && (
        <TemplateStep
          values={values}
          problems={stepProblems}
          onPick={pickTemplate}
          onImported={() => void check(false)}
        />
      )}
      {step === 'resources' && <ResourcesStep {...formProps} />}
      {step === 'network' && <NetworkStep {...formProps} />}
      {step === 'review' && (
        <ReviewStep
          values={values}
          preview={preview}
          checking={checking}
          error={checkError}
          problems={reviewProblems}
          onRecheck={() => void check(true)}
          onFix={(target) => setActive(wizardSteps.indexOf(target))}
        />
      )}

      {creating && (
        <CreateProgress name={values.name} progress={progress} cancelling={cancelling} onCancel={cancel} />
      )}
    </WizardFrame>
  );
}
