import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './support/run-command';

/**
 * A test of the shell's wiring, not of Electron: the BUILT main bundle (out/main/index.js) runs in
 * Node over a stand-in `electron` module that records what the shell asks for, then a driver plays
 * a hostile page against the handlers it registered (tests/e2e/support/electron-stand-in/). The lab
 * core behind it is real. Whether Electron honours these settings is Electron's business; that the
 * shell asks for them, in order, on every web contents, is ours.
 */
const root = join(import.meta.dirname, '..', '..');
const standIn = join(import.meta.dirname, 'support', 'electron-stand-in');
const builtMain = join(root, 'out', 'main', 'index.js');

interface NavigationOutcome {
  url: string;
  willRedirect: boolean;
  mainFrame: boolean;
  subFrame: boolean;
}
interface WindowOpenOutcome {
  url: string;
  decision: { action: string };
  openedExternally: string[];
}
interface PermissionOutcome {
  pageUrl: string | null;
  permission: string;
  granted: boolean | string;
}
interface IpcOutcome {
  senderFrame: { url: string; parent: unknown } | null;
  reply: { ok: boolean; result?: { mode: string; version: string }; error?: { code: string } } | string;
}
interface SchemeResponse {
  url: string;
  method: string;
  status: number | string;
  headers: Record<string, string>;
  text?: string;
  sha256: string;
}
interface WiringReport {
  appUrl: string;
  calls: string[];
  isPackaged: boolean;
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  handledSchemes: string[];
  schemeRequests: SchemeResponse[];
  windowCount: number;
  windowOptions: { icon: string; webPreferences: Record<string, unknown> };
  loads: { kind: string; target: string }[];
  ipcChannels: string[];
  ipcListeners: string[];
  navigation: NavigationOutcome[];
  laterContents: { navigation: NavigationOutcome; windowOpen: WindowOpenOutcome };
  attachWebview: boolean;
  windowOpen: WindowOpenOutcome[];
  permissionRequests: PermissionOutcome[];
  permissionChecks: PermissionOutcome[];
  ipc: IpcOutcome[];
  shownWhenReady: boolean;
  quitAfterLastWindow: boolean;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Runs the built shell over the stand-in once, with these extra environment variables. */
async function driveShell(env: Record<string, string>): Promise<WiringReport> {
  const home = mkdtempSync(join(tmpdir(), 'twinlab-shell-wiring-'));
  const reportPath = join(home, 'report.json');
  const result = await runCommand(
    process.execPath,
    ['--import', join(standIn, 'register.mjs'), join(standIn, 'drive-shell.mjs'), builtMain, reportPath],
    {
      cwd: root,
      // The lab core really starts: keep its settings and data out of the user's home.
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_CACHE_HOME: join(home, 'cache'),
        ELECTRON_RENDERER_URL: '',
        TWINLAB_STAND_IN_PACKAGED: '',
        ...env,
      },
      limitSeconds: 60,
    },
  );
  expect(result.code, result.output).toBe(0);
  return JSON.parse(readFileSync(reportPath, 'utf8')) as WiringReport;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const devServer = 'http://127.0.0.1:5173/';

let report: WiringReport;
let packaged: WiringReport;
let development: WiringReport;
beforeAll(async () => {
  // The e2e layer builds first (`npm run test:e2e`); a stale bundle would test old code.
  expect(existsSync(builtMain), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
  const sources = ['src/main/index.ts', 'src/main/shell', 'src/main/transport', 'src/main/browser-mode'].map(
    (path) => join(root, path),
  );
  expect(
    statSync(builtMain).mtimeMs >= Math.max(...sources.map(newestMtime)),
    'out/main/index.js is older than the shell sources: run `npm run build` first',
  ).toBe(true);

  report = await driveShell({});
  // electron-vite's dev server variable, set for a packaged app and for a checkout.
  packaged = await driveShell({ TWINLAB_STAND_IN_PACKAGED: '1', ELECTRON_RENDERER_URL: devServer });
  development = await driveShell({ ELECTRON_RENDERER_URL: devServer });
}, 180_000);

describe('the Electron shell, as built, asks for', () => {
  it('the renderer sandbox before anything else, and its lockdown before the window exists', () => {
    const { calls } = report;
    expect(calls[0]).toBe('app.enableSandbox');
    const windowAt = calls.indexOf('BrowserWindow.constructor');
    expect(calls.indexOf('session.setPermissionRequestHandler')).toBeLessThan(windowAt);
    expect(calls.indexOf('session.setPermissionCheckHandler')).toBeLessThan(windowAt);
    expect(calls.indexOf('ipcMain.handle')).toBeLessThan(calls.indexOf('BrowserWindow.loadURL'));
    expect(report.windowCount).toBe(1);
  });

  it('app:// made privileged before ready, and handled after it, before the page loads', () => {
    const { calls } = report;
    const readyAt = calls.indexOf('app.whenReady');
    expect(calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(readyAt);
    expect(calls.indexOf('protocol.handle')).toBeGreaterThan(readyAt);
    expect(calls.indexOf('protocol.handle')).toBeLessThan(calls.indexOf('BrowserWindow.loadURL'));
    expect(report.privilegedSchemes).toHaveLength(1);
    const [scheme] = report.privilegedSchemes;
    expect(scheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    // Nothing that would let the page escape its own rules.
    expect(scheme?.privileges).not.toHaveProperty('bypassCSP');
    expect(scheme?.privileges).not.toHaveProperty('allowServiceWorkers');
    expect(report.handledSchemes).toEqual(['app']);
    // No session-level or file protocol overrides besides it.
    expect(calls.filter((call) => /(^|\.)protocol\./.test(call))).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'protocol.handle',
    ]);
  });

  it('one window with context isolation, sandbox, web security and no Node anywhere', () => {
    const preferences = report.windowOptions.webPreferences;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('experimentalFeatures');
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences['preload']).toBe(join(root, 'out', 'preload', 'index.cjs'));
    expect(existsSync(String(preferences['preload']))).toBe(true);
    expect(existsSync(report.windowOptions.icon)).toBe(true);
  });

  it('its own built page on app://twinlab, under a strict Content-Security-Policy in the page and the header', () => {
    expect(report.isPackaged).toBe(false);
    expect(report.appUrl).toBe('app://twinlab/index.html');
    expect(report.loads).toEqual([{ kind: 'url', target: 'app://twinlab/index.html' }]);
    const [page] = report.schemeRequests;
    expect(page?.status).toBe(200);
    // The built page, with the host's UI language filled into its meta tag by main.
    const hostLocaleMeta = /<meta name="twinlab-host-locale" content="([^"]*)" \/>/;
    const served = page?.text ?? '';
    expect(hostLocaleMeta.exec(served)?.[1]).toMatch(/^(en|zh-CN|ko)$/);
    expect(served.replace(hostLocaleMeta, '<meta name="twinlab-host-locale" content="" />')).toBe(
      readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8'),
    );
    const metaCsp =
      /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page?.text ?? '')?.[1] ?? '';
    for (const csp of [metaCsp, page?.headers['content-security-policy'] ?? '']) {
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('default-src'), csp).toEqual(["'self'"]);
      expect(directives.get('script-src'), csp).toEqual(["'self'"]);
      expect(directives.get('object-src'), csp).toEqual(["'none'"]);
      expect(directives.get('base-uri'), csp).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|https?:|file:|\*/);
    }
    // Only a header can say this: no other page may frame the app.
    expect(page?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page?.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the built script the page names from app://, and nothing outside the renderer folder', () => {
    const [, script, ...refused] = report.schemeRequests;
    const post = refused.pop();
    expect(script?.url).toMatch(/^app:\/\/twinlab\/assets\/index-[\w-]+\.js$/);
    expect(script).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    });
    const onDisk = join(root, 'out', 'renderer', new URL(script?.url ?? '').pathname);
    expect(script?.sha256).toBe(sha256(onDisk));
    // ../main/index.js and ../preload/index.cjs exist beside the renderer folder: a leak would serve them.
    expect(refused.map(({ url }) => url)).toContain('app://twinlab/%2e%2e%2fmain%2findex.js');
    for (const outcome of refused) {
      expect(outcome, outcome.url).toMatchObject({ status: 404, text: 'Not found.\n' });
    }
    expect(post).toMatchObject({ method: 'POST', status: 405 });
  });

  it('every navigation away from the app page refused, in any frame, on every web contents', () => {
    for (const outcome of report.navigation.slice(0, -1)) {
      expect(outcome, outcome.url).toMatchObject({ willRedirect: true, mainFrame: true, subFrame: true });
    }
    // Moving between the app's own routes stays possible.
    expect(report.navigation.at(-1)).toMatchObject({
      willRedirect: false,
      mainFrame: false,
      subFrame: false,
    });
    expect(report.laterContents.navigation).toMatchObject({ mainFrame: true, subFrame: true });
    expect(report.attachWebview).toBe(true);
  });

  it('no new windows; only allowlisted https documentation links go to the browser', () => {
    for (const outcome of [...report.windowOpen, report.laterContents.windowOpen]) {
      expect(outcome.decision, outcome.url).toEqual({ action: 'deny' });
    }
    expect(report.windowOpen.flatMap((outcome) => outcome.openedExternally)).toEqual([
      'https://docs.docker.com/engine/',
    ]);
  });

  it('every permission denied except the clipboard, and that only for the app page', () => {
    const granted = (outcomes: PermissionOutcome[]) =>
      outcomes
        .filter((outcome) => outcome.granted === true)
        .map(({ pageUrl, permission }) => [pageUrl, permission]);
    expect(granted(report.permissionRequests)).toEqual([
      [report.appUrl, 'clipboard-read'],
      [report.appUrl, 'clipboard-sanitized-write'],
    ]);
    expect(report.permissionRequests.every((outcome) => typeof outcome.granted === 'boolean')).toBe(true);
    expect(granted(report.permissionChecks)).toEqual([[report.appUrl, 'clipboard-read']]);
  });

  it("one IPC channel, answering only the app page's top frame", () => {
    expect(report.ipcChannels).toEqual(['twinlab:invoke']); // ipcChannels.invoke in src/shared/wire.ts
    expect(report.ipcListeners).toEqual([]);
    const app = report.ipc.at(-1);
    const refused = report.ipc.slice(0, -1);
    // The web, other files, the built index.html as a file://, other app:// files, an iframe, a destroyed frame.
    expect(refused.map((outcome) => outcome.senderFrame?.url)).toContain(
      pathToFileURL(join(root, 'out', 'renderer', 'index.html')).href,
    );
    for (const outcome of refused) {
      expect(outcome.reply, JSON.stringify(outcome.senderFrame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(app?.senderFrame).toEqual({ url: 'app://twinlab/index.html', parent: null });
    expect(app?.reply).toMatchObject({ ok: true, result: { mode: 'electron', version: '0.0.0-stand-in' } });
  });

  it('shows the window when it is ready and quits when the last window closes', () => {
    expect(report.shownWhenReady).toBe(true);
    expect(report.quitAfterLastWindow).toBe(true);
  });
});

describe("electron-vite's ELECTRON_RENDERER_URL", () => {
  const answers = (run: WiringReport, url: string) =>
    run.ipc.find((outcome) => outcome.senderFrame?.url === url && outcome.senderFrame.parent === null)?.reply;

  it('is ignored by a packaged app: it loads its own files, and the dev server gets no API', () => {
    expect(packaged.isPackaged).toBe(true);
    expect(packaged.loads).toEqual([{ kind: 'url', target: 'app://twinlab/index.html' }]);
    expect(answers(packaged, devServer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(answers(packaged, 'app://twinlab/index.html')).toMatchObject({ ok: true });
    expect(packaged.navigation.find((outcome) => outcome.url === devServer)).toMatchObject({
      mainFrame: true,
      subFrame: true,
    });
  });

  it('is followed in a checkout (so the packaged run above really ignored it)', () => {
    expect(development.isPackaged).toBe(false);
    expect(development.loads).toEqual([{ kind: 'url', target: devServer }]);
    expect(answers(development, devServer)).toMatchObject({ ok: true });
    expect(answers(development, 'app://twinlab/index.html')).toMatchObject({ ok: false });
  });
});
