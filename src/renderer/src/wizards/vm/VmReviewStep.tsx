import { Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import { CopyTextButton, ScrollingCode } from '../../components/CopyCode';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLocale } from '../../i18n';
import { templateText } from '../../data/template-text';
import { CheckingNote, RecheckButton, ReviewSummary } from '../review-parts';
import { bootKindOf, factsOfXml } from './vm-values';
import { formatNumber } from '../../lib/format/number';

interface VmReviewStepProps {
  name: string;
  template: Template | undefined;
  xml: string | undefined;
  checking: boolean;
  error: unknown;
  onRecheck: () => void;
}

/** One paragraph that reads the XML aloud: the accelerator, how it boots, where its console is. */
function XmlExplanation({ xml }: { xml: string }) {
  const { t } = useTranslation();
  const facts = factsOfXml(xml);
  const sentences = [
    t(`vmWizard.review.explain.${facts.accelerator}`),
    facts.directKernel
      ? t(facts.hasInitrd ? 'vmWizard.review.explain.kernelInitrd' : 'vmWizard.review.explain.kernel')
      : facts.hasDisk
        ? t('vmWizard.review.explain.disk')
        : undefined,
    facts.serialConsole ? t('vmWizard.review.explain.serial') : undefined,
    t(`vmWizard.review.explain.network.${facts.network}`),
    t('vmWizard.review.explain.metadata'),
    t('vmWizard.review.explain.placeholders'),
  ];
  // XML tags and attributes read as code inside the sentences.
  const parts = sentences
    .filter(Boolean)
    .join(' ')
    .split(/(<[a-z]+(?: type='\w+')?>|type='\w+'|twinlab:)/);
  return (
    <Text size="sm" lh={1.7} data-testid="xml-explanation">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Code key={index} fz="xs">
            {part}
          </Code>
        ) : (
          part
        ),
      )}
    </Text>
  );
}

/** Step 4: what will be created and the libvirt domain XML that describes it. */
export function VmReviewStep({ name, template, xml, checking, error, onRecheck }: VmReviewStepProps) {
  const { t, i18n } = useTranslation();
  const vm = template?.vm;
  const facts: [string, string][] = [
    [t('vmWizard.review.template'), template ? templateText(template, currentLocale()).name : ''],
    [t('vmWizard.resources.name'), name],
    ...(vm
      ? ([
          [t('vmWizard.resources.vcpus'), t('templates.vcpus', { count: vm.vcpus })],
          [
            t('vmWizard.resources.memory'),
            t('templates.memory', { value: formatNumber(vm.memoryMiB, i18n.language) }),
          ],
          [t('vmWizard.review.boot'), t(`vmWizard.boot.${bootKindOf(vm)}`)],
        ] satisfies [string, string][])
      : []),
    ...(vm?.cloudInit
      ? ([
          [
            t('vmWizard.review.login'),
            vm.cloudInit.password === undefined
              ? t('vmWizard.review.loginGenerated', { user: vm.cloudInit.user })
              : t('vmWizard.review.loginFixed', { user: vm.cloudInit.user, password: vm.cloudInit.password }),
          ],
        ] satisfies [string, string][])
      : []),
  ];

  return (
    <Stack gap="lg">
      <ReviewSummary facts={facts} />

      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Title order={3} fz="md">
            {t('vmWizard.review.xmlTitle')}
          </Title>
          <Group gap="xs">
            <RecheckButton label={t('vmWizard.review.recheck')} checking={checking} onRecheck={onRecheck} />
            {xml && <CopyTextButton value={xml} label={t('vmWizard.review.copyXml')} />}
          </Group>
        </Group>
        {xml ? (
          <>
            <XmlExplanation xml={xml} />
            <ScrollingCode
              code={xml}
              maxHeight={360}
              label={t('vmWizard.review.xmlLabel')}
              testId="domain-xml"
            />
          </>
        ) : checking ? (
          <CheckingNote />
        ) : null}
      </Stack>

      {error !== undefined && error !== null && (
        <ErrorAlert title={t('wizard.checkFailed')} error={error} onRetry={onRecheck} retrying={checking} />
      )}
    </Stack>
  );
}
