import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContainerAction } from '@shared/containers';
import type { SystemAction } from '@shared/systems';
import { useApi } from '../data/ApiContext';
import { queryKeys } from '../data/queries';
import type { Guest } from '@shared/guest';
import { useContainerAction } from '../data/guests';
import { ActionButtons, useActionRunner } from './ActionButtons';
import { actionIcon, availableActions } from './guest-look';
import { VmActions } from './VmActions';

interface GuestActionsProps {
  guest: Guest;
  /** Icon buttons (lists) instead of labelled buttons (the guest's own page). */
  compact?: boolean;
  onRemoved?: () => void;
}

/** Start, stop, restart, pause, resume and remove (after a confirmation), as the state allows. */
export function GuestActions(props: GuestActionsProps) {
  if (props.guest.kind === 'vm') return <VmActions {...props} />;
  if (props.guest.kind === 'system') return <SystemActions {...props} />;
  return <ContainerActions {...props} />;
}

/** A system container (LXD/Incus) offers start, stop and remove: LXD's restart and freeze are not taught here. */
function SystemActions({ guest, compact = false, onRemoved }: GuestActionsProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (action: SystemAction) => api.call('systems.action', { id: guest.id, action }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.guests }),
  });
  const runner = useActionRunner<SystemAction, unknown>({
    name: guest.name,
    keyPrefix: 'guest',
    onRemoved,
    mutate: (action, callbacks) => mutation.mutate(action, callbacks),
  });
  if (!guest.managed) return null;
  const actions = availableActions(guest.state).filter((action): action is SystemAction =>
    (['start', 'stop', 'remove'] as const).some((each) => each === action),
  );
  return (
    <ActionButtons
      name={guest.name}
      keyPrefix="guest"
      actions={actions}
      icons={actionIcon}
      compact={compact}
      running={runner.running}
      confirming={runner.confirming}
      onConfirmingChange={runner.setConfirming}
      onRun={(action) => runner.run(action)}
    />
  );
}

function ContainerActions({ guest, compact = false, onRemoved }: GuestActionsProps) {
  const mutation = useContainerAction();
  const runner = useActionRunner<ContainerAction, unknown>({
    name: guest.name,
    keyPrefix: 'guest',
    onRemoved,
    mutate: (action, callbacks) => mutation.mutate({ id: guest.id, action }, callbacks),
  });

  if (!guest.managed || guest.kind !== 'container') return null;

  return (
    <ActionButtons
      name={guest.name}
      keyPrefix="guest"
      actions={availableActions(guest.state)}
      icons={actionIcon}
      compact={compact}
      running={runner.running}
      confirming={runner.confirming}
      onConfirmingChange={runner.setConfirming}
      onRun={(action) => runner.run(action)}
    />
  );
}
