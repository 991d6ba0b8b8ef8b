import { Button, Stack, Text } from '@mantine/core';
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
import { useTranslation } from 'react-i18next';
import type { Guest, GuestState } from '@shared/guest';
import type { ShutdownResult, VmAction } from '@shared/vms';
import { useVmAction } from '../data/vms';
import { ActionButtons, useActionRunner } from './ActionButtons';

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
  const mutation = useVmAction();
  const runner = useActionRunner<VmAction, ShutdownResult | null>({
    name: guest.name,
    keyPrefix: 'vm',
    onRemoved,
    mutate: (action, callbacks) => mutation.mutate({ id: guest.id, action }, callbacks),
  });

  if (!guest.managed) return null;
  const offerId = `force-off-${guest.id}`;

  const run = (action: VmAction) => {
    if (action === 'forceOff') notifications.hide(offerId);
    runner.run(action, (result) => {
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
    });
  };

  return (
    <ActionButtons
      name={guest.name}
      keyPrefix="vm"
      actions={availableVmActions(guest.state)}
      icons={vmActionIcon}
      dangerous={['forceOff']}
      compact={compact}
      running={runner.running}
      confirming={runner.confirming}
      onConfirmingChange={runner.setConfirming}
      onRun={run}
    />
  );
}
