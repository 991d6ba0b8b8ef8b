import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAction } from '../../../shared/containers';
import type { Guest } from '../../../shared/guest';
import { useContainerAction } from '../data/guests';
import { useDescribeError } from '../i18n/describe-error';
import { actionIcon, availableActions } from './guest-look';
import { VmActions } from './VmActions';

interface GuestActionsProps {
  guest: Guest;
  /** Icon buttons (lists) instead of labelled buttons (the guest's own page). */
  compact?: boolean;
  onRemoved?: () => void;
}

interface ConfirmRemoveProps {
  name: string;
  opened: boolean;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

function ConfirmRemove({ name, opened, pending, onCancel, onConfirm }: ConfirmRemoveProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onCancel} title={t('guest.remove.title', { name })} centered>
      <Stack gap="md">
        <Text size="sm">{t('guest.remove.body', { name })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onConfirm}
            loading={pending}
          >
            {t('guest.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Start, stop, restart, pause, resume and remove (after a confirmation), as the state allows. */
export function GuestActions(props: GuestActionsProps) {
  return props.guest.kind === 'vm' ? <VmActions {...props} /> : <ContainerActions {...props} />;
}

function ContainerActions({ guest, compact = false, onRemoved }: GuestActionsProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const mutation = useContainerAction();
  const [running, setRunning] = useState<ContainerAction>();
  const [confirming, setConfirming] = useState(false);

  if (!guest.managed || guest.kind !== 'container') return null;
  const actions = availableActions(guest.state);

  const run = (action: ContainerAction) => {
    setRunning(action);
    mutation.mutate(
      { id: guest.id, action },
      {
        onSuccess: () => {
          if (action === 'remove') {
            setConfirming(false);
            notifications.show({ color: 'teal', message: t('guest.remove.done', { name: guest.name }) });
            onRemoved?.();
          }
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('guest.actionFailed', { action: t(`guest.action.${action}`), name: guest.name }),
            message: describeError(error),
          }),
        onSettled: () => setRunning(undefined),
      },
    );
  };

  const click = (action: ContainerAction) => (action === 'remove' ? setConfirming(true) : run(action));

  return (
    <>
      <Group gap={compact ? 4 : 'xs'} wrap="nowrap">
        {actions.map((action) => {
          const ActionIconShape = actionIcon[action];
          const label = t(`guest.action.${action}`);
          const busy = running === action && action !== 'remove';
          const color = action === 'remove' ? 'red' : 'gray';
          if (compact) {
            return (
              <Tooltip key={action} label={label} withArrow openDelay={300}>
                <ActionIcon
                  variant="subtle"
                  color={color}
                  size="lg"
                  aria-label={t('guest.actionOn', { action: label, name: guest.name })}
                  onClick={() => click(action)}
                  loading={busy}
                  disabled={running !== undefined && !busy}
                >
                  <ActionIconShape size={18} stroke={1.7} aria-hidden />
                </ActionIcon>
              </Tooltip>
            );
          }
          return (
            <Button
              key={action}
              variant={action === 'remove' ? 'light' : 'default'}
              color={action === 'remove' ? 'red' : undefined}
              size="sm"
              leftSection={<ActionIconShape size={16} stroke={1.7} aria-hidden />}
              onClick={() => click(action)}
              loading={busy}
              disabled={running !== undefined && !busy}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      <ConfirmRemove
        name={guest.name}
        opened={confirming}
        pending={running === 'remove'}
        onCancel={() => setConfirming(false)}
        onConfirm={() => run('remove')}
      />
    </>
  );
}
