import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
interface WiringReport {
  appUrl: string;
  calls: string[];
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

let report: WiringReport;
beforeAll(async () => {
  // The e2e layer builds first (`npm run test:e2e`); a stale bundle would test old code.
  expect(existsSync(builtMain), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
  const sources = ['src/main/index.ts', 'src/main/shell', 'src/main/transport'].map((path) =>
    join(root, path),
  );
  expect(
    statSync(builtMain).mtimeMs >= Math.max(...sources.map(newestMtime)),
    'out/main/index.js is older than the shell sources: run `npm run build` first',
  ).toBe(true);

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
      },
      limitSeconds: 60,
    },
  );
  expect(result.code, result.output).toBe(0);
  report = JSON.parse(readFileSync(reportPath, 'utf8')) as WiringReport;
});

describe('the Electron shell, as built, asks for', () => {
  it('the renderer sandbox before anything else, and its lockdown before the window exists', () => {
    const { calls } = report;
    expect(calls[0]).toBe('app.enableSandbox');
    const windowAt = calls.indexOf('BrowserWindow.constructor');
    expect(calls.indexOf('session.setPermissionRequestHandler')).toBeLessThan(windowAt);
    expect(calls.indexOf('session.setPermissionCheckHandler')).toBeLessThan(windowAt);
    expect(calls.indexOf('ipcMain.handle')).toBeLessThan(calls.indexOf('BrowserWindow.loadFile'));
    expect(report.windowCount).toBe(1);
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

  it('its own built page from disk, under a strict Content-Security-Policy, and no custom protocols', () => {
    expect(report.loads).toEqual([{ kind: 'file', target: join(root, 'out', 'renderer', 'index.html') }]);
    const page = readFileSync(report.loads[0]?.target ?? '', 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1] ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(report.calls.filter((call) => /(^|\.)protocol\./.test(call))).toEqual([]);
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
    const [evil, otherFile, iframe, destroyed, app] = report.ipc;
    for (const refused of [evil, otherFile, iframe, destroyed]) {
      expect(refused?.reply, JSON.stringify(refused?.senderFrame)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(app?.reply).toMatchObject({ ok: true, result: { mode: 'electron', version: '0.0.0-stand-in' } });
  });

  it('shows the window when it is ready and quits when the last window closes', () => {
    expect(report.shownWhenReady).toBe(true);
    expect(report.quitAfterLastWindow).toBe(true);
  });
});
