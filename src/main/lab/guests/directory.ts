import type { Guest } from '@shared/guest';
import { twinError } from '../twins/errors';

/** An engine's guests: containers (Docker), system containers (LXD/Incus), VMs (libvirt). */
export interface GuestSource {
  list(): Promise<Guest[]>;
}

/**
 * Every guest across the engines, Twinlab's and the user's others. One engine being down must not
 * hide the other engines' guests: only when every engine fails is that an error.
 */
export class GuestDirectory {
  constructor(private readonly sources: GuestSource[]) {}

  /** Throws the first engine's failure only when no engine answered. */
  async list(): Promise<Guest[]> {
    const lists = await this.#settled();
    const failed = lists.find((list): list is PromiseRejectedResult => list.status === 'rejected');
    if (failed && lists.every((list) => list.status === 'rejected')) throw failed.reason;
    return listed(lists);
  }

  /** What the engines that answer hold; engines that fail are left out without an error. */
  async listAnswering(): Promise<Guest[]> {
    return listed(await this.#settled());
  }

  /**
   * The guests of these ids or names, in order, read from one listing. A guest that is not there
   * is gone (guestNotFound), unless no engine answered: then it is that engine's failure.
   */
  async get(ids: string[]): Promise<Guest[]> {
    const lists = await this.#settled();
    const known = listed(lists);
    return ids.map((id) => {
      const guest = known.find((g) => g.id === id || g.name === id);
      if (guest) return guest;
      const failed = lists.find((list): list is PromiseRejectedResult => list.status === 'rejected');
      if (failed && lists.every((list) => list.status === 'rejected')) throw failed.reason;
      throw twinError('guestNotFound', { id });
    });
  }

  #settled(): Promise<PromiseSettledResult<Guest[]>[]> {
    return Promise.allSettled(this.sources.map((source) => source.list()));
  }
}

function listed(lists: PromiseSettledResult<Guest[]>[]): Guest[] {
  return lists.flatMap((list) => (list.status === 'fulfilled' ? list.value : []));
}
