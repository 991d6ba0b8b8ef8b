import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/client';
import { useOperation } from '../data/operations';
import { useDescribeError } from '../i18n/describe-error';

/**
 * An import form's run: one cancellable operation at a time, its progress, and its result or error;
 * `onBusy` keeps the dialog open while it runs.
 */
export function useImportRun<T>(onBusy: (busy: boolean) => void) {
  const operation = useOperation();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<T>();

  const start = (work: (operationId: string, api: ApiClient) => Promise<T>, onDone: (done: T) => void) => {
    setError(undefined);
    setResult(undefined);
    setRunning(true);
    onBusy(true);
    operation
      .run(work)
      .then(
        (done) => {
          setResult(done);
          onDone(done);
        },
        (reason: unknown) => setError(reason),
      )
      .finally(() => {
        setRunning(false);
        onBusy(false);
      });
  };

  return {
    running,
    error,
    result,
    progress: operation.progress,
    start,
    cancel: () => void operation.cancel(),
  };
}

interface ImportModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The form, told when an import starts and ends. */
  children: (onBusy: (busy: boolean) => void) => ReactNode;
}

/** An import dialog's frame, shared by the image and VM image imports. */
export function ImportModal({ opened, onClose, title, children }: ImportModalProps) {
  // While an import runs the dialog stays: it is the only place to follow or cancel it.
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!busy) onClose();
      }}
      withCloseButton={!busy}
      title={title}
      size="lg"
      centered
    >
      {/* Mounted only while open, so every opening starts with a clean form. */}
      {opened && children(setBusy)}
    </Modal>
  );
}

interface ImportDialogFooterProps {
  running: boolean;
  /** What the running import is doing, its bar's value (100 while unknown) and accessible name. */
  progressText: string;
  progressValue?: number;
  progressLabel: string;
  error: unknown;
  failedTitle: string;
  submitLabel: string;
  submitIcon: ReactNode;
  /** Cancels the running import's operation. */
  onCancelImport: () => void;
  onClose: () => void;
}

/** An import form's end: its progress, its error, Cancel (of the dialog, or of the import) and submit. */
export function ImportDialogFooter({
  running,
  progressText,
  progressValue = 100,
  progressLabel,
  error,
  failedTitle,
  submitLabel,
  submitIcon,
  onCancelImport,
  onClose,
}: ImportDialogFooterProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  return (
    <>
      {running && (
        <Stack gap={4} role="status">
          <Text size="sm">{progressText}</Text>
          <Progress value={progressValue} striped animated aria-label={progressLabel} />
        </Stack>
      )}
      {error !== undefined && (
        <Alert color="red" variant="light" role="alert" title={failedTitle}>
          <Text size="sm">{describeError(error)}</Text>
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        {running ? (
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onCancelImport}>
            {t('common.cancel')}
          </Button>
        ) : (
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" leftSection={submitIcon} loading={running}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
