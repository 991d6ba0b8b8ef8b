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

export interface EventMessage {
  event: string;
  payload: unknown;
}

/** Electron IPC channel names (the preload and the main-process adapter share them). */
export const ipcChannels = {
  invoke: 'twinlab:invoke',
  event: 'twinlab:event',
} as const;

/** Largest request accepted on either transport; larger ones get a `too-large` error. */
export const maxRequestBytes = 256 * 1024;
