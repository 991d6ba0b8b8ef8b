import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@shared/errors';
import type { SystemPreview } from '@shared/systems';
import { useApi } from '../../data/ApiContext';
import { useCatalog } from '../../data/queries';
import { useLxdCheck } from '../../data/systems';
import { templateText } from '../../data/template-text';
import { currentLocale } from '../../i18n';
import { randomSuffix } from '../container/container-values';
import { CheckFailedAlert, useCreateGuest, useStepCheck, WizardFrame } from '../WizardFrame';
import { LxdUnavailableNote } from './LxdUnavailableNote';
import { SystemCreateProgress } from './SystemCreateProgress';
import { SystemResourcesStep } from './SystemResourcesStep';
import { SystemReviewStep } from './SystemReviewStep';
import { SystemTemplateStep } from './SystemTemplateStep';
import {
  emptySystemValues,
  systemValuesProblems,
  systemWizardSteps,
  toSystemSpec,
  valuesFromImage,
  valuesFromTemplate,
  type SystemWizardValues,
} from './system-values';

/**
 * The "New system container" wizard: Template → Resources → Review → Create, then the new
 * instance's console. Leaving Resources asks main for the preview, which checks everything LXD
 * would refuse (name taken, image missing, limits beyond this computer, LXD not ready) first.
 */
export function NewSystemPage() {
  const { t } = useTranslation();
  const api = useApi();
  const catalog = useCatalog();
  const lxd = useLxdCheck();

  const [suffix] = useState(() => randomSuffix());
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<SystemWizardValues>(emptySystemValues);
  const [showProblems, setShowProblems] = useState(false);
  const [preview, setPreview] = useState<SystemPreview>();
  const { checking, checkError, setCheckError, runCheck } = useStepCheck();
  const step = systemWizardSteps[active] ?? 'template';
  const source = values.source;
  const template =
    source?.kind === 'template'
      ? catalog.data?.entries.find((entry) => entry.template.id === source.templateId)?.template
      : undefined;
  const problems = systemValuesProblems(values);
  const problemText = showProblems
    ? Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]))
    : {};

  const { creating, cancelling, createError, progress, create, cancel } = useCreateGuest(
    (operationId, client) => {
      if (!source) throw new Error('no source chosen');
      return client.call('systems.create', { spec: toSystemSpec({ ...values, source }), operationId });
    },
  );

  const replace = (next: SystemWizardValues) => {
    setValues(next);
    setShowProblems(false);
    setPreview(undefined);
    setCheckError(undefined);
  };

  const change = (update: Partial<SystemWizardValues>) => replace({ ...values, ...update });

  /** Main's check of the whole spec; its refusals are sentences to show. */
  const check = async (): Promise<boolean> =>
    (await runCheck(async () => {
      if (!source) return false;
      setPreview(await api.call('systems.preview', { spec: toSystemSpec({ ...values, source }) }));
      return true;
    })) ?? false;

  const next = async () => {
    if (step === 'resources') {
      setShowProblems(true);
      if (Object.keys(problems).length > 0 || !(await check())) return;
    }
    setActive(active + 1);
  };

  return (
    <WizardFrame
      keyPrefix="systemWizard"
      steps={systemWizardSteps}
      active={active}
      onActive={setActive}
      checking={checking}
      creating={creating}
      createError={createError}
      cancelled={createError instanceof ApiError && createError.key === 'systems.error.cancelled'}
      failedKey="systemWizard.create.failed"
      onNext={() => void next()}
      onCreate={create}
      createDisabled={checking || !preview}
      templateChosen={Boolean(source)}
    >
      {lxd && lxd.status !== 'ok' && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconPlugConnectedX size={18} aria-hidden />}
          title={t('systemWizard.unavailable.title')}
        >
          <LxdUnavailableNote check={lxd} />
        </Alert>
      )}
      {step !== 'review' && <CheckFailedAlert error={checkError} testId="step-problems" />}

      {step === 'template' && (
        <SystemTemplateStep
          choice={values.choice}
          onTemplate={(picked) => replace(valuesFromTemplate(picked, suffix))}
          onImage={(image) => replace(valuesFromImage(image, suffix))}
        />
      )}
      {step === 'resources' && <SystemResourcesStep values={values} errors={problemText} onChange={change} />}
      {step === 'review' && (
        <SystemReviewStep
          values={values}
          templateName={template ? templateText(template, currentLocale()).name : undefined}
          preview={preview}
          checking={checking}
          error={checkError}
          onRecheck={() => void check()}
        />
      )}

      {creating && (
        <SystemCreateProgress
          name={values.name}
          progress={progress}
          cancelling={cancelling}
          onCancel={cancel}
        />
      )}
    </WizardFrame>
  );
}
