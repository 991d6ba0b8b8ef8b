import {
  browserModeSubprotocol,
  type EventMessage,
  type RequestMessage,
  type ResponseMessage,
} from '@shared/wire';
import type { ConnectionState, Reply, Transport } from './transport';

const retryDelaysMs = [250, 500, 1000, 2000, 4000];

/**
 * The browser-mode link: one WebSocket to the loopback server, authenticated by the token offered
 * as a subprotocol at each connect (never a cookie: cookies reach every port of the host). Calls
 * made while it is down wait for the next connection; calls in flight when it drops fail, because
 * their answer is lost. It reconnects by itself with backoff, so a server restarted with the same
 * TWINLAB_TOKEN needs no page reload.
 */
export function wsTransport(url: string, token: string): Transport {
  let socket: WebSocket | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let attempt = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  const waiting: RequestMessage[] = [];
  const eventListeners = new Set<(message: EventMessage) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    const ws = new WebSocket(url, [
      browserModeSubprotocol.api,
      `${browserModeSubprotocol.tokenPrefix}${token}`,
    ]);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('open');
      for (const request of waiting.splice(0)) ws.send(JSON.stringify(request));
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as ResponseMessage | EventMessage;
      if ('event' in message) {
        for (const listener of eventListeners) listener(message);
        return;
      }
      const { id, ...reply } = message;
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(reply);
    };
    ws.onclose = () => {
      socket = undefined;
      setState('closed');
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({
          ok: false,
          error: {
            code: 'internal',
            key: 'error.connectionLost',
            message: 'Connection to Twinlab was lost.',
          },
        });
      }
      const delay = retryDelaysMs[Math.min(attempt++, retryDelaysMs.length - 1)];
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    invoke(method, input) {
      const request: RequestMessage = { id: nextId++, method, input };
      return new Promise<Reply>((resolve) => {
        pending.set(request.id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
        else waiting.push(request);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
  };
}
