/**
 * A container Twinlab did not create survives every operation of the service: each one is
 * refused as forbidden and the container keeps running, untouched.
 */
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineGate } from '../../support/engines';
import { FIXTURE_IMAGE, cleanUp, docker, runPrefix, services, statusOf } from './support';

const gate = await engineGate(['docker']);
const prefix = runPrefix('guard');

describe.skipIf(gate.skip)('the label guard on the real Docker', () => {
  const { containers, images } = services();
  let users: Docker.Container;
  const name = `${prefix}-users-own`;

  beforeAll(async () => {
    // Plain dockerode, no labels: what a user's own `docker run` makes.
    users = await docker.createContainer({ name, Image: FIXTURE_IMAGE, Cmd: ['sleep', '3600'] });
    await users.start();
  });

  afterAll(async () => {
    await cleanUp(prefix);
  });

  const operations: Array<[string, (id: string) => Promise<unknown>]> = [
    ['stop', (id) => containers.stop(id, { timeoutSeconds: 0 })],
    ['restart', (id) => containers.restart(id, { timeoutSeconds: 0 })],
    ['pause', (id) => containers.pause(id)],
    ['resume', (id) => containers.resume(id)],
    ['start', (id) => containers.start(id)],
    ['remove', (id) => containers.remove(id)],
    ['exec', (id) => containers.exec(id, ['touch', '/tmp/twinlab-was-here'])],
  ];

  it.each(operations)('refuses %s by id and by name', async (_operation, run) => {
    for (const ref of [users.id, name]) {
      await expect(run(ref)).rejects.toMatchObject({
        code: 'forbidden',
        key: 'containers.guard.notManaged',
        params: { name },
      });
    }
  });

  it('leaves the container running and unchanged after all of them', async () => {
    for (const [, run] of operations) await run(users.id).catch(() => undefined);
    const info = await users.inspect();
    expect(info.State).toMatchObject({ Running: true, Paused: false, Restarting: false });
    expect(info.RestartCount).toBe(0);
    expect(info.ExecIDs ?? []).toEqual([]);
  });

  it('lists it read-only, with its real state', async () => {
    const guest = (await containers.list()).find((candidate) => candidate.id === users.id);
    expect(guest).toMatchObject({ name, managed: false, state: 'running', templateId: '' });
    expect((await containers.list('twinlab')).some((candidate) => candidate.id === users.id)).toBe(false);
    // Reading is fine: inspect and stats work on any container.
    expect((await containers.inspect(users.id))['Id']).toBe(users.id);
    expect((await containers.stats(users.id)).pids).toBeGreaterThanOrEqual(1);
  });

  it('refuses to remove an image Twinlab did not add, which stays', async () => {
    await expect(images.remove(FIXTURE_IMAGE)).rejects.toMatchObject({
      code: 'forbidden',
      key: 'containers.guard.imageNotManaged',
    });
    expect(await statusOf(docker.getImage(FIXTURE_IMAGE).inspect())).toBeUndefined();
  });

  it('a user’s container from a Twinlab image is still the user’s (image labels are inherited)', async () => {
    const { tags } = await images.import({
      file: '/var/lib/twinlab/fixtures/busybox/rootfs.tar',
      repoTag: `${prefix}-img:1`,
      command: ['/bin/sh'],
    });
    const inherited = await docker.createContainer({
      name: `${prefix}-from-twinlab-image`,
      Image: tags[0],
      Cmd: ['sleep', '60'],
    });
    await expect(containers.remove(inherited.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await statusOf(inherited.inspect())).toBeUndefined();
  });
});
