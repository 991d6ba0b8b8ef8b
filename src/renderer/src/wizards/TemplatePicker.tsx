import { Alert, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/template';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { useCatalog } from '../data/queries';
import { currentLocale } from '../i18n';
import { templateText } from '../data/template-text';

interface TemplatePickerProps {
  /** The side a template needs to be listed: a container, a VM, or both (a twin). */
  side: 'container' | 'vm' | 'both';
  /** i18n key prefix of the texts: `wizard` or `vmWizard`. */
  keyPrefix: string;
  templateId: string;
  onPick: (template: Template) => void;
  /** What a card shows under its name (the image, the sizes…), as badges. */
  badges: (template: Template) => ReactNode;
  /** Shown under the cards once the catalog is there (a step's problems…). */
  children?: ReactNode;
}

/**
 * One template as a radio card. `tabStop`: the one card Tab reaches (the chosen one, else the first);
 * the arrow keys move between cards, as in any radio group.
 */
function TemplateCard({
  template,
  tabStop,
  children,
}: {
  template: Template;
  tabStop: boolean;
  children: ReactNode;
}) {
  const { name, description } = templateText(template, currentLocale());
  return (
    <Radio.Card
      value={template.id}
      radius="md"
      p="md"
      className="choice-card"
      tabIndex={tabStop ? 0 : -1}
      data-testid={`template-option-${template.id}`}
    >
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Radio.Indicator mt={3} />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={650}>{name}</Text>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          <Group gap={6}>{children}</Group>
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** A wizard's first step: the catalog's templates with the wanted side, as radio cards. */
export function TemplatePicker({
  side,
  keyPrefix,
  templateId,
  onPick,
  badges,
  children,
}: TemplatePickerProps) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  if (catalog.isPending) return <LoadingState label={t('templates.loading')} />;
  if (catalog.isError) {
    return (
      <ErrorAlert
        title={t('templates.loadFailed')}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
        retrying={catalog.isFetching}
      />
    );
  }
  const templates = catalog.data.entries
    .map((entry) => entry.template)
    .filter((template) => (side === 'both' ? template.container && template.vm : template[side]));
  if (templates.length === 0) {
    return (
      <Alert color="yellow" variant="light" title={t(`${keyPrefix}.template.noneTitle`)}>
        {t(`${keyPrefix}.template.none`)}
      </Alert>
    );
  }
  const chosen = templates.some((template) => template.id === templateId);
  const group = (
    <Radio.Group
      value={templateId || null}
      onChange={(id) => {
        const template = templates.find((candidate) => candidate.id === id);
        if (template) onPick(template);
      }}
      label={t(`${keyPrefix}.template.label`)}
      description={t(`${keyPrefix}.template.hint`)}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        {templates.map((template, index) => (
          <TemplateCard
            key={template.id}
            template={template}
            tabStop={chosen ? template.id === templateId : index === 0}
          >
            {badges(template)}
          </TemplateCard>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
  if (children === undefined) return group;
  return (
    <Stack gap="md">
      {group}
      {children}
    </Stack>
  );
}
