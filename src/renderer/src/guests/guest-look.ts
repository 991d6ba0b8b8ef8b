import {
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconTrash,
  type Icon,
} from '@tabler/icons-react';
import type { ContainerAction } from '@shared/containers';
import type { GuestState } from '@shared/guest';

/** Each state has a colour and always its word next to it: never colour alone. */
export const stateColor: Record<GuestState, string> = {
  creating: 'blue',
  running: 'teal',
  paused: 'yellow',
  stopped: 'gray',
  error: 'red',
  removing: 'orange',
  unknown: 'gray',
};

/** The lifecycle actions that make sense in a state, in the order they are shown. */
export function availableActions(state: GuestState): ContainerAction[] {
  switch (state) {
    case 'running':
      return ['stop', 'restart', 'pause', 'remove'];
    case 'paused':
      return ['resume', 'stop', 'remove'];
    case 'stopped':
    case 'error':
    case 'unknown':
      return ['start', 'remove'];
    case 'creating':
    case 'removing':
      return [];
  }
}

export const actionIcon: Record<ContainerAction, Icon> = {
  start: IconPlayerPlay,
  stop: IconPlayerStop,
  restart: IconRefresh,
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  remove: IconTrash,
};
