/**
 * Where the app's own renderer lives: the built index.html on disk, or the electron-vite dev
 * server during development. Only frames at this location may call the API or navigate.
 */
export type AppLocation = { kind: 'file'; indexUrl: string } | { kind: 'dev'; origin: string };

/**
 * True when a frame URL is the app's renderer. A file:// page must be our index.html itself
 * (any other local file could be hostile); a dev page must be on the dev server's origin.
 */
export function isAppUrl(url: string | undefined, app: AppLocation): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (app.kind === 'dev') return parsed.origin === app.origin;
  const expected = new URL(app.indexUrl);
  return parsed.protocol === 'file:' && parsed.pathname === expected.pathname;
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
