import type { ConsoleTarget } from '../../../../shared/consoles';
import type { Guest } from '../../../../shared/guest';

/** The interactive console of a guest: a container's shell or a VM's serial console. */
export function consoleTargetOf(guest: Pick<Guest, 'id' | 'kind'>): ConsoleTarget {
  return guest.kind === 'vm' ? { kind: 'vm', guestId: guest.id } : { kind: 'container', guestId: guest.id };
}
