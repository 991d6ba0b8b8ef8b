import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectArchiveKind } from '../../../src/main/lab/engines/docker/image-archive';
import { NotATarError, TarEntryScanner } from '../../../src/main/lab/engines/docker/tar-scanner';
import { tarOf } from '../../../src/main/lab/engines/docker/tar-writer';

const run = promisify(execFile);

function entriesOf(archive: Buffer, chunkSize: number): string[] {
  const names: string[] = [];
  const scanner = new TarEntryScanner((name) => names.push(name));
  for (let offset = 0; offset < archive.length && !scanner.ended; offset += chunkSize) {
    scanner.write(archive.subarray(offset, offset + chunkSize));
  }
  return names;
}

describe('TarEntryScanner', () => {
  const archive = tarOf([
    { name: 'Dockerfile', content: 'FROM scratch\n' },
    { name: 'big.txt', content: 'x'.repeat(1500) },
    { name: 'manifest.json', content: '[]' },
  ]);

  it.each([1, 7, 512, 513, 100_000])('lists entries fed in chunks of %i bytes', (size) => {
    expect(entriesOf(archive, size)).toEqual(['Dockerfile', 'big.txt', 'manifest.json']);
  });

  it('refuses what is not a tar', () => {
    expect(() => entriesOf(Buffer.from('hello world'.repeat(100)), 4096)).toThrow(NotATarError);
    expect(() => entriesOf(Buffer.alloc(1024), 4096)).toThrow(NotATarError);
  });
});

describe('detectArchiveKind', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twinlab-archive-'));
    // Shapes of the real thing: `docker save` has manifest.json at the top next to layer folders;
    // a root filesystem has bin/, etc/ and maybe a deep manifest.json that must not count.
    const saved = tarOf([
      { name: 'abc123/layer.tar', content: 'layer' },
      { name: 'abc123/json', content: '{}' },
      { name: 'repositories', content: '{}' },
      { name: 'manifest.json', content: '[{"RepoTags":["demo:1"]}]' },
    ]);
    const rootfs = tarOf([
      { name: './bin/sh', content: '#!' },
      { name: './etc/hostname', content: 'demo' },
      { name: './usr/share/demo/manifest.json', content: '{}' },
    ]);
    await writeFile(file('saved.tar'), saved);
    await writeFile(file('saved.tar.gz'), gzipSync(saved));
    await writeFile(file('rootfs.tar'), rootfs);
    await writeFile(file('rootfs.tgz'), gzipSync(rootfs));
    await writeFile(file('notes.txt'), 'not a tarball\n'.repeat(200));
    await writeFile(file('broken.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    await writeFile(file('empty.tar'), Buffer.alloc(0));
    // GNU tar's own output, with a long path (a GNU long-name entry) and a top-level ./manifest.json.
    const tree = join(dir, 'tree');
    const longDir = join(tree, 'a'.repeat(60), 'b'.repeat(60));
    await mkdir(longDir, { recursive: true });
    await writeFile(join(longDir, 'file'), 'x');
    await writeFile(join(tree, 'manifest.json'), '[]');
    await run('tar', ['-cf', file('gnu.tar'), '-C', tree, '.']);
    await run('tar', ['--format=pax', '-cf', file('pax-rootfs.tar'), '-C', tree, 'a'.repeat(60)]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['saved.tar', 'docker-save'],
    ['saved.tar.gz', 'docker-save'],
    ['rootfs.tar', 'rootfs'],
    ['rootfs.tgz', 'rootfs'],
    ['gnu.tar', 'docker-save'],
    ['pax-rootfs.tar', 'rootfs'],
  ])('%s is %s', async (name, kind) => {
    await expect(detectArchiveKind(file(name))).resolves.toBe(kind);
  });

  it.each(['notes.txt', 'broken.gz', 'empty.tar'])('%s is not a tar archive', async (name) => {
    await expect(detectArchiveKind(file(name))).rejects.toBeInstanceOf(NotATarError);
  });

  it('rejects a missing file with the file system’s error', async () => {
    await expect(detectArchiveKind(file('missing.tar'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
