import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type EventMessage } from '@shared/wire';
import type { TwinlabBridge } from '@shared/bridge';

// Bridge code only: one object, two functions, no business logic and no Node objects leaked.
const bridge: TwinlabBridge = {
  invoke: (method, input) => ipcRenderer.invoke(ipcChannels.invoke, { method, input }),
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => ipcRenderer.off(ipcChannels.event, forward);
  },
};

contextBridge.exposeInMainWorld('twinlab', bridge);
