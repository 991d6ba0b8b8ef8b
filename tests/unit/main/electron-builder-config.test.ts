import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { resourcesDirFor } from '../../../src/main/shell/resources-dir';

/** electron-builder.yml against what the packages need; `npm run dist` itself needs the Electron zip. */
const root = join(import.meta.dirname, '..', '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const linux = config.linux ?? {};
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };

interface ResourceCopy {
  from: string;
  to: string;
}
const extraResources = (config.extraResources ?? []) as ResourceCopy[];
const asarUnpack = [config.asarUnpack ?? []].flat();
const files = [config.files ?? []].flat() as string[];

/** PNG width and height from the IHDR chunk (bytes 16..23 of every PNG). */
function pngSize(path: string): [number, number] {
  const head = readFileSync(path).subarray(0, 24);
  return [head.readUInt32BE(16), head.readUInt32BE(20)];
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    // The check `electron-builder` runs before it builds anything (not part of its public API).
    const require = createRequire(import.meta.url);
    const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(
        config: Configuration,
        logger: { isEnabled: boolean; add(): void },
      ): Promise<void>;
    };
    await expect(
      builderConfig.validateConfiguration(structuredClone(config), { isEnabled: false, add: () => {} }),
    ).resolves.toBeUndefined();
    // Loading and compiling its schema alone took 8 s on a busy 2-core machine.
  }, 60_000);

  it('builds an AppImage and a deb of Twinlab', () => {
    expect(config.appId).toBe('io.twinlab.app');
    expect(config.productName).toBe('Twinlab');
    expect(linux.target).toEqual(['AppImage', 'deb']);
  });

  it('names only files that exist, and packs the built main that package.json points at', () => {
    expect(existsSync(join(root, config.directories?.buildResources ?? 'missing'))).toBe(true);
    for (const { from } of extraResources) {
      expect(statSync(join(root, from)).isDirectory(), from).toBe(true);
      expect(readdirSync(join(root, from)).length, from).toBeGreaterThan(0);
    }
    expect(files).toContain('package.json');
    // Electron starts package.json's main; it must be inside what is packed.
    expect(files.some((glob) => matchesGlob(packageJson.main.replace(/^\.\//, ''), glob))).toBe(true);
  });

  it('has the icon at every standard size, each really that size', () => {
    const iconDir = join(root, linux.icon ?? 'missing');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(iconDir, `${size}x${size}.png`))).toEqual([size, size]);
    }
  });

  it('ships the built-in templates, lessons and icons where the packaged shell looks for them', () => {
    const resourcesPath = '/opt/Twinlab/resources';
    const dir = resourcesDirFor({ isPackaged: true, getAppPath: () => '/unused' }, resourcesPath);
    expect(dir).toBe(resourcesPath);
    const shipped = new Map(extraResources.map(({ from, to }) => [to, from]));
    expect(shipped.get('templates')).toBe('resources/templates');
    expect(shipped.get('lessons')).toBe('resources/lessons');
    expect(shipped.get('icons')).toBe('resources/icons');
    expect(existsSync(join(root, 'resources', 'icons', 'twinlab.png'))).toBe(true);
    // In a checkout the same names are under resources/ beside package.json.
    expect(resourcesDirFor({ isPackaged: false, getAppPath: () => root }, '/unused')).toBe(
      join(root, 'resources'),
    );
  });

  it('unpacks every native module of the production dependencies from the asar archive', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    const production = Object.entries(lock.packages)
      .filter(([path, info]) => path !== '' && !info.dev && !info.devOptional)
      .map(([path]) => path)
      .filter((path) => existsSync(join(root, path)));
    const nativeFiles = production.flatMap((path) =>
      filesUnder(join(root, path), '.node').map((file) => relative(root, file)),
    );
    expect(nativeFiles).toContain('node_modules/node-pty/build/Release/pty.node');
    expect(nativeFiles).toContain('node_modules/@unraid/libvirt/build/Release/libvirt.node');
    const packed = nativeFiles.filter((file) => !asarUnpack.some((glob) => matchesGlob(file, glob)));
    expect(packed).toEqual([]);
    // Their loaders look beside the .node file (package.json, lib/), so the packages go out whole.
    for (const file of ['node_modules/node-pty/lib/index.js', 'node_modules/@unraid/libvirt/package.json']) {
      expect(
        asarUnpack.some((glob) => matchesGlob(file, glob)),
        file,
      ).toBe(true);
    }
  });

  it("turns off Electron's risky fuses", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has a desktop entry in the right menus, with keywords and translations', () => {
    const entry = linux.desktop?.entry ?? {};
    expect(linux.category).toBe('Education;System;Emulator;');
    expect(entry['Keywords']).toMatch(/container;.*QEMU;.*;$/);
    for (const locale of ['zh_CN', 'ko']) {
      expect(entry[`Keywords[${locale}]`], locale).toMatch(/;$/);
      expect(entry[`Comment[${locale}]`], locale).toBeTruthy();
    }
  });

  it('makes the deb depend on the libvirt library and recommend Docker, libvirt and QEMU', () => {
    expect(config.deb?.depends).toContain('libvirt0');
    expect(config.deb?.depends).toContain('libgtk-3-0');
    expect(config.deb?.recommends).toEqual(
      expect.arrayContaining([
        'docker.io | docker-ce',
        'libvirt-daemon-system',
        'libvirt-clients',
        'qemu-system-x86',
      ]),
    );
  });
});
