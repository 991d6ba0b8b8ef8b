import type { ApiEvents, EventName } from './api';
import type { ApiErrorData } from './errors';

/** Messages as they travel over Electron IPC and the browser-mode WebSocket alike. */
export interface RequestMessage {
  id: number;
  method: string;
  input: unknown;
}

/** The outcome of one call, as the router produces it and every transport carries it. */
export type Reply = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };

export type ResponseMessage = Reply & { id: number };

/** Each event of the contract with its own payload type, keyed by event name. */
type EventMessages = { [E in EventName]: { event: E; payload: ApiEvents[E] } };

/** One pushed event; `event` tells which payload it carries. */
export type EventMessageOf<E extends EventName> = EventMessages[E];
/** Any pushed event, as a union narrowed by its `event` field. */
export type EventMessage = EventMessages[EventName];

/** Electron IPC channel names (the preload and the main-process adapter share them). */
export const ipcChannels = {
  invoke: 'twinlab:invoke',
  event: 'twinlab:event',
} as const;

/** Largest request accepted on either transport; larger ones get a `too-large` error. */
export const maxRequestBytes = 256 * 1024;

/**
 * Browser mode's WebSocket subprotocols: the client offers both, the server picks `api`. The
 * token travels in the second, so it is sent once per connection and never stored in a cookie
 * (cookies ignore ports: every other server on 127.0.0.1 would receive it).
 */
export const browserModeSubprotocol = { api: 'twinlab', tokenPrefix: 'twinlab.token.' } as const;
