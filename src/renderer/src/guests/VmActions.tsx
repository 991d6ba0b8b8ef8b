import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconPlayerPause,
  IconPlayerPlay,
  IconPower,
  IconRefresh,
  IconPlugConnectedX,
  IconTrash,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guest, GuestState } from '../../../shared/guest';
import type { VmAction } from '../../../shared/vms';
import { useVmAction } from '../data/vms';
import { useDescribeError } from '../i18n/describe-error';

/** The VM lifecycle actions that make sense in a state, in the order they are shown. */
export function availableVmActions(state: GuestState): VmAction[] {
  switch (state) {
    case 'running':
      return ['shutdown', 'reboot', 'suspend', 'forceOff', 'remove'];
    case 'paused':
      return ['resume', 'forceOff', 'remove'];
    case 'stopped':
    case 'error':
    case 'unknown':
      return ['start', 'remove'];
    case 'creating':
    case 'removing':
      return [];
  }
}

export const vmActionIcon: Record<VmAction, Icon> = {
  start: IconPlayerPlay,
  shutdown: IconPower,
  forceOff: IconPlugConnectedX,
  suspend: IconPlayerPause,
  resume: IconPlayerPlay,
  reboot: IconRefresh,
  remove: IconTrash,
};

interface VmActionsProps {
  guest: Guest;
  compact?: boolean;
  onRemoved?: () => void;
}

/** Start, shut down (offering Force off when the guest ignores it), pause, reboot and delete. */
export function VmActions({ guest, compact = false, onRemoved }: VmActionsProps) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const mutation = useVmAction();
  const [running, setRunning] = useState<VmAction>();
  const [confirming, setConfirming] = useState(false);

  if (!guest.managed) return null;
  const actions = availableVmActions(guest.state);
  const offerId = `force-off-${guest.id}`;

  const run = (action: VmAction) => {
    setRunning(action);
    if (action === 'forceOff') notifications.hide(offerId);
    mutation.mutate(
      { id: guest.id, action },
      {
        onSuccess: (result) => {
          if (action === 'remove') {
            setConfirming(false);
            notifications.show({ color: 'teal', message: t('vm.remove.done', { name: guest.name }) });
            onRemoved?.();
          }
          if (action === 'shutdown' && result?.outcome === 'timeout') {
            notifications.show({
              id: offerId,
              color: 'orange',
              autoClose: false,
              title: t('vm.shutdownTimeout.title', { name: guest.name }),
              message: (
                <Stack gap="xs" align="flex-start" data-testid="force-off-offer">
                  <Text size="sm">
                    {t('vm.shutdownTimeout.body', { seconds: Math.round(result.waitedMs / 1000) })}
                  </Text>
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    leftSection={<IconPlugConnectedX size={14} aria-hidden />}
                    onClick={() => run('forceOff')}
                  >
                    {t('vm.action.forceOff')}
                  </Button>
                </Stack>
              ),
            });
          }
        },
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: t('guest.actionFailed', { action: t(`vm.action.${action}`), name: guest.name }),
            message: describeError(error),
          }),
        onSettled: () => setRunning(undefined),
      },
    );
  };

  const click = (action: VmAction) => (action === 'remove' ? setConfirming(true) : run(action));

  return (
    <>
      <Group gap={compact ? 4 : 'xs'} wrap={compact ? 'nowrap' : 'wrap'}>
        {actions.map((action) => {
          const Shape = vmActionIcon[action];
          const label = t(`vm.action.${action}`);
          const busy = running === action && action !== 'remove';
          const danger = action === 'remove' || action === 'forceOff';
          if (compact) {
            return (
              <Tooltip key={action} label={label} withArrow openDelay={300}>
                <ActionIcon
                  variant="subtle"
                  color={danger ? 'red' : 'gray'}
                  size="lg"
                  aria-label={t('guest.actionOn', { action: label, name: guest.name })}
                  onClick={() => click(action)}
                  loading={busy}
                  disabled={running !== undefined && !busy}
                >
                  <Shape size={18} stroke={1.7} aria-hidden />
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
              leftSection={<Shape size={16} stroke={1.7} aria-hidden />}
              onClick={() => click(action)}
              loading={busy}
              disabled={running !== undefined && !busy}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('vm.remove.title', { name: guest.name })}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('vm.remove.body', { name: guest.name })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => run('remove')}
              loading={running === 'remove'}
            >
              {t('vm.remove.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
