import { Alert, Badge, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemImage } from '@shared/systems';
import type { Template } from '@shared/template';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useCatalog } from '../../data/queries';
import { useSystemImages } from '../../data/systems';
import { templateText } from '../../data/template-text';
import { currentLocale } from '../../i18n';
import { formatBytes } from '../../lib/format/bytes';
import { imageChoice, templateChoice } from './system-values';
import { formatNumber } from '../../lib/format/number';

interface SystemTemplateStepProps {
  choice: string;
  onTemplate: (template: Template) => void;
  onImage: (image: SystemImage) => void;
}

function ChoiceCard({
  value,
  title,
  description,
  testId,
  children,
}: {
  value: string;
  title: string;
  description: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Radio.Card value={value} radius="md" p="md" className="choice-card" data-testid={testId}>
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Radio.Indicator mt={3} />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={650} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
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

/**
 * Step 1: every template with a system side, then every container image already in LXD's store,
 * in one radio group (one choice), as lxd-ui's Create instance offers both.
 */
export function SystemTemplateStep({ choice, onTemplate, onImage }: SystemTemplateStepProps) {
  const { t, i18n } = useTranslation();
  const catalog = useCatalog();
  const images = useSystemImages();
  if (catalog.isPending) return <LoadingState label={t('templates.loading')} />;
  if (catalog.isError)
    return (
      <ErrorAlert
        title={t('templates.loadFailed')}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
        retrying={catalog.isFetching}
      />
    );
  const templates = catalog.data.entries.map((entry) => entry.template).filter((template) => template.system);
  const stored = images.data ?? [];

  return (
    <Radio.Group
      value={choice || null}
      onChange={(value) => {
        const template = templates.find((each) => templateChoice(each.id) === value);
        if (template) onTemplate(template);
        const image = stored.find((each) => imageChoice(each.fingerprint) === value);
        if (image) onImage(image);
      }}
      label={t('systemWizard.template.label')}
      description={t('systemWizard.template.hint')}
    >
      <Stack gap="lg" mt="sm">
        <Stack gap="xs" component="section" aria-labelledby="system-templates-heading">
          <Title order={3} fz="md" id="system-templates-heading">
            {t('systemWizard.template.templates')}
          </Title>
          {templates.length === 0 ? (
            <Alert color="yellow" variant="light" title={t('systemWizard.template.noneTitle')}>
              {t('systemWizard.template.none')}
            </Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {templates.map((template) => {
                const text = templateText(template, currentLocale());
                return (
                  <ChoiceCard
                    key={template.id}
                    value={templateChoice(template.id)}
                    title={text.name}
                    description={text.description}
                    testId={`template-option-${template.id}`}
                  >
                    <Badge variant="outline" color="cyan" tt="none" ff="monospace">
                      {template.system?.image}
                    </Badge>
                    {template.system?.memoryMiB !== undefined && (
                      <Badge variant="light" color="cyan" tt="none">
                        {t('templates.memory', {
                          value: formatNumber(template.system.memoryMiB, i18n.language),
                        })}
                      </Badge>
                    )}
                  </ChoiceCard>
                );
              })}
            </SimpleGrid>
          )}
        </Stack>

        <Stack gap="xs" component="section" aria-labelledby="system-images-heading">
          <Title order={3} fz="md" id="system-images-heading">
            {t('systemWizard.template.images')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('systemWizard.template.imagesHint')}
          </Text>
          {images.isPending ? (
            <LoadingState label={t('systemWizard.template.imagesLoading')} />
          ) : images.isError ? (
            <ErrorAlert
              title={t('systemWizard.template.imagesFailed')}
              error={images.error}
              onRetry={() => void images.refetch()}
              retrying={images.isFetching}
            />
          ) : stored.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('systemWizard.template.noImages')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {stored.map((image) => (
                <ChoiceCard
                  key={image.fingerprint}
                  value={imageChoice(image.fingerprint)}
                  title={image.aliases[0] ?? image.fingerprint.slice(0, 12)}
                  description={image.description}
                  testId={`image-option-${image.fingerprint.slice(0, 12)}`}
                >
                  <Badge variant="outline" color="gray" tt="none" ff="monospace">
                    {image.fingerprint.slice(0, 12)}
                  </Badge>
                  <Badge variant="light" color="gray" tt="none">
                    {formatBytes(image.sizeBytes, i18n.language)}
                  </Badge>
                  {image.architecture && (
                    <Badge variant="light" color="gray" tt="none">
                      {image.architecture}
                    </Badge>
                  )}
                </ChoiceCard>
              ))}
            </SimpleGrid>
          )}
        </Stack>
      </Stack>
    </Radio.Group>
  );
}
