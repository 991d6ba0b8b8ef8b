import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedImage } from '@shared/containers';
import { queryKeys } from '../data/queries';
import { monoInputStyles } from '../components/mono-input';
import { ImportDialogFooter, ImportModal, useImportRun } from './ImportDialogParts';

interface ImportImageDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Name to suggest, e.g. the image a template wants. */
  suggestedName?: string;
  templateId?: string;
  onImported?: (image: ImportedImage) => void;
}

/** "/bin/sh -l" → ["/bin/sh", "-l"]; empty → undefined. */
export function parseCommand(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 ? words : undefined;
}

interface ImportFormProps extends Omit<ImportImageDialogProps, 'opened'> {
  onBusy: (busy: boolean) => void;
}

function ImportForm({ suggestedName, templateId, onClose, onImported, onBusy }: ImportFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState('');
  const [repoTag, setRepoTag] = useState(suggestedName ?? '');
  const [command, setCommand] = useState('');
  const [fileError, setFileError] = useState<string>();
  const { running, error, result, start, cancel } = useImportRun<ImportedImage>(onBusy);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const path = file.trim();
    if (!path.startsWith('/')) {
      setFileError(t('images.import.fileAbsolute'));
      return;
    }
    setFileError(undefined);
    const words = parseCommand(command);
    start(
      (operationId, api) =>
        api.call('images.import', {
          file: path,
          operationId,
          ...(repoTag.trim() && { repoTag: repoTag.trim() }),
          ...(words && { command: words }),
          ...(templateId && { templateId }),
        }),
      (imported) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.images });
        onImported?.(imported);
      },
    );
  };

  if (result) {
    return (
      <Stack gap="md">
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('images.import.done')}
          role="status"
        >
          <Stack gap={6}>
            <Text size="sm">{t(`images.import.kind.${result.kind}`)}</Text>
            <Group gap={6}>
              {result.tags.map((tag) => (
                <Badge key={tag} variant="outline" tt="none" ff="monospace">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('images.import.description')}
        </Text>
        <TextInput
          label={t('images.import.file')}
          description={t('images.import.fileHint')}
          placeholder="/home/me/busybox.tar"
          required
          styles={monoInputStyles}
          value={file}
          onChange={(event) => setFile(event.currentTarget.value)}
          error={fileError}
          disabled={running}
          data-autofocus
        />
        <TextInput
          label={t('images.import.name')}
          description={t('images.import.nameHint')}
          placeholder="my-image:1"
          value={repoTag}
          onChange={(event) => setRepoTag(event.currentTarget.value)}
          disabled={running}
        />
        <TextInput
          label={t('images.import.command')}
          description={t('images.import.commandHint')}
          placeholder="/bin/sh"
          value={command}
          onChange={(event) => setCommand(event.currentTarget.value)}
          disabled={running}
        />
        <ImportDialogFooter
          running={running}
          progressText={t('images.import.importing')}
          progressLabel={t('images.import.importing')}
          error={error}
          failedTitle={t('images.import.failed')}
          submitLabel={t('images.import.submit')}
          submitIcon={<IconFileImport size={16} aria-hidden />}
          onCancelImport={cancel}
          onClose={onClose}
        />
      </Stack>
    </form>
  );
}

/**
 * Import an image from a tarball on this computer, for workshops without a network: a
 * `docker save` archive, or a root filesystem tar that becomes an image.
 */
export function ImportImageDialog({ opened, onClose, ...rest }: ImportImageDialogProps) {
  const { t } = useTranslation();
  return (
    <ImportModal opened={opened} onClose={onClose} title={t('images.import.title')}>
      {(onBusy) => <ImportForm onClose={onClose} onBusy={onBusy} {...rest} />}
    </ImportModal>
  );
}
