import { request } from 'node:http';
import { connect } from 'node:net';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with full control of Host, Origin and Cookie (fetch forbids setting some of them). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Opens the API WebSocket, offering `protocols` as browser mode's client does; resolves with the
 * socket, or with the HTTP status it was refused with.
 */
export function openApiSocket(
  port: number,
  path: string,
  headers: Record<string, string>,
  protocols: string[] = [],
): Promise<{ socket: WebSocket } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Sends one API request over an open socket and waits for the reply with its id. */
export function callOverSocket(
  socket: WebSocket,
  message: string | Buffer,
  id: number,
): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(data.toString()) as Record<string, unknown>;
      if (reply['id'] === id) {
        socket.off('message', onMessage);
        resolve(reply);
      }
    };
    socket.on('message', onMessage);
    socket.send(message);
  });
}

/** Sends raw bytes as one HTTP request and resolves with everything the server wrote back. */
export function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

/**
 * Sends a raw request, waits for the first bytes of the answer, then resets the connection
 * (TCP RST, not a FIN): what an impatient or hostile client does after a refusal.
 */
export function requestThenReset(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('utf8');
    socket.once('data', (chunk: string) => {
      socket.resetAndDestroy();
      resolve(chunk);
    });
    socket.on('error', reject);
  });
}
