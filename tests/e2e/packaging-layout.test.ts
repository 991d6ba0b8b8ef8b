import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './support/run-command';

/**
 * electron-builder really packs the built app (`--linux dir`, the step before AppImage and deb),
 * offline: instead of downloading the Electron zip it is given a stand-in Electron distribution
 * whose "binary" carries Electron's fuse wire, so the fuses electron-builder flips can be read
 * back. What is checked is our configuration's effect, not Electron.
 */
const root = join(import.meta.dirname, '..', '..');
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's fuse order (@electron/fuses FuseV1Options). The stand-in starts each configured fuse
// in the state opposite to electron-builder.yml, so every one of them must really be flipped.
const fuseOrder = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

function standInElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${fuseSentinel}`),
    Buffer.from([1, fuseOrder.length]),
    Buffer.from('10110001'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  };
  writeFileSync(join(dir, 'version'), `v${version}`);
  writeFileSync(join(dir, 'LICENSE'), '');
}

function fuses(binary: string): Record<string, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(fuseSentinel) + fuseSentinel.length + 2;
  return Object.fromEntries(fuseOrder.map((name, index) => [name, bytes[at + index] === '1'.charCodeAt(0)]));
}

let work: string;
let app: string;
let asarPath: string;
let entries: string[];
beforeAll(async () => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  work = mkdtempSync(join(root, 'test-results', 'packaging-'));
  standInElectronDist(join(work, 'electron-dist'));
  const result = await runCommand(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: root, env: process.env, limitSeconds: 240 },
  );
  expect(result.code, result.output).toBe(0);
  app = join(work, 'dist', 'linux-unpacked');
  asarPath = join(app, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false });
}, 300_000);
// The unpacked app is some 60 MB; nothing in it is worth keeping after the run.
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the package electron-builder makes from electron-builder.yml', () => {
  it('holds the built shell, preload and renderer, started through package.json', () => {
    for (const entry of [
      '/package.json',
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(entries, entry).toContain(entry);
    }
    const packed = JSON.parse(extractFile(asarPath, 'package.json').toString()) as { main: string };
    expect(packed.main).toBe('./out/main/index.js');
    expect(existsSync(join(app, 'twinlab'))).toBe(true);
  });

  it('leaves out sources, dev tools and the tools a dependency lists but never runs', () => {
    const modules = new Set(entries.map((entry) => entry.split('/').slice(1, 3).join('/')));
    for (const absent of [
      'src',
      'tests',
      'node_modules/electron',
      'node_modules/electron-vite',
      'node_modules/react',
    ]) {
      expect(
        entries.some((entry) => entry === `/${absent}` || entry.startsWith(`/${absent}/`)),
        absent,
      ).toBe(false);
    }
    for (const absent of ['node_modules/tsx', 'node_modules/esbuild', 'node_modules/@esbuild']) {
      expect(modules.has(absent), absent).toBe(false);
    }
    expect(modules.has('node_modules/dockerode')).toBe(true);
  });

  it('has every native module outside the archive, where the dynamic linker can load it', () => {
    const nativeEntries = entries.filter((entry) => entry.endsWith('.node'));
    expect(nativeEntries).toEqual(
      expect.arrayContaining([
        '/node_modules/node-pty/build/Release/pty.node',
        '/node_modules/@unraid/libvirt/build/Release/libvirt.node',
      ]),
    );
    for (const entry of nativeEntries) {
      expect(existsSync(join(app, 'resources', 'app.asar.unpacked', entry)), entry).toBe(true);
    }
  });

  it('ships the built-in templates, lessons and icons as real files beside the archive', () => {
    for (const folder of ['templates', 'lessons', 'icons']) {
      expect(readdirSync(join(app, 'resources', folder)).sort(), folder).toEqual(
        readdirSync(join(root, 'resources', folder)).sort(),
      );
    }
  });

  it("flips Electron's fuses as configured", () => {
    expect(fuses(join(app, 'twinlab'))).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Not configured, left as Electron ships them: the renderer is loaded from file://.
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });
});
