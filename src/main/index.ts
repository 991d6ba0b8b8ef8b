import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { createLab } from './lab';
import { createLogger, ignoreClosedOutput } from './lab/log';
import { appLocationFor } from './shell/app-frame';
import { appScheme, appSchemePrivileges, serveAppFiles } from './shell/app-scheme';
import { lockDownContents, lockDownSession } from './shell/lockdown';
import { resourcesDirFor } from './shell/resources-dir';
import { mainWindowOptions } from './shell/window-options';
import { forwardEvents, serveApiOverIpc } from './transport/ipc';

/** The Electron shell: one locked-down window over the lab core. No business logic here. */
const log = createLogger('electron');
// Started from a terminal that is then closed, the app keeps running and its log lines go nowhere.
ignoreClosedOutput();
const here = import.meta.dirname;
const resourcesDir = resourcesDirFor(app, process.resourcesPath);

app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
if (!app.requestSingleInstanceLock()) app.quit();
else
  start().catch((error: unknown) => {
    // Without this a failed start leaves a process with no window that never ends.
    log.error(`Twinlab could not start: ${error instanceof Error ? error.stack : String(error)}`);
    app.exit(1);
  });

async function start(): Promise<void> {
  const appLocation = appLocationFor(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  await app.whenReady();
  lockDownSession(session.defaultSession, appLocation);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appLocation));

  const lab = await createLab({ version: app.getVersion(), mode: 'electron', resourcesDir });
  // Before the window exists: its page is the first request, and it carries the lab's host language.
  protocol.handle(appScheme, serveAppFiles(join(here, '..', 'renderer'), lab.hostLocale));
  serveApiOverIpc(ipcMain, lab, appLocation, log);

  const window = new BrowserWindow(
    mainWindowOptions(join(here, '..', 'preload', 'index.cjs'), join(resourcesDir, 'icons', 'twinlab.png')),
  );
  const stopEvents = forwardEvents(lab, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', stopEvents);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    void lab.dispose().finally(() => app.quit());
  });

  await window.loadURL(appLocation.url);
}
