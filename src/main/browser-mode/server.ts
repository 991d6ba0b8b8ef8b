import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Lab } from '../lab';
import type { Logger } from '../lab/log';
import { serveApiOverWebSocket } from '../transport/ws';
import { browserModeSubprotocol } from '@shared/wire';
import {
  checkApiAccess,
  checkSameOrigin,
  weakTokenReason,
  type AccessPolicy,
  type RequestFacts,
} from './access';
import { parseRequestTarget, redact } from './request-target';
import { readRendererFile, rendererSecurityHeaders } from './static-files';

export interface BrowserModeOptions {
  lab: Lab;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** 0 picks a free port. */
  port: number;
  log: Logger;
}

export interface BrowserModeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Hard cap per WebSocket message; between maxRequestBytes and this the caller gets `too-large`. */
const maxFrameBytes = 4 * 1024 * 1024;

const securityHeaders = rendererSecurityHeaders;

const badTarget = { ok: false, status: 400, reason: 'unparsable request target' } as const;

const statusText = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
const refusalText = {
  400: 'Bad request: the request target is not a valid URL.',
  401: 'Unauthorized: open the URL Twinlab printed, with its token.',
  403: 'Forbidden.',
};

/** Serves the renderer and the API WebSocket on 127.0.0.1 only. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const { lab, rendererDir, token, log } = options;
  const weak = weakTokenReason(token);
  if (weak) throw new Error(weak);
  const server = createServer();
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    // Answer with the API protocol only: echoing the token protocol would send the secret back.
    handleProtocols: () => browserModeSubprotocol.api,
  });
  const port = await listen(server, options.port);
  const policy: AccessPolicy = { port, token };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = parseRequestTarget(req.url);
    const verdict = target ? checkSameOrigin(facts(req), policy) : badTarget;
    if (!verdict.ok) {
      log.warn(`refused ${req.method} ${redact(req.url)}: ${verdict.reason}`);
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
      res.end(`${refusalText[verdict.status]}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...securityHeaders }).end();
      return;
    }
    const path = target?.pathname ?? '/';
    void readRendererFile(rendererDir, path, lab.hostLocale)
      .then((file) => {
        if (!file) {
          res
            .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders })
            .end('Not found.\n');
          return;
        }
        res.writeHead(200, {
          'Content-Type': file.contentType,
          'Cache-Control': path === '/' || path.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
          ...securityHeaders,
        });
        res.end(req.method === 'HEAD' ? undefined : file.body);
      })
      .catch((error: unknown) => {
        log.error(`serving ${redact(req.url)} failed: ${(error as Error).message}`);
        res.destroy();
      });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node attaches no error listener to a socket it hands over for an upgrade: a peer that
    // resets the connection after a refusal would otherwise throw ECONNRESET out of the server.
    socket.on('error', (error) => log.warn(`websocket handshake socket: ${error.message}`));
    const target = parseRequestTarget(req.url);
    const verdict = target ? checkApiAccess(facts(req), policy) : badTarget;
    if (!verdict.ok || target?.pathname !== '/api') {
      const status = verdict.ok ? 404 : verdict.status;
      log.warn(`refused websocket ${redact(req.url)}: ${verdict.ok ? 'no such endpoint' : verdict.reason}`);
      socket.end(
        `HTTP/1.1 ${status} ${statusText[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveApiOverWebSocket(ws, lab, log));
  });

  return {
    // In the fragment: the browser never sends it, and the page moves it to sessionStorage.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function facts(req: IncomingMessage): RequestFacts {
  return {
    host: req.headers.host,
    origin: req.headers.origin,
    protocols: req.headers['sec-websocket-protocol'],
  };
}
