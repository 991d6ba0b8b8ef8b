import { describe, expect, it } from 'vitest';
import {
  appLocationFor,
  isAppUrl,
  isTrustedSender,
  type AppLocation,
} from '../../../src/main/shell/app-frame';
import { isAllowedExternalUrl } from '../../../src/main/shell/external-links';
import { isPermissionAllowed } from '../../../src/main/shell/permissions';
import { mainWindowOptions } from '../../../src/main/shell/window-options';

const app: AppLocation = { kind: 'app', url: 'app://twinlab/index.html' };
const dev: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' };
const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('IPC sender check', () => {
  it("accepts the top frame of the app's own page, with or without a hash route", () => {
    expect(isTrustedSender(topFrame('app://twinlab/index.html'), app)).toBe(true);
    expect(isTrustedSender(topFrame('app://twinlab/index.html#/host'), app)).toBe(true);
  });

  it('rejects a frame that is not the app: another file, a web page, an iframe, a destroyed frame', () => {
    for (const url of [
      'file:///opt/twinlab/out/renderer/index.html', // where the page lived before app://
      'file:///tmp/evil.html',
      'app://twinlab/assets/index.js',
      'app://evil/index.html',
      'app://twinlab.evil.example/index.html',
      'https://twinlab/index.html',
      'https://evil.example/',
      'not a url',
    ]) {
      expect(isTrustedSender(topFrame(url), app), url).toBe(false);
    }
    const iframe = { senderFrame: { url: 'app://twinlab/index.html', parent: {} } };
    expect(isTrustedSender(iframe, app)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, app)).toBe(false);
  });

  it('in development accepts only the dev server origin', () => {
    expect(isTrustedSender(topFrame('http://localhost:5173/#/lab'), dev)).toBe(true);
    expect(isTrustedSender(topFrame('http://localhost:5174/'), dev)).toBe(false);
    expect(isAppUrl('app://twinlab/index.html', dev)).toBe(false);
  });
});

describe('where the window loads its page', () => {
  it("follows electron-vite's ELECTRON_RENDERER_URL only when the app is not packaged", () => {
    expect(appLocationFor(false, 'http://localhost:5173/')).toEqual({
      kind: 'dev',
      url: 'http://localhost:5173/',
    });
    expect(appLocationFor(true, 'http://localhost:5173/')).toEqual(app);
    expect(appLocationFor(true, 'https://evil.example/')).toEqual(app);
    expect(appLocationFor(false, undefined)).toEqual(app);
    expect(appLocationFor(false, '')).toEqual(app);
  });

  it('refuses a dev URL that is not http(s), whose origin would match any other opaque one', () => {
    for (const url of ['file:///tmp/evil.html', 'javascript:alert(1)', 'not a url']) {
      expect(() => appLocationFor(false, url), url).toThrow(/ELECTRON_RENDERER_URL/);
    }
  });
});

describe('main window options', () => {
  const options = mainWindowOptions('/app/preload/index.cjs', '/app/icon.png');
  it('isolates the renderer: context isolation and sandbox on, no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('external links and permissions', () => {
  it('opens only https links to allowlisted documentation hosts', () => {
    expect(isAllowedExternalUrl('https://docs.docker.com/engine/')).toBe(true);
    expect(isAllowedExternalUrl('http://docs.docker.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://docs.docker.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@libvirt.org/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('denies every permission but the clipboard, and that only to the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', true)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', true)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', false)).toBe(false);
    expect(isPermissionAllowed('clipboard-read', false)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission, true)).toBe(false);
    }
  });
});
