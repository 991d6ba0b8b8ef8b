import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from './support/run-command';

/**
 * electron-builder really packs the built app and prepares the deb (`--linux deb`), offline, with
 * two stand-ins for what it would download: an Electron distribution whose "binary" carries
 * Electron's fuse wire (so the fuses electron-builder flips can be read back), and fpm, the deb
 * builder, which records what electron-builder hands it (control fields, files, the desktop entry
 * it generated). What is checked is our configuration's effect, not Electron or fpm.
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

/** A stand-in fpm: its arguments NUL-separated, the desktop entry it was given, an empty package. */
function standInFpm(path: string, record: string): void {
  const script = [
    '#!/bin/sh',
    `printf '%s\\0' "$@" > '${record}.args'`,
    `for arg in "$@"; do case "$arg" in *.desktop=*) cp "\${arg%%=*}" '${record}.desktop';; esac; done`,
    'previous=""',
    'for arg in "$@"; do [ "$previous" = --package ] && : > "$arg"; previous="$arg"; done',
    'exit 0',
  ];
  writeFileSync(path, `${script.join('\n')}\n`);
  chmodSync(path, 0o755);
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
let fpmArgs: string[];
let desktopEntry: Map<string, string>;
beforeAll(async () => {
  expect(existsSync(join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  work = mkdtempSync(join(root, 'test-results', 'packaging-'));
  standInElectronDist(join(work, 'electron-dist'));
  const record = join(work, 'fpm');
  standInFpm(join(work, 'fpm.sh'), record);
  const result = await runCommand(
    join(root, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'deb',
      '--publish',
      'never',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'dist')}`,
    ],
    { cwd: root, env: { ...process.env, CUSTOM_FPM_PATH: join(work, 'fpm.sh') }, limitSeconds: 240 },
  );
  expect(result.code, result.output).toBe(0);
  fpmArgs = readFileSync(`${record}.args`, 'utf8').split('\0').slice(0, -1);
  desktopEntry = new Map(
    readFileSync(`${record}.desktop`, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
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

  it('gives the deb its dependencies, recommendations, icons at every size and desktop entry', () => {
    const values = (flag: string) =>
      fpmArgs.flatMap((arg, index) => (fpmArgs[index - 1] === flag ? [arg] : []));
    expect(values('-t')).toEqual(['deb']);
    expect(values('--name')).toEqual(['twinlab']);
    expect(values('-d')).toEqual(expect.arrayContaining(['libvirt0', 'libgtk-3-0', 'libnss3']));
    expect(values('--deb-recommends')).toEqual(
      expect.arrayContaining(['docker.io | docker-ce', 'libvirt-daemon-system', 'qemu-system-x86']),
    );
    const installed = new Map(
      fpmArgs.filter((arg) => arg.includes('=/')).map((arg) => [arg.slice(arg.indexOf('=') + 1), arg]),
    );
    expect(installed.has('/opt/Twinlab')).toBe(true);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(installed.get(`/usr/share/icons/hicolor/${size}x${size}/apps/twinlab.png`), `${size}`).toBe(
        `${join(root, 'resources', 'icons', `${size}x${size}.png`)}=/usr/share/icons/hicolor/${size}x${size}/apps/twinlab.png`,
      );
    }
    expect(installed.has('/usr/share/applications/twinlab.desktop')).toBe(true);
  });

  it('writes a desktop entry that starts the app, in the Education, System and Emulator menus', () => {
    expect(Object.fromEntries(desktopEntry)).toMatchObject({
      Name: 'Twinlab',
      Exec: '/opt/Twinlab/twinlab %U',
      Type: 'Application',
      Icon: 'twinlab',
      // Electron names its windows after package.json's desktopName, so the dock finds this entry.
      StartupWMClass: 'twinlab',
      Categories: 'Education;System;Emulator;',
    });
    expect(desktopEntry.get('Keywords')).toContain('container;');
    for (const key of ['Comment', 'Comment[zh_CN]', 'Comment[ko]', 'Keywords[zh_CN]', 'Keywords[ko]']) {
      expect(desktopEntry.get(key), key).toBeTruthy();
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
      // The renderer is on app://, so file:// pages get no more than a browser gives them.
      grantFileProtocolExtraPrivileges: false,
      // Not configured, left as Electron ships it.
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });
});
