// `prestart` / `predev`: makes sure the Electron binary is there before electron-vite runs.
// Electron 42+ no longer downloads it at install time, and electron-vite reads
// node_modules/electron/path.txt itself and throws "Electron uninstall" when it is missing
// (electron-vite issue 904), so we run Electron's own installer first. It honours ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR and electron_config_cache; a proxy in HTTPS_PROXY / HTTP_PROXY is passed to
// its fetch through NODE_USE_ENV_PROXY. On failure: one sentence, exit 1, never a hang.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
const timeoutSeconds = Number(process.env['TWINLAB_ELECTRON_INSTALL_TIMEOUT'] || 600);
const serveHint = 'or run the same app in your browser with `npm run serve`';

function fail(sentence) {
  console.error(`Twinlab: ${sentence}`);
  process.exit(1);
}

/** The same test Electron's installer makes: path.txt names an executable that exists. */
function electronInstalled() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** The installer prints a stack; its first "SomethingError: message" line is the cause worth showing. */
function causeOf(output) {
  const line = output.split('\n').find((text) => /^\w*Error\b/.test(text));
  return line ? line.replace(/^\w*Error:\s*/, '') : 'no reason given';
}

const execPath = process.env['ELECTRON_EXEC_PATH'];
if (execPath) {
  // The user chose an Electron of their own; electron-vite will use it and needs no download.
  if (!existsSync(execPath)) {
    fail(
      `ELECTRON_EXEC_PATH is set to ${execPath}, which does not exist; point it at an Electron executable or unset it.`,
    );
  }
  process.exit(0);
}
if (electronInstalled()) process.exit(0);

if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  fail('TWINLAB_ELECTRON_INSTALL_TIMEOUT must be a number of seconds greater than 0.');
}

const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => process.env[name]);
console.error(`Twinlab: downloading Electron ${version} (about 100 MB, once per checkout)…`);
const installer = spawn(process.execPath, [join(electronDir, 'install.js')], {
  cwd: electronDir,
  env: { ...process.env, ...(proxied ? { NODE_USE_ENV_PROXY: '1' } : {}) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
const collect = (chunk) => {
  output = (output + chunk.toString()).slice(-20_000);
};
installer.stdout.on('data', collect);
installer.stderr.on('data', collect);
installer.on('error', (error) =>
  fail(`Electron's installer could not be started (${error.message}), ${serveHint}.`),
);

let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  installer.kill('SIGTERM');
}, timeoutSeconds * 1000);

installer.on('close', (code) => {
  clearTimeout(timer);
  if (code === 0 && electronInstalled()) process.exit(0);
  const what = timedOut
    ? `the Electron ${version} download did not finish within ${timeoutSeconds} s`
    : `Electron ${version} could not be downloaded (${causeOf(output)})`;
  fail(
    `${what}, so the app window cannot open; retry with a mirror (ELECTRON_MIRROR=https://your-mirror/electron/) ` +
      `or a proxy (HTTPS_PROXY=http://host:port), ${serveHint}.`,
  );
});
