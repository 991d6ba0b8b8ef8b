import { Badge, Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry, TemplateSource } from '@shared/template';
import { currentLocale } from '../../i18n';
import { SideSummary } from './SideSummary';
import { templateText } from '../../data/template-text';

const sourceColor: Record<TemplateSource, string> = { builtin: 'gray', user: 'blue', extra: 'grape' };

export function TemplateCard({ entry }: { entry: CatalogEntry }) {
  const { t } = useTranslation();
  const { template, source, file } = entry;
  const { name, description } = templateText(template, currentLocale());
  return (
    <Card withBorder radius="md" padding="lg" component="article" data-testid={`template-${template.id}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" fw={650}>
              {name}
            </Title>
            <Text size="xs" c="dimmed" ff="monospace">
              {template.id}
            </Text>
          </Stack>
          <Badge color={sourceColor[source]} variant="light" size="sm" style={{ flex: 'none' }}>
            {t(`templates.source.${source}`)}
          </Badge>
        </Group>
        {description && <Text size="sm">{description}</Text>}
        <Box
          mt="auto"
          pt="xs"
          style={{
            display: 'grid',
            gridTemplateColumns: 'auto auto 1fr',
            alignItems: 'center',
            gap: '8px 10px',
          }}
        >
          <SideSummary template={template} side="container" />
          <SideSummary template={template} side="vm" />
          {/* LXD is optional: the system row shows only for templates that have the side. */}
          {template.system && <SideSummary template={template} side="system" />}
        </Box>
        {template.tags.length > 0 && (
          <Group gap={4}>
            {template.tags.map((tag) => (
              <Badge key={tag} size="xs" variant="default" tt="none" fw={500}>
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed" truncate="start" title={file}>
          {t('templates.file', { file })}
        </Text>
      </Stack>
    </Card>
  );
}
