import { appHost, appIndexUrl, appScheme } from './app-scheme';

/**
 * Where the app's own renderer lives: the built pages on app://twinlab, or the electron-vite dev
 * server during development. Only frames at this location may call the API or navigate.
 */
export type AppLocation = { kind: 'app'; url: string } | { kind: 'dev'; url: string };

/**
 * electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`. Only an unpackaged app follows it:
 * in a package anyone who can set the variable could otherwise hand the API to any web page.
 */
export function appLocationFor(isPackaged: boolean, devServerUrl: string | undefined): AppLocation {
  if (isPackaged || !devServerUrl) return { kind: 'app', url: appIndexUrl };
  if (!/^https?:$/.test(URL.parse(devServerUrl)?.protocol ?? '')) {
    throw new Error(
      `ELECTRON_RENDERER_URL (${devServerUrl}) is not an http(s) URL: unset it or start \`npm run dev\`.`,
    );
  }
  return { kind: 'dev', url: devServerUrl };
}

/**
 * True when a frame URL is the app's renderer: on app://, index.html itself (no other file there
 * is a page); in development, any page on the dev server's origin.
 */
export function isAppUrl(url: string | undefined, app: AppLocation): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (app.kind === 'dev') return parsed.origin === new URL(app.url).origin;
  return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.pathname === '/index.html';
}

/** The parts of Electron's IPC event a sender check needs (kept structural for unit tests). */
export interface SenderFacts {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Every IPC handler runs this before it parses input: the message must come from the top frame
 * of our own page, never from an iframe or a page the window was somehow navigated to.
 */
export function isTrustedSender(event: SenderFacts, app: AppLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, app);
}
