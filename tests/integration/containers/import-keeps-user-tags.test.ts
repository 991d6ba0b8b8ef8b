/**
 * Issue #16: importing a `docker save` archive moved a name the user already had onto the
 * archive's image and relabelled it as Twinlab's (so Twinlab could later remove it). A name on an
 * image Twinlab did not add is now refused before anything is loaded, and stays as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { FIXTURE_IMAGE, cleanUp, docker, runPrefix, services } from './support';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = runPrefix('usertags');

describe.skipIf(gate.skip)("imports never take a user's image name", () => {
  const { images } = services();
  const usersName = `${prefix}-users:1`;
  let work = '';
  let archive = '';
  let usersImageId = '';
  let usersLabels: Record<string, string> = {};

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'twinlab-it-usertags-'));
    archive = join(work, 'saved.tar');
    // An archive carrying the name, saved from another image ...
    await run('docker', [
      'import',
      '--change',
      'LABEL made=archive',
      `${fixturesDir}/busybox/rootfs.tar`,
      usersName,
    ]);
    await run('docker', ['save', '-o', archive, usersName]);
    // ... then the user points that name at their own image.
    await run('docker', ['tag', FIXTURE_IMAGE, usersName]);
    const before = await docker.getImage(usersName).inspect();
    usersImageId = before.Id;
    usersLabels = before.Config.Labels ?? {};
  });
  afterAll(async () => {
    await cleanUp(prefix);
    await rm(work, { recursive: true, force: true });
  });

  const usersImageUntouched = async () => {
    const info = await docker.getImage(usersName).inspect();
    expect(info.Id).toBe(usersImageId);
    expect(info.Config.Labels ?? {}).toEqual(usersLabels);
    expect(info.Config.Labels?.['io.twinlab.managed']).toBeUndefined();
  };

  it('refuses a docker save archive that carries the name, before loading it', async () => {
    await expect(images.import({ file: archive })).rejects.toMatchObject({
      code: 'conflict',
      key: 'containers.image.importNameTaken',
      params: { image: usersName },
    });
    await usersImageUntouched();
  });

  it('refuses a root filesystem imported under that name', async () => {
    await expect(
      images.import({ file: `${fixturesDir}/busybox/rootfs.tar`, repoTag: usersName, command: ['/bin/sh'] }),
    ).rejects.toMatchObject({ code: 'conflict', key: 'containers.image.importNameTaken' });
    await usersImageUntouched();
  });
});
