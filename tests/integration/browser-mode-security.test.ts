import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startBrowserMode, type BrowserModeServer } from '../../src/main/browser-mode/server';
import { createLab, type Lab } from '../../src/main/lab';
import { createLogger } from '../../src/main/lab/log';
import { maxRequestBytes } from '../../src/shared/wire';
import { engineGate } from '../support/engines';
import { callOverSocket, openApiSocket, rawExchange, rawGet, requestThenReset } from '../support/http';

// The real server over the real lab core: this server can drive Docker (root on the host), so
// each way in must refuse what is not the app's own page.
const gate = await engineGate(['docker', 'libvirt']);

describe.skipIf(gate.skip)('browser-mode server access control', () => {
  const token = randomBytes(16).toString('hex');
  let lab: Lab;
  let server: BrowserModeServer;
  let port: number;
  let self: string;

  beforeAll(async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'twinlab-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Twinlab</title>');
    lab = await createLab({
      version: 'test',
      mode: 'browser',
      resourcesDir: join(import.meta.dirname, '../../resources'),
    });
    server = await startBrowserMode({ lab, rendererDir, token, port: 0, log: createLogger('test', 'error') });
    port = server.port;
    self = `127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    await lab?.dispose();
  });

  describe('HTTP', () => {
    it('serves the page, a public build output, without any secret and never sets a cookie', async () => {
      const res = await rawGet(port, '/', { Host: self });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<title>Twinlab</title>');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });

    it('ignores a token in the query: it grants nothing and sets no cookie', async () => {
      const res = await rawGet(port, `/?token=${token}`, { Host: self });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a foreign Origin with 403', async () => {
      const res = await rawGet(port, '/', { Host: self, Origin: 'http://evil.example' });
      expect(res.status).toBe(403);
    });

    it('refuses a foreign Host (DNS rebinding) with 403', async () => {
      expect((await rawGet(port, '/', { Host: `evil.example:${port}` })).status).toBe(403);
      expect((await rawGet(port, '/', { Host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    });

    it('accepts localhost by name, and never serves files outside the renderer', async () => {
      expect((await rawGet(port, '/', { Host: `localhost:${port}` })).status).toBe(200);
      const escape = await rawGet(port, '/..%2f..%2f..%2fetc%2fpasswd', { Host: self });
      expect(escape.status).toBe(404);
      expect(escape.body).not.toContain('root:');
    });
  });

  describe('malformed requests (issue #16: one request used to kill the server)', () => {
    const stillServing = async () => expect((await rawGet(port, '/', { Host: self })).status).toBe(200);

    it('answers an unparsable request target with 400, on a page request and on an upgrade', async () => {
      const page = await rawExchange(
        port,
        `GET http://[/ HTTP/1.1\r\nHost: ${self}\r\nConnection: close\r\n\r\n`,
      );
      expect(page).toMatch(/^HTTP\/1\.1 400 /);
      const upgrade = await rawExchange(
        port,
        `GET http://[/ HTTP/1.1\r\nHost: ${self}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
      expect(upgrade).toMatch(/^HTTP\/1\.1 400 /);
      await stillServing();
    });

    // Unguarded, the in-process server's ECONNRESET surfaces as an unhandled error, which fails the run.
    it('survives a client that resets the connection after its upgrade was refused', async () => {
      for (let round = 0; round < 5; round++) {
        const refusal = await requestThenReset(
          port,
          `GET /api HTTP/1.1\r\nHost: ${self}\r\nOrigin: http://evil.example\r\nConnection: Upgrade\r\n` +
            `Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
        );
        expect(refusal).toMatch(/^HTTP\/1\.1 403 /);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      await stillServing();
    });
  });

  describe('WebSocket', () => {
    const ownOrigin = () => `http://${self}`;
    const withToken = (value: string) => ['twinlab', `twinlab.token.${value}`];

    it('refuses no token (401), a wrong token (401), a foreign Origin (403) and a foreign Host (403)', async () => {
      expect(await openApiSocket(port, '/api', { Origin: ownOrigin() })).toEqual({ refused: 401 });
      expect(await openApiSocket(port, '/api', { Origin: ownOrigin() }, withToken('nope'))).toEqual({
        refused: 401,
      });
      expect(await openApiSocket(port, '/api', { Origin: 'http://evil.example' }, withToken(token))).toEqual({
        refused: 403,
      });
      expect(await openApiSocket(port, '/api', { Host: `evil.example:${port}` }, withToken(token))).toEqual({
        refused: 403,
      });
    });

    it('takes no token from the query or a cookie any more', async () => {
      expect(await openApiSocket(port, `/api?token=${token}`, { Origin: ownOrigin() })).toEqual({
        refused: 401,
      });
      expect(
        await openApiSocket(port, '/api', { Origin: ownOrigin(), Cookie: `twinlab_token_${port}=${token}` }),
      ).toEqual({ refused: 401 });
    });

    it('answers with the API subprotocol only, never echoing the token', async () => {
      const opened = await openApiSocket(port, '/api', { Origin: ownOrigin() }, withToken(token));
      if (!('socket' in opened)) throw new Error(`refused with ${opened.refused}`);
      expect(opened.socket.protocol).toBe('twinlab');
      opened.socket.close();
    });

    describe('with the right credentials', () => {
      let socket: WebSocket;
      beforeAll(async () => {
        const opened = await openApiSocket(port, '/api', { Origin: ownOrigin() }, withToken(token));
        if (!('socket' in opened)) throw new Error(`refused with ${opened.refused}`);
        socket = opened.socket;
      });
      afterAll(() => socket?.close());

      it('answers a call with the real engine status', async () => {
        await expect
          .poll(
            () => callOverSocket(socket, JSON.stringify({ id: 1, method: 'engines.status', input: {} }), 1),
            {
              timeout: 20_000,
              interval: 500,
            },
          )
          .toMatchObject({ id: 1, ok: true, result: { docker: { state: 'up' }, libvirt: { state: 'up' } } });
      });

      it('answers an unknown method with a typed error', async () => {
        const reply = await callOverSocket(
          socket,
          JSON.stringify({ id: 2, method: 'guests.nuke', input: {} }),
          2,
        );
        expect(reply).toMatchObject({
          id: 2,
          ok: false,
          error: { code: 'unknown-method', key: 'error.unknownMethod' },
        });
      });

      it('answers malformed input with a typed error and keeps serving', async () => {
        const bad = await callOverSocket(
          socket,
          JSON.stringify({ id: 3, method: 'host.check', input: { refresh: 'yes' } }),
          3,
        );
        expect(bad).toMatchObject({ id: 3, ok: false, error: { code: 'bad-input' } });
        const extra = await callOverSocket(
          socket,
          JSON.stringify({ id: 4, method: 'app.info', input: { evil: 1 } }),
          4,
        );
        expect(extra).toMatchObject({ id: 4, ok: false, error: { code: 'bad-input' } });
        const garbage = await callOverSocket(socket, '{not json', 0);
        expect(garbage).toMatchObject({ ok: false, error: { code: 'bad-input' } });
        const after = await callOverSocket(
          socket,
          JSON.stringify({ id: 5, method: 'app.info', input: {} }),
          5,
        );
        expect(after).toMatchObject({ id: 5, ok: true, result: { mode: 'browser' } });
      });

      it('answers an oversized request with too-large', async () => {
        const padding = 'x'.repeat(maxRequestBytes + 1);
        const reply = await callOverSocket(
          socket,
          JSON.stringify({ id: 6, method: 'app.info', input: { padding } }),
          6,
        );
        expect(reply).toMatchObject({ id: 6, ok: false, error: { code: 'too-large' } });
      });
    });
  });
});
