import type { ApiClient } from '../api/client';
import type { ConnectionState } from '../api/transport';

/** The link state as an external store, so React reads it with useSyncExternalStore. */
export interface ConnectionStore {
  get: () => ConnectionState;
  subscribe: (onChange: () => void) => () => void;
}

/** Subscribes once for the app's lifetime; the client itself lives that long too. */
export function createConnectionStore(client: ApiClient): ConnectionStore {
  let state: ConnectionState = 'connecting';
  const listeners = new Set<() => void>();
  client.onConnection((next) => {
    state = next;
    for (const listener of listeners) listener();
  });
  return {
    get: () => state,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
