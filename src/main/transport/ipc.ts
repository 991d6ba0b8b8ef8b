import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ApiError } from '@shared/errors';
import { ipcChannels } from '@shared/wire';
import type { Lab } from '../lab';
import type { Logger } from '../lab/log';
import { isTrustedSender, type AppLocation } from '../shell/app-frame';
import { dispatch } from './dispatch';

/**
 * The Electron IPC adapter of the router: one invoke channel for every method, checked for its
 * sender before anything is parsed; events are sent to the window on one channel.
 */
export function serveApiOverIpc(ipcMain: IpcMain, lab: Lab, app: AppLocation, log: Logger): () => void {
  ipcMain.handle(ipcChannels.invoke, async (event: IpcMainInvokeEvent, call: unknown) => {
    if (!isTrustedSender(event, app)) {
      log.warn(`refused IPC from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return {
        ok: false,
        error: new ApiError('forbidden', 'error.forbidden', 'Caller is not the Twinlab window.').toData(),
      };
    }
    // Structured clone already rebuilt the object; its JSON size is the honest size to limit.
    return dispatch(lab.router, call, Buffer.byteLength(JSON.stringify(call ?? null)));
  });
  return () => ipcMain.removeHandler(ipcChannels.invoke);
}

export function forwardEvents(lab: Lab, contents: WebContents): () => void {
  return lab.events.subscribe((message) => {
    if (!contents.isDestroyed()) contents.send(ipcChannels.event, message);
  });
}
