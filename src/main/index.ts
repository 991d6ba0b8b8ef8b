import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { createLab } from './lab';
import { createLogger } from './lab/log';
import type { AppLocation } from './shell/app-frame';
import { lockDownContents, lockDownSession } from './shell/lockdown';
import { resourcesDirFor } from './shell/resources-dir';
import { mainWindowOptions } from './shell/window-options';
import { forwardEvents, serveApiOverIpc } from './transport/ipc';

/** The Electron shell: one locked-down window over the lab core. No business logic here. */
const log = createLogger('electron');
const here = import.meta.dirname;
const devServer = process.env['ELECTRON_RENDERER_URL'];
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const appLocation: AppLocation = devServer
  ? { kind: 'dev', origin: new URL(devServer).origin }
  : { kind: 'file', indexUrl: pathToFileURL(rendererIndex).href };
const resourcesDir = resourcesDirFor(app, process.resourcesPath);

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();
else
  start().catch((error: unknown) => {
    // Without this a failed start leaves a process with no window that never ends.
    log.error(`Twinlab could not start: ${error instanceof Error ? error.stack : String(error)}`);
    app.exit(1);
  });

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession, appLocation);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appLocation));

  const lab = await createLab({ version: app.getVersion(), mode: 'electron', resourcesDir });
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

  if (devServer) await window.loadURL(devServer);
  else await window.loadFile(rendererIndex);
}
