import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: string;
  description?: string;
  /** Page-wide actions, shown to the right of the title. */
  actions?: ReactNode;
}

/** The page's one h1; it also names the window/tab, so the task bar says where the user is. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: title }));
  return (
    // Wraps: at the window's minimum width, or in a narrow column, the actions go under the title
    // instead of running off the right edge.
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg" mb="xl" data-testid="page-header">
      <Stack gap={4} miw={0} style={{ flex: '1 1 16rem' }}>
        <Title order={1} fz={26} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={680}>
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Box maw="100%" style={{ flex: '0 1 auto' }}>
          {actions}
        </Box>
      )}
    </Group>
  );
}
