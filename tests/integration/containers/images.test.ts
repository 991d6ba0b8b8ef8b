/**
 * Images offline: import of a root filesystem tarball and of a `docker save` archive as labelled
 * images that Twinlab can run and remove, and a pull from an unreachable registry failing fast
 * with a sentence that offers the import.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../support/fixtures';
import { engineGate } from '../../support/engines';
import { FIXTURE_IMAGE, cleanUp, docker, runPrefix, services, specOf, statusOf } from './support';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = runPrefix('img');
const ROOTFS = join(fixturesDir, 'busybox', 'rootfs.tar');

describe.skipIf(gate.skip)('images on the real Docker, offline', () => {
  const { containers, images } = services();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'twinlab-images-it-'));
  });

  afterAll(async () => {
    await cleanUp(prefix);
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a gzipped root filesystem as a labelled image that runs and can be removed', async () => {
    // Built in the test from the fixture rootfs: gzip, the usual shape of a downloaded rootfs.
    const tarball = join(dir, 'rootfs.tar.gz');
    await pipeline(createReadStream(ROOTFS), createGzip(), createWriteStream(tarball));
    const repoTag = `${prefix}-rootfs:1`;

    const imported = await images.import({
      file: tarball,
      repoTag,
      command: ['/bin/sh'],
      templateId: 'fixture-busybox',
    });
    expect(imported).toMatchObject({
      kind: 'rootfs',
      tags: [repoTag],
      id: expect.stringMatching(/^sha256:/),
    });

    const info = await docker.getImage(repoTag).inspect();
    expect(info.Config.Labels).toMatchObject({
      'io.twinlab.image.managed': 'true',
      'io.twinlab.image.template': 'fixture-busybox',
    });
    expect(info.Config.Cmd).toEqual(['/bin/sh']);
    const listed = await images.list();
    expect(listed.find((image) => image.tags.includes(repoTag))).toMatchObject({
      managed: true,
      templateId: 'fixture-busybox',
    });
    expect((await images.list('all')).find((image) => image.tags.includes(FIXTURE_IMAGE))).toMatchObject({
      managed: false,
    });
    // An image Twinlab did not add is in its list only while Twinlab's guests run from it, read-only.
    for (const fixture of listed.filter((image) => image.tags.includes(FIXTURE_IMAGE)))
      expect(fixture).toMatchObject({ managed: false, inUse: expect.any(Number) });

    // It runs, then cannot go while a container uses it, then goes.
    const guest = await containers.create(specOf({ name: `${prefix}-on-import`, image: repoTag }));
    expect((await images.list()).find((image) => image.tags.includes(repoTag))?.inUse).toBe(1);
    const onFixture = await containers.create(specOf({ name: `${prefix}-on-fixture`, image: FIXTURE_IMAGE }));
    const fixtureListed = (await images.list()).find((image) => image.tags.includes(FIXTURE_IMAGE));
    expect(fixtureListed).toMatchObject({ managed: false });
    expect(fixtureListed?.inUse).toBeGreaterThanOrEqual(1);
    await containers.remove(onFixture.id);
    expect((await containers.exec(guest.id, ['echo', 'imported'])).stdout).toBe('imported\n');
    await expect(images.remove(repoTag)).rejects.toMatchObject({
      code: 'conflict',
      key: 'containers.image.inUse',
    });
    await containers.remove(guest.id);
    await images.remove(repoTag);
    expect(await statusOf(docker.getImage(repoTag).inspect())).toBe(404);
    expect(await statusOf(docker.getImage(imported.id).inspect())).toBe(404);
  });

  it('loads a docker save archive and labels it, leaving the image it came from alone', async () => {
    const savedTag = `${prefix}-saved:1`;
    const archive = join(dir, 'saved.tar');
    await docker.getImage(FIXTURE_IMAGE).tag({ repo: `${prefix}-saved`, tag: '1' });
    await pipeline(await docker.getImage(savedTag).get(), createWriteStream(archive));
    await docker.getImage(savedTag).remove(); // only the extra tag goes; the fixture stays
    const fixtureBefore = await docker.getImage(FIXTURE_IMAGE).inspect();

    const imported = await images.import({ file: archive });
    expect(imported).toMatchObject({ kind: 'docker-save', tags: [savedTag] });
    const labels = (await docker.getImage(savedTag).inspect()).Config.Labels;
    expect(labels).toMatchObject({
      'io.twinlab.image.managed': 'true',
      'io.twinlab.image.template': 'imported',
    });

    await images.remove(savedTag);
    expect(await statusOf(docker.getImage(savedTag).inspect())).toBe(404);
    const fixtureAfter = await docker.getImage(FIXTURE_IMAGE).inspect();
    expect(fixtureAfter.Id).toBe(fixtureBefore.Id);
    expect(fixtureAfter.RepoTags).toContain(FIXTURE_IMAGE);
  });

  it('says what is wrong with files that are no image', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not an image\n'.repeat(100));
    await expect(images.import({ file: text, repoTag: `${prefix}-x:1` })).rejects.toMatchObject({
      code: 'bad-input',
      key: 'containers.image.importNotTar',
    });
    await expect(
      images.import({ file: join(dir, 'missing.tar'), repoTag: `${prefix}-x:1` }),
    ).rejects.toMatchObject({
      code: 'not-found',
      key: 'containers.image.importFileMissing',
    });
    await expect(images.import({ file: ROOTFS })).rejects.toMatchObject({
      key: 'containers.image.importNeedsName',
    });
    await expect(images.import({ file: ROOTFS, repoTag: 'Not A Name' })).rejects.toMatchObject({
      key: 'containers.validate.imageInvalid',
    });
  });

  describe('an unreachable registry', () => {
    let closedPort: number;
    let holder: Server;

    beforeAll(async () => {
      // A port nobody listens on: take one, then let it go.
      holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      closedPort = (holder.address() as { port: number }).port;
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    });

    it('fails a pull within seconds with a sentence that offers the import', async () => {
      const image = `127.0.0.1:${closedPort}/${prefix}/none:1`;
      const started = Date.now();
      const failure = images.pull(image);
      await expect(failure).rejects.toMatchObject({
        code: 'engine-unavailable',
        key: 'containers.image.pullUnreachable',
        params: { image },
        message: expect.stringContaining('import the image from a tarball'),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('makes validation offer the import before anything is created', async () => {
      const image = `127.0.0.1:${closedPort}/${prefix}/none:1`;
      const problems = await containers.validate(specOf({ name: `${prefix}-offline`, image }));
      expect(problems.map((problem) => problem.key)).toEqual(['containers.validate.imageMissingOffline']);
      await expect(containers.create(specOf({ name: `${prefix}-offline`, image }))).rejects.toMatchObject({
        key: 'containers.validate.imageMissingOffline',
      });
      // Docker Hub is not reachable from CI either; the same answer, quickly. (A tag no machine has:
      // lab machines hold busybox:latest, pulled through their registry mirror.)
      if (process.env['CI']) {
        const hub = await containers.validate(specOf({ name: `${prefix}-hub`, image: `busybox:${prefix}` }));
        expect(hub.map((problem) => problem.key)).toEqual(['containers.validate.imageMissingOffline']);
      }
    });

    it('is reported by the CLI the same way (the yardstick)', async () => {
      await expect(run('docker', ['pull', `127.0.0.1:${closedPort}/${prefix}/none:1`])).rejects.toMatchObject(
        {
          stderr: expect.stringContaining('connection refused'),
        },
      );
    });
  });
});
