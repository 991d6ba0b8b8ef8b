import { request } from 'node:http';
import WebSocket from 'ws';

/**
 * The LXD/Incus REST API over its unix socket. node:http speaks HTTP/1.1 over a socketPath with no
 * extra dependency; `ws` (already used by browser mode) opens the API's websockets through its
 * `ws+unix:` addresses. Both daemons answer with one envelope: sync (metadata), async (an
 * operation to wait for) or error.
 */
export class LxdApiError extends Error {
  override readonly name = 'LxdApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the socket did not answer. */
    readonly status: number,
  ) {
    super(message);
  }
}

interface Envelope {
  type: 'sync' | 'async' | 'error';
  status_code?: number;
  error_code?: number;
  error?: string;
  operation?: string;
  metadata?: unknown;
}

export interface LxdOperation {
  id: string;
  status: string;
  status_code: number;
  err: string;
  metadata: Record<string, unknown> | null;
}

const requestTimeoutMs = 30_000;

export class LxdClient {
  constructor(readonly socketPath: string) {}

  /** A sync call's metadata; throws LxdApiError with the daemon's own sentence on failure. */
  async get<T>(path: string): Promise<T> {
    return (await this.#call('GET', path, undefined, requestTimeoutMs)).metadata as T;
  }

  /** A call that may start an operation: waits for it and returns the finished operation. */
  async act(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<LxdOperation | undefined> {
    const envelope = await this.#call(method, path, body, requestTimeoutMs);
    if (envelope.type !== 'async' || !envelope.operation) return undefined;
    return this.wait(envelope.operation);
  }

  /** Starts an operation and returns it running (exec: its websockets must be joined first). */
  async start(
    method: 'POST',
    path: string,
    body: unknown,
  ): Promise<{ path: string; operation: LxdOperation }> {
    const envelope = await this.#call(method, path, body, requestTimeoutMs);
    if (envelope.type !== 'async' || !envelope.operation)
      throw new LxdApiError(`${method} ${path} started no operation`, 0);
    return { path: envelope.operation, operation: envelope.metadata as LxdOperation };
  }

  /** Waits for an operation to end; a failed one throws its error sentence. */
  async wait(operationPath: string, timeoutSeconds = 120): Promise<LxdOperation> {
    const { metadata } = await this.#call(
      'GET',
      `${operationPath}/wait?timeout=${timeoutSeconds}`,
      undefined,
      (timeoutSeconds + 10) * 1000,
    );
    const done = metadata as LxdOperation;
    if (done.status_code >= 400) throw new LxdApiError(done.err || done.status, done.status_code);
    if (done.status_code < 200) throw new LxdApiError(`still ${done.status} after ${timeoutSeconds} s`, 0);
    return done;
  }

  /** Opens one of the API's websockets (events, an exec's streams). */
  websocket(path: string): WebSocket {
    return new WebSocket(`ws+unix://${this.socketPath}:${path}`);
  }

  #call(method: string, path: string, body: unknown, timeoutMs: number): Promise<Envelope> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise<Envelope>((resolve, reject) => {
      const req = request(
        {
          socketPath: this.socketPath,
          method,
          path,
          headers: {
            host: 'lxd',
            ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            let envelope: Envelope;
            try {
              envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope;
            } catch {
              reject(
                new LxdApiError(
                  `${method} ${path}: HTTP ${res.statusCode} without a JSON answer`,
                  res.statusCode ?? 0,
                ),
              );
              return;
            }
            if (envelope.type === 'error' || (res.statusCode ?? 500) >= 400)
              reject(
                new LxdApiError(
                  envelope.error || `HTTP ${res.statusCode}`,
                  envelope.error_code ?? res.statusCode ?? 0,
                ),
              );
            else resolve(envelope);
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new LxdApiError(`${method} ${path}: no answer within ${timeoutMs / 1000} s`, 0)),
      );
      req.on('error', (error) =>
        reject(error instanceof LxdApiError ? error : new LxdApiError(error.message, 0)),
      );
      req.end(payload);
    });
  }
}
