import type { EventMessage, ResponseMessage } from '../../../shared/wire';

/** Omit over each member of the union: a plain Omit would merge them and lose the `ok` discriminant. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Reply = DistributiveOmit<ResponseMessage, 'id'>;
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** How the renderer reaches main: Electron IPC (preload bridge) or the browser-mode WebSocket. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(listener: (message: EventMessage) => void): () => void;
  /** The link itself; always 'open' over IPC. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
