import type { EventMessage, Reply } from './wire';

/** What the preload exposes as `window.twinlab`: a transport, nothing more (DESIGN.md). */
export interface TwinlabBridge {
  invoke(method: string, input: unknown): Promise<Reply>;
  subscribe(listener: (message: EventMessage) => void): () => void;
}
