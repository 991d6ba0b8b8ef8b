import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@shared/errors';
import type { Template } from '@shared/template';
import { useApi } from '../../data/ApiContext';
import { useCompareEnvironment } from '../../data/compare';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { templateText } from '../../data/template-text';
import { randomSuffix } from '../container/container-values';
import { CheckFailedAlert, useStepCheck, WizardFrame } from '../WizardFrame';
import { TwinCreateProgress } from './TwinCreateProgress';
import { TwinNameStep } from './TwinNameStep';
import { TwinReviewStep, type TwinPreview } from './TwinReviewStep';
import { TwinTemplateStep } from './TwinTemplateStep';
import { useTwinCreate } from './use-twin-create';
import {
  defaultTwinName,
  emptyTwinValues,
  sandboxRuntimeOf,
  twinContainerSpec,
  lxcLaunchCommand,
  twinGuestNames,
  twinNameProblem,
  twinWizardSteps,
  type TwinWizardValues,
} from './twin-values';

const isCancelled = (error: unknown) => error instanceof ApiError && /cancel/i.test(error.key);

/**
 * "New twin": Template → Name → Review → Create. One template becomes a container, a VM and,
 * when Docker has gVisor or Kata, a sandboxed container; Create follows every part's steps in one
 * view and ends on the Compare page of the new twin.
 */
export function NewTwinPage() {
  const { t } = useTranslation();
  const api = useApi();
  const catalog = useCatalog();
  const environment = useCompareEnvironment();
  const sandboxRuntime = sandboxRuntimeOf(environment.data?.sandboxRuntimes ?? []);

  const [suffix] = useState(() => randomSuffix());
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<TwinWizardValues>(emptyTwinValues);
  const [nameError, setNameError] = useState<string>();
  const [preview, setPreview] = useState<TwinPreview>();
  const { checking, checkError, setCheckError, runCheck } = useStepCheck();
  const { creating, cancelling, createError, progress, create, cancel } = useTwinCreate();
  const step = twinWizardSteps[active] ?? 'template';
  const template = catalog.data?.entries.find((entry) => entry.template.id === values.templateId)?.template;
  const withSandbox = sandboxRuntime !== undefined && values.sandbox;
  const guests = twinGuestNames(values.name, withSandbox, Boolean(template?.system));

  const pickTemplate = (picked: Template) => {
    setValues((current) => ({ ...current, templateId: picked.id, name: defaultTwinName(picked.id, suffix) }));
    setNameError(undefined);
    setPreview(undefined);
  };

  /** Asks main for each part's preview; its errors (a taken name…) are sentences to show. */
  const loadPreview = async (): Promise<boolean> => {
    if (!template) return false;
    return (
      (await runCheck(async () => {
        const containers = guests.filter((guest) => guest.role === 'container' || guest.role === 'sandbox');
        const system = guests.find((guest) => guest.role === 'system');
        const [runs, vm] = await Promise.all([
          Promise.all(
            containers.map((guest) =>
              api.call('containers.preview', {
                spec: twinContainerSpec(
                  template,
                  guest.name,
                  guest.role === 'sandbox' ? sandboxRuntime : undefined,
                ),
              }),
            ),
          ),
          api.call('vms.preview', { templateId: values.templateId, name: `${values.name}-vm` }),
        ]);
        setPreview({
          dockerRuns: containers.map((guest, index) => ({
            role: guest.role === 'sandbox' ? 'sandbox' : 'container',
            name: guest.name,
            command: runs[index]?.dockerRunMultiline ?? '',
          })),
          xml: vm.xml,
          ...(system &&
            template.system && {
              lxcLaunch: lxcLaunchCommand(template.system, system.name, template.id),
            }),
        });
        return true;
      })) ?? false
    );
  };

  const next = async () => {
    if (step === 'name') {
      const problem = twinNameProblem(values.name);
      if (problem) {
        setNameError(t(problem));
        return;
      }
      if (!(await loadPreview())) return;
    }
    setActive(active + 1);
  };

  return (
    <WizardFrame
      keyPrefix="twinWizard"
      steps={twinWizardSteps}
      active={active}
      onActive={setActive}
      checking={checking}
      creating={creating}
      createError={createError}
      cancelled={isCancelled(createError)}
      failedKey="twinWizard.create.failed"
      onNext={() => void next()}
      onCreate={() =>
        create({ templateId: values.templateId, name: values.name, sandbox: withSandbox ? 'auto' : 'off' })
      }
      createDisabled={checking || !preview}
      templateChosen={Boolean(values.templateId)}
    >
      {step !== 'review' && <CheckFailedAlert error={checkError} testId="step-problems" />}
      {step === 'template' && <TwinTemplateStep templateId={values.templateId} onPick={pickTemplate} />}
      {step === 'name' && (
        <TwinNameStep
          name={values.name}
          error={nameError}
          onName={(name) => {
            setValues((current) => ({ ...current, name }));
            setNameError(undefined);
            setCheckError(undefined);
            setPreview(undefined);
          }}
          sandboxRuntime={sandboxRuntime}
          sandbox={values.sandbox}
          withSystem={Boolean(template?.system)}
          onSandbox={(sandbox) => {
            setValues((current) => ({ ...current, sandbox }));
            setPreview(undefined);
          }}
        />
      )}
      {step === 'review' && (
        <TwinReviewStep
          templateName={template ? templateText(template, currentLocale()).name : values.templateId}
          sameUserlandImage={template?.vm?.userland ? template.container?.image : undefined}
          name={values.name}
          guests={guests}
          preview={preview}
          checking={checking}
          error={checkError}
          onRecheck={() => void loadPreview()}
        />
      )}
      {creating && (
        <TwinCreateProgress
          name={values.name}
          parts={guests}
          progress={progress}
          cancelling={cancelling}
          onCancel={cancel}
        />
      )}
    </WizardFrame>
  );
}
