import type { ConsoleState, ConsoleStateDetail } from '@shared/consoles';

/** The states a learner tells apart on the badge; 'disconnected' is split by why. */
export type ConsoleBadge = 'connecting' | 'open' | 'guestStopped' | 'shellEnded' | 'disconnected' | 'closed';

export const badgeColor: Record<ConsoleBadge, string> = {
  connecting: 'yellow',
  open: 'teal',
  guestStopped: 'orange',
  shellEnded: 'gray',
  disconnected: 'orange',
  closed: 'gray',
};

/**
 * What the badge says for a session's state and the reason the main process gave: a console whose
 * guest stopped (or would not attach because it is stopped) says so, not just "Disconnected".
 */
export function consoleBadge(state: ConsoleState, detail: ConsoleStateDetail | undefined): ConsoleBadge {
  if (state !== 'disconnected') return state;
  if (detail?.reason === 'lost') return 'guestStopped';
  if (detail?.reason === 'connect-failed' && detail.key === 'console.notRunning') return 'guestStopped';
  if (detail?.reason === 'exited') return 'shellEnded';
  return 'disconnected';
}
