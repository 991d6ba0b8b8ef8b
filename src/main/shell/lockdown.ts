import { shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';
import { isAppUrl, type AppLocation } from './app-frame';
import { isPermissionAllowed } from './permissions';

/** Deny-by-default rules for every web content the app creates (Electron security checklist). */
export function lockDownSession(session: Session, app: AppLocation): void {
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(isPermissionAllowed(permission, isAppUrl(contents.getURL(), app))),
  );
  session.setPermissionCheckHandler((contents, permission) =>
    isPermissionAllowed(permission, contents !== null && isAppUrl(contents.getURL(), app)),
  );
}

export function lockDownContents(contents: WebContents, app: AppLocation): void {
  // Every frame, not only the top one ('will-navigate'): an iframe must not be steered elsewhere either.
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url, app)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
