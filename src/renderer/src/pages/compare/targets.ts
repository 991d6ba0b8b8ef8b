import type { ConsoleTarget } from '@shared/consoles';
import type { Guest } from '@shared/guest';

/** The interactive console of a guest: a container's or system container's shell, or a VM's serial console. */
export function consoleTargetOf(guest: Pick<Guest, 'id' | 'kind'>): ConsoleTarget {
  return { kind: guest.kind, guestId: guest.id };
}
