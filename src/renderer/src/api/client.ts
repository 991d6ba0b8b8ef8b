import type { ApiEvents, EventName, MethodInput, MethodName, MethodResult } from '@shared/api';
import { ApiError } from '@shared/errors';
import type { TwinlabBridge } from '@shared/bridge';
import type { EventMessage, EventMessageOf } from '@shared/wire';
import { ipcTransport } from './ipc-transport';
import type { ConnectionState, Transport } from './transport';
import { takeBrowserToken } from './browser-token';
import { wsTransport } from './ws-transport';

/** The renderer's typed view of the contract. It does not know which transport carries it. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

function isEvent<E extends EventName>(message: EventMessage, event: E): message is EventMessageOf<E> {
  return message.event === event;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const reply = await transport.invoke(method, input);
      if (!reply.ok) throw ApiError.fromData(reply.error);
      // The server answers `method` with that method's result type: the contract guarantees it.
      return reply.result as MethodResult<typeof method>;
    },
    on(event, listener) {
      return transport.subscribe((message) => {
        if (isEvent(message, event)) listener(message.payload);
      });
    },
    onConnection: (listener) => transport.onConnection(listener),
  };
}

declare global {
  interface Window {
    twinlab?: TwinlabBridge;
  }
}

/**
 * Electron's preload bridge when present, else the loopback WebSocket of browser mode, or
 * undefined when this tab was opened without browser mode's token.
 */
export function connectApi(): ApiClient | undefined {
  if (window.twinlab) return createApiClient(ipcTransport(window.twinlab));
  const token = takeBrowserToken();
  if (!token) return undefined;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createApiClient(wsTransport(`${scheme}://${location.host}/api`, token));
}
