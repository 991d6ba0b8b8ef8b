import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './support/run-command';

/**
 * `npm start` as a user runs it. Electron's own installer runs first (scripts/ensure-electron.mjs);
 * where the download fails the user gets one sentence and a non-zero exit, and where an Electron is
 * present electron-vite starts it on the built app.
 */
const root = resolve(import.meta.dirname, '..', '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zipPath = `/electron/v${electronVersion}/electron-v${electronVersion}-linux-x64.zip`;
/** This process's environment without anything that would choose an Electron, a mirror or a proxy. */
const chosen = /^(ELECTRON_EXEC_PATH|ELECTRON_RUN_AS_NODE|(npm_config_)?ELECTRON_MIRROR|(HTTPS?|NO)_PROXY)$/i;
const baseEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !chosen.test(name)));

/** Scratch folders under test-results/, removed when the file is done. */
const scratch: string[] = [];
const scratchDir = (prefix: string): string => {
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test-results', prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A checkout whose Electron has never been downloaded: the real package.json, the real script and
 * Electron's real installer, inside this repository so the installer finds its dependencies
 * (@electron/get) in our node_modules, but without any Electron binary already installed here.
 */
function freshCheckout(): string {
  const dir = scratchDir('npm-start-');
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  copyFileSync(join(root, 'scripts', 'ensure-electron.mjs'), join(dir, 'scripts', 'ensure-electron.mjs'));
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(join(root, 'node_modules', 'electron', file), join(electron, file));
  }
  return dir;
}

/** A stand-in Electron mirror: records what is asked, then answers 404 or never answers. */
function startMirror(
  behaviour: 'not-found' | 'stall',
): Promise<{ server: Server; requests: string[]; url: string }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (behaviour === 'not-found') res.writeHead(404).end();
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({ server, requests, url: `http://127.0.0.1:${port}/electron/` });
    }),
  );
}

describe('npm start where Electron cannot be downloaded', () => {
  let checkout: string;
  beforeAll(() => {
    checkout = freshCheckout();
  });

  it('asks the mirror for the Electron zip, then prints one sentence and exits non-zero within seconds', async () => {
    const mirror = await startMirror('not-found');
    try {
      const env = {
        ...baseEnv(),
        ELECTRON_MIRROR: mirror.url,
        electron_config_cache: join(checkout, 'cache'),
      };
      const result = await runCommand('npm', ['start'], { cwd: checkout, env, limitSeconds: 60 });

      expect(mirror.requests).toContain(zipPath);
      expect(result.code).not.toBe(0);
      expect(result.seconds).toBeLessThan(20);
      expect(result.output).not.toContain('Electron uninstall');
      const sentence = result.output.split('\n').filter((line) => line.startsWith('Twinlab: Electron'));
      expect(sentence).toHaveLength(1);
      expect(sentence[0]).toContain(`Electron ${electronVersion} could not be downloaded (Response code 404`);
      expect(sentence[0]).toContain('ELECTRON_MIRROR=');
      expect(sentence[0]).toContain('HTTPS_PROXY=');
      expect(sentence[0]).toContain('npm run serve');
      expect(existsSync(join(checkout, 'node_modules', 'electron', 'path.txt'))).toBe(false);
    } finally {
      mirror.server.close();
    }
  });

  // Electron's installer downloads with Node's fetch, which takes a proxy from the environment
  // only with NODE_USE_ENV_PROXY (Node 22.21 and later); the script sets it when a proxy is given.
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeHonoursEnvProxy = major > 22 || (major === 22 && minor >= 21);
  it.skipIf(!nodeHonoursEnvProxy)('goes through the proxy in HTTPS_PROXY (Node 22.21 or newer)', async () => {
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      tunnels.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
    try {
      const { port } = proxy.address() as AddressInfo;
      const env = {
        ...baseEnv(),
        HTTPS_PROXY: `http://127.0.0.1:${port}`,
        electron_config_cache: join(checkout, 'cache'),
      };
      const result = await runCommand('npm', ['start'], { cwd: checkout, env, limitSeconds: 60 });

      expect(tunnels).toContain('github.com:443');
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`Electron ${electronVersion} could not be downloaded`);
    } finally {
      proxy.close();
    }
  });

  it('gives up on a download that never answers after the time limit, with the same advice', async () => {
    const mirror = await startMirror('stall');
    try {
      const env = {
        ...baseEnv(),
        ELECTRON_MIRROR: mirror.url,
        electron_config_cache: join(checkout, 'cache'),
        TWINLAB_ELECTRON_INSTALL_TIMEOUT: '2',
      };
      const result = await runCommand('npm', ['start'], { cwd: checkout, env, limitSeconds: 60 });

      expect(mirror.requests).toContain(zipPath);
      expect(result.code).not.toBe(0);
      expect(result.seconds).toBeLessThan(15);
      expect(result.output).toContain(`the Electron ${electronVersion} download did not finish within 2 s`);
      expect(result.output).toContain('npm run serve');
    } finally {
      mirror.server.closeAllConnections();
      mirror.server.close();
    }
  });
});

describe('npm start with an Electron present', () => {
  it('runs electron-vite, which starts that Electron on the app folder whose main is the built bundle', async () => {
    const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(existsSync(join(root, main)), `${main} is missing: run \`npm run build\` first`).toBe(true);

    // A stand-in for the Electron executable that records how it was started.
    const dir = scratchDir('electron-stand-in-');
    const standIn = join(dir, 'electron');
    const record = join(dir, 'started.json');
    writeFileSync(
      standIn,
      // An extensionless file under this "type": "module" package is run as an ES module.
      `#!${process.execPath}\nimport { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(record)}, ` +
        `JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));\n`,
    );
    chmodSync(standIn, 0o755);

    const env = { ...baseEnv(), ELECTRON_EXEC_PATH: standIn };
    const result = await runCommand('npm', ['start', '--', '--skipBuild'], {
      cwd: root,
      env,
      limitSeconds: 60,
    });

    expect(result.output).not.toContain('Electron uninstall');
    expect(result.code, result.output).toBe(0);
    const started = JSON.parse(readFileSync(record, 'utf8')) as { args: string[]; cwd: string };
    // Electron loads the folder's package.json "main": out/main/index.js, the built shell.
    expect(started.args[0]).toBe('.');
    expect(resolve(started.cwd, started.args[0] ?? '')).toBe(root);
    expect(main).toBe('./out/main/index.js');
  });
});
