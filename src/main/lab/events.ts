import type { ApiEvents, EventName } from '@shared/api';
import type { EventMessage } from '@shared/wire';

export type EventListener = (message: EventMessage) => void;

/** Fan-out of main-process events to every connected renderer (IPC window, WebSocket clients). */
export class EventHub {
  readonly #listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    // The one producer of events: `emit`'s signature pairs each event with its payload type.
    const message = { event, payload } as EventMessage;
    for (const listener of this.#listeners) listener(message);
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
