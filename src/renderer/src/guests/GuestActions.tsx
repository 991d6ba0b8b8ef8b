import type { ContainerAction } from '../../../shared/containers';
import type { Guest } from '../../../shared/guest';
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
  return props.guest.kind === 'vm' ? <VmActions {...props} /> : <ContainerActions {...props} />;
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
      wrap={false}
      running={runner.running}
      confirming={runner.confirming}
      onConfirmingChange={runner.setConfirming}
      onRun={(action) => runner.run(action)}
    />
  );
}
