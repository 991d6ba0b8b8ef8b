import { Button, Code, CopyButton, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useContainerInspect } from '../../data/guests';

/** `docker inspect` as Docker returns it, to read and to copy. */
export function InspectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const inspect = useContainerInspect(id);
  if (inspect.isPending) return <LoadingState label={t('inspect.loading')} />;
  if (inspect.isError) {
    return (
      <ErrorAlert
        title={t('inspect.loadFailed')}
        error={inspect.error}
        onRetry={() => void inspect.refetch()}
        retrying={inspect.isFetching}
      />
    );
  }
  const json = JSON.stringify(inspect.data, null, 2);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('inspect.hint')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void inspect.refetch()}
            loading={inspect.isFetching}
          >
            {t('inspect.refresh')}
          </Button>
          <CopyButton value={json} timeout={1500}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
                onClick={copy}
                aria-label={t('inspect.copy')}
              >
                {copied ? t('common.copied') : t('inspect.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Group>
      <Paper withBorder radius="md">
        <ScrollArea.Autosize mah="max(240px, calc(100dvh - 430px))" type="auto" offsetScrollbars>
          <Code
            block
            fz="xs"
            style={{ whiteSpace: 'pre', background: 'transparent' }}
            data-testid="inspect-json"
            tabIndex={0}
            aria-label={t('inspect.label')}
          >
            {json}
          </Code>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
