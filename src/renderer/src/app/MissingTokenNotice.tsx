import { Code, Container, MantineProvider, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/**
 * Browser mode opened without its token (a bookmark, a copied address, a new tab): the page is
 * public, the API is not. Say where the full address is instead of waiting on a refused socket.
 */
export function MissingTokenNotice() {
  const { t } = useTranslation();
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Container size="sm" py={80} component="main">
        <Stack gap="md" align="flex-start">
          <IconKey size={40} stroke={1.5} aria-hidden />
          <Title order={1} size="h2">{t('browserMode.missingToken.title')}</Title>
          <Text>{t('browserMode.missingToken.body')}</Text>
          <Code block>npm run serve</Code>
          <Text c="dimmed" size="sm">
            {t('browserMode.missingToken.why')}
          </Text>
        </Stack>
      </Container>
    </MantineProvider>
  );
}
