import { describe, expect, it } from 'vitest';
import type { Guest } from '@shared/guest';
import { ApiError } from '@shared/errors';
import { GuestDirectory } from '../../../src/main/lab/guests/directory';

const guest = (id: string, name: string, kind: Guest['kind']): Guest => ({
  id,
  name,
  kind,
  engine: kind === 'vm' ? 'libvirt' : kind === 'system' ? 'lxd' : 'docker',
  runtime: kind === 'vm' ? 'qemu-tcg' : kind === 'system' ? 'lxc' : 'runc',
  state: 'running',
  templateId: 't',
  createdAt: '2026-12-04T00:00:00Z',
  managed: true,
});
const web = guest('c1', 'web', 'container');
const box = guest('u1', 'box', 'vm');
const lxc = guest('s1', 's1', 'system');
const answers = (guests: Guest[]) => ({ list: async () => guests });
const down = (message: string) => ({
  list: async (): Promise<Guest[]> => Promise.reject(new Error(message)),
});

describe('GuestDirectory', () => {
  it("lists every engine's guests and leaves out an engine that is down", async () => {
    const directory = new GuestDirectory([answers([web]), down('LXD is not there'), answers([box])]);
    expect(await directory.list()).toEqual([web, box]);
    expect(await directory.listAnswering()).toEqual([web, box]);
  });

  it("fails a listing only when no engine answers, with the first engine's failure", async () => {
    const directory = new GuestDirectory([down('Docker is down'), down('LXD is not there')]);
    await expect(directory.list()).rejects.toThrow('Docker is down');
    expect(await directory.listAnswering()).toEqual([]);
  });

  it('gets guests by id or name, in the order asked, from one listing', async () => {
    let listings = 0;
    const counted = { list: async () => (listings++, [web, lxc]) };
    const directory = new GuestDirectory([counted, answers([box])]);
    expect(await directory.get(['box', 'c1', 's1'])).toEqual([box, web, lxc]);
    expect(listings).toBe(1);
  });

  it('says a guest is gone, unless no engine answered', async () => {
    const gone = await new GuestDirectory([answers([web]), down('libvirt is down')])
      .get(['nope'])
      .catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({ key: 'twins.error.guestNotFound', code: 'not-found' });
    await expect(
      new GuestDirectory([down('Docker is down'), down('libvirt is down')]).get(['web']),
    ).rejects.toThrow('Docker is down');
  });
});
