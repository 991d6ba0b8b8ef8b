import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot } from './support/browser';
import { AppShell } from './pages/app-shell';

// Issue #16: the token used to live in a cookie, and cookies ignore ports, so Chromium handed it
// to every other server on 127.0.0.1 (a lab guest's forwarded port, any local web app). Two real
// local servers here: Twinlab, and a neighbour that records whatever the browser sends it.
const gate = await engineGate(['docker', 'libvirt']);

interface Neighbour {
  port: number;
  seen: string[];
  server: Server;
}

/** A local web app on another port: logs every request line and header, serves one page. */
async function startNeighbour(twinlabPort: () => number): Promise<Neighbour> {
  const seen: string[] = [];
  const record = (req: IncomingMessage) =>
    seen.push(`${req.method} ${req.url}\n${req.rawHeaders.join('\n')}`);
  const server = createServer((req, res) => {
    record(req);
    // A hostile page: it tries the Twinlab API from its own origin, as a guest's web app could.
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>neighbour</title><script>
      const ws = new WebSocket('ws://127.0.0.1:${twinlabPort()}/api', ['twinlab']);
      ws.onopen = () => (document.title = 'api-open');
      ws.onclose = () => { if (document.title !== 'api-open') document.title = 'api-refused'; };
    </script>`);
  });
  server.on('upgrade', (req, socket) => {
    record(req);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

describe.skipIf(gate.skip)('browser-mode token in Chromium', () => {
  const app = appUnderTest();
  let neighbour: Neighbour;
  beforeAll(async () => {
    neighbour = await startNeighbour(() => app.server.port);
  });
  afterAll(async () => {
    await new Promise((resolve) => neighbour?.server.close(resolve));
  });

  it('works from the printed URL, then leaves no token in the address bar, history or cookies', async () => {
    expect(app.server.url).toMatch(/\/#token=/);
    const { context, page } = await openApp(app.browser, app.server.url);
    const shell = new AppShell(page);
    await expect.poll(() => shell.engineState('docker'), { timeout: 20_000 }).toBe('up');
    expect(page.url()).not.toContain(app.server.token);
    expect(await page.evaluate(() => location.href)).not.toContain('token');
    expect(await context.cookies()).toEqual([]);
    // A reload keeps the tab connected: the token is in this tab's sessionStorage.
    await page.reload();
    await expect.poll(() => shell.engineState('docker'), { timeout: 20_000 }).toBe('up');
    // Back through history never finds the token either: its entry was replaced.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).not.toContain(app.server.token);
    await context.close();
  });

  it('sends the token to no other local server, whatever the page does', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await expect.poll(() => new AppShell(page).engineState('docker'), { timeout: 20_000 }).toBe('up');
    const neighbourUrl = `http://127.0.0.1:${neighbour.port}/`;
    // The user opens the neighbour in a new tab, then in the Twinlab tab itself (the page's own
    // CSP already keeps it from requesting other origins).
    const other = await context.newPage();
    await other.goto(neighbourUrl);
    await page.goto(neighbourUrl);
    for (const tab of [other, page]) {
      await expect.poll(() => tab.title(), { timeout: 10_000 }).toBe('api-refused');
    }
    expect(neighbour.seen.length).toBeGreaterThanOrEqual(2);
    for (const request of neighbour.seen) expect(request).not.toContain(app.server.token);
    expect(neighbour.seen.join('\n')).not.toMatch(/twinlab_token/i);
    await context.close();
  });

  it('says where the full address is when a tab has no token, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await openApp(app.browser, app.server.origin, { colorScheme });
      await page.getByRole('heading', { name: 'Open Twinlab from the address it printed' }).waitFor();
      await screenshot(page, `browser-mode-missing-token-${colorScheme}`);
      await context.close();
    }
  });
});
