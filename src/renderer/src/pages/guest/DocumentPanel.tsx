import { Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CopyTextButton, ScrollingCode } from '../../components/CopyCode';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';

interface DocumentPanelProps<T> {
  query: UseQueryResult<T>;
  /** The document as text, from what the query returned. */
  textOf: (data: T) => string;
  /** i18n keys: the loading label, the failure title, the hint above it and the Refresh button. */
  keys: { loading: string; loadFailed: string; hint: string; refresh: string };
  copyLabel: string;
  label: string;
  testId: string;
}

/** A guest's raw description (`docker inspect`, the domain XML) to read, refresh and copy. */
export function DocumentPanel<T>({ query, textOf, keys, copyLabel, label, testId }: DocumentPanelProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState label={t(keys.loading)} />;
  if (query.isError) {
    return (
      <ErrorAlert
        title={t(keys.loadFailed)}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const text = textOf(query.data);
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t(keys.hint)}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void query.refetch()}
            loading={query.isFetching}
          >
            {t(keys.refresh)}
          </Button>
          <CopyTextButton value={text} label={copyLabel} />
        </Group>
      </Group>
      <ScrollingCode code={text} maxHeight="max(240px, calc(100dvh - 430px))" label={label} testId={testId} />
    </Stack>
  );
}
