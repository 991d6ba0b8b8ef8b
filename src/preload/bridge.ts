import type { EventMessage, ResponseMessage } from '@shared/wire';

/** What the preload exposes as `window.twinlab`: a transport, nothing more (DESIGN.md). */
export interface TwinlabBridge {
  invoke(method: string, input: unknown): Promise<Omit<ResponseMessage, 'id'>>;
  subscribe(listener: (message: EventMessage) => void): () => void;
}
