// A stand-in for the `electron` module, for the shell wiring test: it does nothing Electron does,
// it only records what the built shell asks of it (window options, session and web-contents
// handlers, IPC registrations, protocol use) so the test can drive those handlers and check them.
// Names the shell imports but this file lacks make the import fail loudly: add them here.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const journal = {
  /** Every call into the stand-in, in order, as 'object.method'. */
  calls: [],
  windows: [],
  /** Pages the shell loaded: { kind: 'file' | 'url', target }. */
  loads: [],
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  sessionHandlers: {},
  /** What protocol.registerSchemesAsPrivileged was given, and protocol.handle's handlers by scheme. */
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  openedExternally: [],
  quit: false,
};

const record = (name, args = []) => journal.calls.push({ name, args });

/** An object whose every method records its call and does nothing (APIs the shell should not need). */
function recorder(prefix) {
  return new Proxy(
    {},
    {
      // Not a thenable: `then` stays undefined so an awaited recorder does not hang.
      get: (_target, key) =>
        typeof key === 'string' && key !== 'then' ? (...args) => record(`${prefix}.${key}`, args) : undefined,
    },
  );
}

let nextContentsId = 1;
export class FakeWebContents extends EventEmitter {
  constructor(url = '') {
    super();
    this.id = nextContentsId++;
    this.url = url;
    this.windowOpenHandler = undefined;
    this.sent = [];
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }
  send(channel, message) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return false;
  }
}

class App extends EventEmitter {
  /** TWINLAB_STAND_IN_PACKAGED=1 plays a packaged app, as electron-builder's output would run. */
  isPackaged = process.env.TWINLAB_STAND_IN_PACKAGED === '1';
  ready = false;
  enableSandbox() {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  whenReady() {
    record('app.whenReady');
    this.ready = true;
    return Promise.resolve();
  }
  isReady() {
    return this.ready;
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  getName() {
    return 'twinlab';
  }
  /** Electron's app path is the folder of the package.json it started. */
  getAppPath() {
    return process.cwd();
  }
  getLocale() {
    return 'en-US';
  }
  quit() {
    record('app.quit');
    journal.quit = true;
  }
  exit(code) {
    record('app.exit', [code]);
    journal.quit = true;
  }
}
export const app = new App();
// A packaged app finds its extraResources here; the checkout's resources/ has the same layout.
if (app.isPackaged) process.resourcesPath ??= join(process.cwd(), 'resources');

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('BrowserWindow.constructor', [options]);
    this.options = options;
    this.webContents = new FakeWebContents();
    this.shown = false;
    journal.windows.push(this);
    // As Electron does: every new web contents is announced before anything is loaded into it.
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(path) {
    record('BrowserWindow.loadFile', [path]);
    this.webContents.url = pathToFileURL(path).href;
    journal.loads.push({ kind: 'file', target: path });
    return Promise.resolve();
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', [url]);
    this.webContents.url = url;
    journal.loads.push({ kind: 'url', target: url });
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', [channel]);
    journal.ipcHandlers.set(channel, handler);
  },
  handleOnce(channel, handler) {
    record('ipcMain.handleOnce', [channel]);
    journal.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record('ipcMain.removeHandler', [channel]);
    journal.ipcHandlers.delete(channel);
  },
  on(channel, listener) {
    record('ipcMain.on', [channel]);
    journal.ipcListeners.set(channel, listener);
  },
};

const defaultSession = {
  setPermissionRequestHandler(handler) {
    record('session.setPermissionRequestHandler');
    journal.sessionHandlers.permissionRequest = handler;
  },
  setPermissionCheckHandler(handler) {
    record('session.setPermissionCheckHandler');
    journal.sessionHandlers.permissionCheck = handler;
  },
  setDevicePermissionHandler(handler) {
    record('session.setDevicePermissionHandler');
    journal.sessionHandlers.devicePermission = handler;
  },
  webRequest: new Proxy(
    {},
    {
      get:
        (_target, key) =>
        (...args) => {
          record(`session.webRequest.${String(key)}`);
          journal.sessionHandlers[`webRequest.${String(key)}`] = args.at(-1);
        },
    },
  ),
  protocol: recorder('session.protocol'),
};
export const session = { defaultSession };

export const shell = {
  openExternal(url) {
    record('shell.openExternal', [url]);
    journal.openedExternally.push(url);
    return Promise.resolve();
  },
};

/** As in Electron: schemes are made privileged only before ready, handlers only after it. */
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', [schemes]);
    if (app.ready)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    journal.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record('protocol.handle', [scheme]);
    if (!app.ready) throw new Error('protocol.handle should be called after app is ready');
    journal.protocolHandlers.set(scheme, handler);
  },
};
export const dialog = recorder('dialog');
export const Menu = recorder('Menu');
export const nativeTheme = recorder('nativeTheme');
export const contextBridge = recorder('contextBridge');
export const ipcRenderer = recorder('ipcRenderer');
export const webContents = recorder('webContents');

export default {
  app,
  BrowserWindow,
  ipcMain,
  session,
  shell,
  protocol,
  dialog,
  Menu,
  nativeTheme,
  contextBridge,
  ipcRenderer,
  webContents,
};
