import { Alert, Button, Group, Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconDeviceDesktopDown, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VmImportedImage } from '@shared/vms';
import { monoInputStyles } from '../components/mono-input';
import { queryKeys } from '../data/queries';
import { ImportDialogFooter, ImportModal, useImportRun } from './ImportDialogParts';
import { importProblems, toImportRequest, type VmImportValues } from './vm-import-values';
import { formatNumber } from '../lib/format/number';

const MiB = 1024 * 1024;
const empty: VmImportValues = { kind: 'disk', disk: '', kernel: '', initrd: '', cmdline: '', name: '' };

function ImportVmForm({ onClose, onBusy }: { onClose: () => void; onBusy: (busy: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Partial<Record<keyof VmImportValues, string>>>({});
  const { running, error, result, progress, start, cancel } = useImportRun<VmImportedImage>(onBusy);
  // Typing into a field clears its old complaint; the next Import checks again.
  const set = (field: keyof VmImportValues) => (event: { currentTarget: { value: string } }) => {
    setValues({ ...values, [field]: event.currentTarget.value });
    setProblems(({ [field]: _fixed, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = importProblems(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    start(
      (operationId, api) => api.call('vms.importImage', { ...toImportRequest(values), operationId }),
      () => void queryClient.invalidateQueries({ queryKey: queryKeys.templates }),
    );
  };

  if (result) {
    return (
      <Stack gap="md">
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('vmImport.done')}
          role="status"
        >
          <Stack gap={4}>
            <Text size="sm">{t('vmImport.doneText', { name: values.name.trim() })}</Text>
            <Text size="xs" c="dimmed">
              SHA-256
            </Text>
            <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {result.sha256}
            </Text>
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            onClick={() => {
              onClose();
              void navigate('/lab/new-vm');
            }}
          >
            {t('vmImport.newVm')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const copied = progress?.download;
  const mib = (bytes: number) => formatNumber(bytes / MiB, i18n.language, 1);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('vmImport.description')}</Text>
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs">
          <Text size="sm">{t('vmImport.hostPaths')}</Text>
        </Alert>
        <Input.Wrapper label={t('vmImport.kindLabel')} id="vm-import-kind">
          <SegmentedControl
            fullWidth
            aria-label={t('vmImport.kindLabel')}
            value={values.kind}
            onChange={(kind) => setValues({ ...values, kind: kind === 'kernel' ? 'kernel' : 'disk' })}
            disabled={running}
            data={[
              { value: 'disk', label: t('vmImport.kind.disk') },
              { value: 'kernel', label: t('vmImport.kind.kernel') },
            ]}
          />
        </Input.Wrapper>
        {values.kind === 'disk' ? (
          <TextInput
            label={t('vmImport.disk')}
            description={t('vmImport.diskHint')}
            placeholder="/srv/images/debian-12-genericcloud-amd64.qcow2"
            required
            styles={monoInputStyles}
            value={values.disk}
            onChange={set('disk')}
            error={problems.disk && t(problems.disk)}
            disabled={running}
            data-autofocus
          />
        ) : (
          <>
            <TextInput
              label={t('vmImport.kernel')}
              description={t('vmImport.kernelHint')}
              placeholder="/srv/images/vmlinuz"
              required
              styles={monoInputStyles}
              value={values.kernel}
              onChange={set('kernel')}
              error={problems.kernel && t(problems.kernel)}
              disabled={running}
            />
            <TextInput
              label={t('vmImport.initrd')}
              placeholder="/srv/images/initrd.img"
              styles={monoInputStyles}
              value={values.initrd}
              onChange={set('initrd')}
              error={problems.initrd && t(problems.initrd)}
              disabled={running}
            />
            <TextInput
              label={t('vmImport.cmdline')}
              description={t('vmImport.cmdlineHint')}
              placeholder="console=ttyS0"
              styles={monoInputStyles}
              value={values.cmdline}
              onChange={set('cmdline')}
              disabled={running}
            />
          </>
        )}
        <TextInput
          label={t('vmImport.name')}
          description={t('vmImport.nameHint')}
          placeholder="Debian 12 (USB stick)"
          required
          value={values.name}
          onChange={set('name')}
          error={problems.name && t(problems.name)}
          disabled={running}
        />
        <ImportDialogFooter
          running={running}
          progressText={
            (progress?.step === 'importing' ? t('vmImport.copying') : t('vmImport.checking')) +
            (copied?.totalBytes
              ? ` ${t('vmImport.copied', { done: mib(copied.receivedBytes), total: mib(copied.totalBytes) })}`
              : '')
          }
          progressValue={copied?.totalBytes ? (100 * copied.receivedBytes) / copied.totalBytes : undefined}
          progressLabel={t('vmImport.copying')}
          error={error}
          failedTitle={t('vmImport.failed')}
          submitLabel={t('vmImport.submit')}
          submitIcon={<IconDeviceDesktopDown size={16} aria-hidden />}
          onCancelImport={cancel}
          onClose={onClose}
        />
      </Stack>
    </form>
  );
}

/**
 * Import a VM disk, or a kernel and initrd, from the computer running Twinlab into the image cache,
 * as a new template, for workshops without a network.
 */
export function ImportVmImageDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportModal opened={opened} onClose={onClose} title={t('vmImport.title')}>
      {(onBusy) => <ImportVmForm onClose={onClose} onBusy={onBusy} />}
    </ImportModal>
  );
}

/** The Lab page's opener: one button that owns its dialog. */
export function ImportVmImageButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDeviceDesktopDown size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('vmImport.open')}
      </Button>
      <ImportVmImageDialog opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
