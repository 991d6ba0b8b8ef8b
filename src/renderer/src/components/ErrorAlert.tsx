import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../i18n/describe-error';

interface ErrorAlertProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load: what failed, the translated reason, and a way to try again. */
export function ErrorAlert({ title, error, onRetry, retrying = false }: ErrorAlertProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={onRetry}
          loading={retrying}
        >
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
