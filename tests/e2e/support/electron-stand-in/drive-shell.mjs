// Run as `node --import ./register.mjs drive-shell.mjs MAIN REPORT` from the app folder: loads the
// built shell (MAIN) over the electron stand-in, waits until it has loaded its page, then plays
// what a hostile page or a careless caller would do against the handlers the shell registered,
// and writes what happened to REPORT as JSON. The test reads and judges it.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { app, FakeWebContents, journal } from './electron.mjs';

const [mainPath, reportPath] = process.argv.slice(2);

async function until(condition, what, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the shell did not ${what} within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Emits an Electron-style cancellable event; true when a listener called preventDefault(). */
function prevented(contents, eventName, ...args) {
  let cancelled = false;
  const event = { preventDefault: () => (cancelled = true) };
  contents.emit(eventName, event, ...args);
  return cancelled;
}

/** 'will-frame-navigate' passes one details object that is also the event. */
function frameNavigationPrevented(contents, url, isMainFrame) {
  let cancelled = false;
  contents.emit('will-frame-navigate', {
    url,
    isMainFrame,
    isSameDocument: false,
    frame: null,
    preventDefault: () => (cancelled = true),
  });
  return cancelled;
}

function navigation(contents, url) {
  return {
    url,
    willNavigate: prevented(contents, 'will-navigate', url),
    willRedirect: prevented(contents, 'will-redirect', url),
    mainFrame: frameNavigationPrevented(contents, url, true),
    subFrame: frameNavigationPrevented(contents, url, false),
  };
}

function windowOpen(contents, url) {
  const before = journal.openedExternally.length;
  const decision = contents.windowOpenHandler?.({
    url,
    frameName: '',
    features: '',
    disposition: 'new-window',
  });
  return { url, decision, openedExternally: journal.openedExternally.slice(before) };
}

function permissionRequest(pageUrl, permission) {
  return new Promise((resolve) => {
    const handler = journal.sessionHandlers.permissionRequest;
    if (!handler) return resolve({ pageUrl, permission, granted: 'no handler' });
    handler(
      new FakeWebContents(pageUrl),
      permission,
      (granted) => resolve({ pageUrl, permission, granted }),
      {},
    );
  });
}

function permissionCheck(pageUrl, permission) {
  const handler = journal.sessionHandlers.permissionCheck;
  const contents = pageUrl === null ? null : new FakeWebContents(pageUrl);
  return {
    pageUrl,
    permission,
    granted: handler ? handler(contents, permission, pageUrl ?? '', {}) : 'no handler',
  };
}

/** A request the page (or a hostile frame) would make to a scheme the shell handles. */
async function schemeRequest(url, method = 'GET') {
  const handler = journal.protocolHandlers.get(new URL(url).protocol.slice(0, -1));
  if (!handler) return { url, method, status: 'no handler' };
  const response = await handler(new Request(url, { method }));
  const body = Buffer.from(await response.arrayBuffer());
  return {
    url,
    method,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: /^text\/(html|plain)/.test(response.headers.get('content-type') ?? '')
      ? body.toString('utf8')
      : undefined,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
}

async function invoke(channel, senderFrame, call) {
  const handler = journal.ipcHandlers.get(channel);
  if (!handler) return { senderFrame, reply: 'no handler' };
  return { senderFrame, reply: await handler({ senderFrame, sender: {} }, call) };
}

await import(pathToFileURL(mainPath).href);
await until(() => journal.loads.length > 0, 'load its page');

const [window] = journal.windows;
const contents = window.webContents;
const appUrl = contents.getURL();
const channels = [...journal.ipcHandlers.keys()];
const rendererIndex = new URL('../renderer/index.html', pathToFileURL(mainPath)).href;
const devServer = process.env.ELECTRON_RENDERER_URL;
// Pages that are not the app in this run: the built index.html as a file (where it lived before
// app://), other app:// files and hosts, and whichever of app:// and the dev server it does not use.
const otherPages = [
  rendererIndex,
  'app://twinlab/index.html',
  'app://twinlab/assets/',
  'app://evil/index.html',
  ...(devServer ? [devServer] : []),
].filter((url) => url !== appUrl);
const hostile = ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', ...otherPages];

// What the app:// handler serves: the page, the script it names, and traversal attempts.
const appIndex = await schemeRequest('app://twinlab/index.html');
const scriptSrc = /<script[^>]*\ssrc="([^"]+)"/.exec(appIndex.text ?? '')?.[1];
const schemeRequests = [
  appIndex,
  ...(scriptSrc ? [await schemeRequest(new URL(scriptSrc, 'app://twinlab/index.html').href)] : []),
  ...(await Promise.all(
    [
      'app://twinlab/../../etc/passwd',
      'app://twinlab/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://twinlab/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://twinlab/%2e%2e%2fmain%2findex.js',
      'app://twinlab/..%2Fpreload%2Findex.cjs',
      'app://evil/index.html',
    ].map((url) => schemeRequest(url)),
  )),
  await schemeRequest('app://twinlab/index.html', 'POST'),
];

// A web contents created later (a devtools or popup the shell did not make) gets the same rules.
const later = new FakeWebContents();
app.emit('web-contents-created', {}, later);

const report = {
  appUrl,
  calls: journal.calls.map(({ name }) => name),
  isPackaged: app.isPackaged,
  privilegedSchemes: journal.privilegedSchemes,
  handledSchemes: [...journal.protocolHandlers.keys()],
  schemeRequests,
  windowCount: journal.windows.length,
  windowOptions: window.options,
  loads: journal.loads,
  ipcChannels: channels,
  ipcListeners: [...journal.ipcListeners.keys()],
  navigation: [...hostile, `${appUrl}#/host`].map((url) => navigation(contents, url)),
  laterContents: {
    navigation: navigation(later, 'https://evil.example/'),
    windowOpen: windowOpen(later, 'https://evil.example/'),
  },
  attachWebview: prevented(contents, 'will-attach-webview', {}, {}),
  windowOpen: [
    'https://evil.example/',
    'https://docs.docker.com/engine/',
    'http://docs.docker.com/',
    'file:///etc/passwd',
    appUrl,
  ].map((url) => windowOpen(contents, url)),
  permissionRequests: await Promise.all([
    permissionRequest(appUrl, 'clipboard-read'),
    permissionRequest(appUrl, 'clipboard-sanitized-write'),
    permissionRequest('https://evil.example/', 'clipboard-read'),
    ...['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb'].map((permission) =>
      permissionRequest(appUrl, permission),
    ),
  ]),
  permissionChecks: [
    permissionCheck(appUrl, 'clipboard-read'),
    permissionCheck(appUrl, 'media'),
    permissionCheck(appUrl, 'hid'),
    permissionCheck('https://evil.example/', 'clipboard-read'),
    permissionCheck(null, 'clipboard-read'),
  ],
  ipc: await Promise.all(
    channels.flatMap((channel) =>
      [
        { url: 'https://evil.example/', parent: null },
        { url: 'file:///tmp/evil.html', parent: null },
        ...otherPages.map((url) => ({ url, parent: null })),
        { url: appUrl, parent: { url: appUrl } },
        null,
        { url: appUrl, parent: null },
      ].map((frame) => invoke(channel, frame, { method: 'app.info', input: undefined })),
    ),
  ),
};

window.emit('ready-to-show');
report.shownWhenReady = window.shown;
app.emit('window-all-closed');
await until(() => journal.quit, 'quit after its last window closed');
report.quitAfterLastWindow = journal.quit;

writeFileSync(reportPath, JSON.stringify(report, null, 2));
process.exit(0);
