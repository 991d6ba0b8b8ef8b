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
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
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
