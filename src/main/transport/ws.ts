import type { RawData, WebSocket } from 'ws';
import type { EventMessage, ResponseMessage } from '@shared/wire';
import type { Lab } from '../lab';
import type { Logger } from '../lab/log';
import { dispatch } from './dispatch';

/**
 * The WebSocket adapter of the router for browser mode. Requests are `{id, method, input}`;
 * replies carry the same id; events are pushed as `{event, payload}`. The caller has already
 * passed the server's token/Origin/Host checks before the socket was accepted.
 */
export function serveApiOverWebSocket(socket: WebSocket, lab: Lab, log: Logger): void {
  const send = (message: ResponseMessage | EventMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = lab.events.subscribe(send);
  socket.on('close', unsubscribe);
  socket.on('error', (error) => log.warn(`websocket error: ${error.message}`));

  socket.on('message', (data: RawData, isBinary) => {
    const text = isBinary ? '' : rawToString(data);
    const size = rawSize(data);
    let call: unknown;
    let id = 0;
    try {
      call = JSON.parse(text);
      if (typeof call === 'object' && call !== null && 'id' in call && Number.isSafeInteger(call.id)) {
        id = call.id as number;
      }
    } catch {
      call = undefined;
    }
    void dispatch(lab.router, call, size).then((reply) => send({ id, ...reply }));
  });
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}
