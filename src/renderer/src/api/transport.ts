import type { EventMessage, Reply } from '@shared/wire';

export type { Reply };
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** How the renderer reaches main: Electron IPC (preload bridge) or the browser-mode WebSocket. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(listener: (message: EventMessage) => void): () => void;
  /** The link itself; always 'open' over IPC. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}
