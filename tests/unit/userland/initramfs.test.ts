import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOCKER_ONLY_PATHS,
  GUEST_INIT,
  initramfsExtras,
  userlandCmdline,
} from '../../../src/main/lab/userland/guest-init';
import { newcHeader } from '../../../src/main/lab/userland/newc';
import { indexRootfs, resolveInRootfs } from '../../../src/main/lab/userland/rootfs-index';
import { tarToInitramfs } from '../../../src/main/lab/userland/tar-to-initramfs';

const run = promisify(execFile);
let dir: string;
let tarFile: string;

/** A small root filesystem in the shape `docker export` writes (usr-merged, like Debian 12). */
async function writeRootfsTar(file: string): Promise<void> {
  const tar = pack();
  const done = pipeline(tar, createWriteStream(file));
  const mtime = new Date('2026-01-02T03:04:05Z');
  tar.entry({ name: './', type: 'directory', mode: 0o755, mtime });
  tar.entry({ name: 'usr/', type: 'directory', mode: 0o755, mtime });
  tar.entry({ name: 'usr/bin/', type: 'directory', mode: 0o755, mtime });
  tar.entry({ name: 'bin', type: 'symlink', linkname: 'usr/bin', mode: 0o777, mtime });
  tar.entry({ name: 'usr/bin/dash', mode: 0o755, mtime }, '#!fake dash\n');
  tar.entry({ name: 'usr/bin/sh', type: 'symlink', linkname: 'dash', mode: 0o777, mtime });
  tar.entry({ name: 'usr/bin/perl', mode: 0o755, uid: 0, gid: 0, mtime }, 'perl body, 18 bytes');
  tar.entry({ name: 'usr/bin/perl5.36', type: 'link', linkname: 'usr/bin/perl', mode: 0o755, mtime });
  tar.entry({ name: 'etc/', type: 'directory', mode: 0o755, mtime });
  tar.entry({ name: 'etc/motd-日本語', mode: 0o640, uid: 1000, gid: 100, mtime }, 'héllo\n');
  tar.entry({ name: 'etc/shadow', mode: 0o640, uid: 0, gid: 42, mtime }, 'root:*:1::::::\n');
  tar.entry({ name: 'dev/', type: 'directory', mode: 0o755, mtime });
  tar.entry({ name: 'dev/console', mode: 0o755, mtime }, ''); // Docker's placeholder file
  tar.entry({ name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666, mtime });
  tar.entry({ name: '.dockerenv', mode: 0o755, mtime }, '');
  tar.finalize();
  await done;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'twinlab-initramfs-'));
  tarFile = join(dir, 'rootfs.tar');
  await writeRootfsTar(tarFile);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('newc header', () => {
  it('measures names in bytes and pads header + name to 4 bytes', () => {
    const header = newcHeader({
      name: 'é',
      ino: 1,
      mode: 0o100644,
      uid: 0,
      gid: 0,
      nlink: 1,
      mtime: 0,
      size: 5,
    });
    expect(header.subarray(0, 6).toString()).toBe('070701');
    // namesize field: "é" is two bytes, plus the NUL
    expect(header.subarray(94, 102).toString()).toBe('00000003');
    expect(header.length % 4).toBe(0);
    expect(header.length).toBe(116);
  });

  it('refuses a field that does not fit eight hex digits', () => {
    expect(() =>
      newcHeader({ name: 'x', ino: 1, mode: 0, uid: 2 ** 32, gid: 0, nlink: 1, mtime: 0, size: 0 }),
    ).toThrow(/out of range/);
  });
});

describe('root filesystem index', () => {
  it('follows symlinks through a usr-merged /bin and stops at a missing file or a loop', async () => {
    const index = await indexRootfs(tarFile);
    expect(resolveInRootfs(index, '/bin/sh')).toEqual({ path: 'usr/bin/dash', entry: { type: 'file' } });
    expect(resolveInRootfs(index, '/bin/bash')).toBeUndefined();
    expect(index.hardLinkCounts.get('usr/bin/perl')).toBe(2);
    const loop = {
      entries: new Map([
        ['a', { type: 'symlink' as const, linkname: 'b' }],
        ['b', { type: 'symlink' as const, linkname: '/a' }],
      ]),
      hardLinkCounts: new Map<string, number>(),
    };
    expect(resolveInRootfs(loop, 'a')).toBeUndefined();
  });
});

describe('tar to initramfs', () => {
  it('is read back by GNU cpio with owners, modes, links, devices and Twinlab init; Docker-only files left out', async () => {
    const index = await indexRootfs(tarFile);
    const cpioFile = join(dir, 'rootfs.cpio');
    await tarToInitramfs(tarFile, cpioFile, {
      index,
      skip: DOCKER_ONLY_PATHS,
      extras: initramfsExtras(index),
    });

    const { stdout: listing } = await run('cpio', ['-itvn', '--quiet', '-F', cpioFile]);
    expect(listing).not.toMatch(/\.dockerenv/);
    expect(listing).toMatch(/^crw-rw-rw- .* 1,\s+3 .* dev\/null$/m);
    expect(listing).toMatch(/^crw------- .* 5,\s+1 .* dev\/console$/m);
    expect(listing).toMatch(/^-rw-r----- .* 1000\s+100 .* etc\/motd-日本語$/m);

    const out = join(dir, 'unpacked');
    await mkdir(out);
    // As root GNU cpio restores owners, as the kernel does; --no-absolute-filenames keeps it in `out`.
    await run('cpio', ['-idm', '--quiet', '--no-absolute-filenames', '-F', cpioFile], { cwd: out });
    expect(await readlink(join(out, 'bin'))).toBe('usr/bin');
    expect(await readFile(join(out, 'usr/bin/dash'), 'utf8')).toBe('#!fake dash\n');
    expect(await readFile(join(out, 'etc/motd-日本語'), 'utf8')).toBe('héllo\n');
    const perl = await stat(join(out, 'usr/bin/perl'));
    const perlLink = await stat(join(out, 'usr/bin/perl5.36'));
    expect(perlLink.ino).toBe(perl.ino);
    expect(perl.nlink).toBe(2);
    expect(await readFile(join(out, 'usr/bin/perl5.36'), 'utf8')).toBe('perl body, 18 bytes');
    const shadow = await lstat(join(out, 'etc/shadow'));
    expect(shadow.mode & 0o7777).toBe(0o640);
    if (process.getuid?.() === 0) expect(shadow.gid).toBe(42);
    const init = await stat(join(out, GUEST_INIT));
    expect(init.mode & 0o777).toBe(0o755);
    expect(await readFile(join(out, GUEST_INIT), 'utf8')).toMatch(/^#!\/bin\/sh\n[\s\S]*echo TWINLAB-READY/);
  });

  it('puts the host name and shell on the kernel command line for the init to read', () => {
    expect(userlandCmdline({ hostname: 'deb-vm', shell: '/bin/bash' })).toBe(
      'console=ttyS0 rdinit=/twinlab/init panic=-1 quiet twinlab.hostname=deb-vm twinlab.shell=/bin/bash',
    );
  });
});
