import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@shared/errors';
import type { Template } from '@shared/template';
import { useApi } from '../../data/ApiContext';
import { useCatalog } from '../../data/queries';
import { randomSuffix } from '../container/container-values';
import { CheckFailedAlert, useCreateGuest, useStepCheck, WizardFrame } from '../WizardFrame';
import { VmCreateProgress } from './VmCreateProgress';
import { VmNetworkStep } from './VmNetworkStep';
import { VmResourcesStep } from './VmResourcesStep';
import { VmReviewStep } from './VmReviewStep';
import { VmTemplateStep } from './VmTemplateStep';
import { VmOfflineAlert } from './VmOfflineAlert';
import { useVmAvailability } from '../../data/vm-availability';
import { templateText } from '../../data/template-text';
import { currentLocale } from '../../i18n';
import type { VmTemplateAvailability } from '@shared/vm-availability';
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
  const catalog = useCatalog();

  const [suffix] = useState(() => randomSuffix());
  const [active, setActive] = useState(0);
  const [values, setValues] = useState<VmWizardValues>(emptyVmValues);
  const [nameError, setNameError] = useState<string>();
  const [xml, setXml] = useState<string>();
  const availability = useVmAvailability();
  /** The chosen template's image can be had neither from the cache nor the network: Next said why. */
  const [offline, setOffline] = useState<VmTemplateAvailability>();
  const { checking, checkError, setCheckError, runCheck } = useStepCheck();
  const step = vmWizardSteps[active] ?? 'template';
  const template = catalog.data?.entries.find((entry) => entry.template.id === values.templateId)?.template;

  const { creating, cancelling, createError, progress, create, cancel } = useCreateGuest(
    (operationId, client) =>
      client.call('vms.create', { templateId: values.templateId, name: values.name, operationId }),
  );

  const pickTemplate = (picked: Template) => {
    setValues(valuesFromVmTemplate(picked, suffix));
    setOffline(undefined);
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
  const preview = async (): Promise<boolean> =>
    (await runCheck(async () => {
      const result = await api.call('vms.preview', { templateId: values.templateId, name: values.name });
      setXml(result.xml);
      return true;
    })) ?? false;

  /** Before the Template step is left: refuses an image that can be neither found nor fetched now. */
  const imageAvailable = async (): Promise<boolean> => {
    const checked = await runCheck(async () => {
      const fresh = await api.call('vms.availability', { templateIds: [values.templateId] });
      // A template that boots a kernel or the container's userland is not listed: nothing to fetch.
      return { image: fresh.find((each) => each.templateId === values.templateId) };
    });
    if (!checked) return false; // the check's own error is shown
    setOffline(checked.image?.state === 'unreachable' ? checked.image : undefined);
    return checked.image?.state !== 'unreachable';
  };

  const next = async () => {
    if (step === 'template' && !(await imageAvailable())) return;
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

  const cancelled = isCancelled(createError);

  return (
    <WizardFrame
      keyPrefix="vmWizard"
      steps={vmWizardSteps}
      active={active}
      onActive={setActive}
      checking={checking}
      creating={creating}
      createError={createError}
      cancelled={cancelled}
      failedKey="vmWizard.create.failed"
      onNext={() => void next()}
      onCreate={create}
      createDisabled={checking || !xml}
      templateChosen={Boolean(values.templateId)}
    >
      {step !== 'review' && <CheckFailedAlert error={checkError} testId="step-problems" />}

      {step === 'template' && (
        <VmTemplateStep templateId={values.templateId} onPick={pickTemplate} availability={availability.data}>
          {offline && template && (
            <VmOfflineAlert
              templateName={templateText(template, currentLocale()).name}
              availability={offline}
            />
          )}
        </VmTemplateStep>
      )}
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
        <VmCreateProgress name={values.name} progress={progress} cancelling={cancelling} onCancel={cancel} />
      )}
    </WizardFrame>
  );
}
