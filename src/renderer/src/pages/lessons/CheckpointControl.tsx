import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, CheckpointRestored } from '@shared/checkpoints';
import { currentLocale } from '../../i18n';
import { formatList } from '../../lib/format/list';
import type { CheckpointBusy } from './use-checkpoints';

interface CheckpointControlProps {
  stepTitle: string;
  checkpoint: Checkpoint | undefined;
  busy: CheckpointBusy['what'] | undefined;
  /** The restore just made of this step, with its seconds. */
  restored: CheckpointRestored | undefined;
  /** A run, a check or another checkpoint is under way. */
  disabled: boolean;
  onSave: () => void;
  onRestore: () => void;
}

/**
 * A checkpoint step's save point: what was saved of each guest (honestly: a container keeps its
 * files, its processes start again; a VM keeps memory and disks), Save, and Back to this step.
 */
export function CheckpointControl(props: CheckpointControlProps) {
  const { stepTitle, checkpoint, busy, restored, disabled, onSave, onRestore } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const parts = checkpoint?.parts.map((part) =>
    t(`checkpoints.keeps.${part.keeps}`, { target: t(`lessons.target.${part.role}`) }),
  );
  return (
    <Paper
      withBorder
      radius="sm"
      px="sm"
      py={6}
      mb={6}
      style={{ borderLeft: '3px solid var(--mantine-color-teal-6)' }}
      data-testid="checkpoint"
      data-saved={checkpoint ? true : undefined}
      aria-label={t('checkpoints.region', { title: stepTitle })}
      component="section"
    >
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap">
          <IconHistory size={16} aria-hidden />
          <Text size="xs" fw={650}>
            {t('checkpoints.title')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed" data-testid="checkpoint-status" aria-live="polite">
          {busy === 'saving'
            ? t('checkpoints.saving')
            : busy === 'restoring'
              ? t('checkpoints.restoring')
              : restored
                ? t('checkpoints.restoredIn', {
                    seconds: restored.seconds.toLocaleString(locale),
                    parts: formatList(
                      restored.parts.map((part) =>
                        t('checkpoints.partSeconds', {
                          target: t(`lessons.target.${part.role}`),
                          seconds: part.seconds.toLocaleString(locale),
                        }),
                      ),
                      locale,
                    ),
                  })
                : checkpoint
                  ? t('checkpoints.savedAt', {
                      time: new Date(checkpoint.createdAt).toLocaleTimeString(locale),
                      parts: formatList(parts ?? [], locale),
                    })
                  : t('checkpoints.none')}
        </Text>
        <Group gap="xs">
          {checkpoint && (
            <Button
              size="xs"
              variant="light"
              color="teal"
              leftSection={<IconHistory size={14} aria-hidden />}
              loading={busy === 'restoring'}
              disabled={disabled && busy !== 'restoring'}
              onClick={onRestore}
              aria-label={t('checkpoints.restoreOf', { title: stepTitle })}
            >
              {t('checkpoints.restore')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconDeviceFloppy size={14} aria-hidden />}
            loading={busy === 'saving'}
            disabled={disabled && busy !== 'saving'}
            onClick={onSave}
            aria-label={t(checkpoint ? 'checkpoints.saveAgainOf' : 'checkpoints.saveOf', {
              title: stepTitle,
            })}
          >
            {t(checkpoint ? 'checkpoints.saveAgain' : 'checkpoints.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
