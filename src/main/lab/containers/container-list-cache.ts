import type { Guest } from '@shared/guest';
import { guestState } from '../engines/docker/guest-mapper';

/** What `GET /containers/json` says about one container (dockerode's ContainerInfo, the parts used). */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  State: string;
}

interface Entry {
  guest: Guest;
  /** Docker's status when the guest was inspected: a different one means it started or stopped since. */
  status: string;
}

/**
 * The guests made from `docker inspect`, kept by container id so a list refresh costs one
 * `GET /containers/json` instead of one inspect per container. Runtime and start time are only in
 * inspect; an entry is reused while the summary's status is the one it was inspected with and no
 * Docker event for that container arrived since (a restart keeps the status but fires events).
 */
export class ContainerListCache {
  readonly #entries = new Map<string, Entry>();
  /** Bumped by every invalidation: an inspect that started before one must not be stored. */
  #epoch = 0;
  /** Only an open event stream tells when an entry goes stale; without one every list inspects. */
  #live = false;

  get epoch(): number {
    return this.#epoch;
  }

  /** The cached guest with the summary's current name and state, or undefined when it must be inspected. */
  reuse(summary: ContainerSummary): Guest | undefined {
    if (!this.#live) return undefined;
    const entry = this.#entries.get(summary.Id);
    if (!entry || entry.status !== summary.State) return undefined;
    const name = summary.Names[0]?.replace(/^\//, '') ?? entry.guest.name;
    return { ...entry.guest, name, state: guestState(summary.State) };
  }

  /** Stores a fresh inspect unless an invalidation happened after it was asked for. */
  store(guest: Guest, status: string, askedAtEpoch: number): void {
    if (!this.#live || askedAtEpoch !== this.#epoch) return;
    this.#entries.set(guest.id, { guest, status });
  }

  /** Forgets what Docker's event stream says changed. */
  invalidate(id: string): void {
    this.#epoch += 1;
    this.#entries.delete(id);
  }

  /** The event stream is open (again): entries stored from now on stay valid until an event says otherwise. */
  followed(): void {
    this.clear();
    this.#live = true;
  }

  /** The event stream closed: changes may be missed, so nothing is reused until it is open again. */
  unfollowed(): void {
    this.clear();
    this.#live = false;
  }

  /** Forgets everything (the Docker endpoint changed, or the stream reopened after a gap). */
  clear(): void {
    this.#epoch += 1;
    this.#entries.clear();
  }

  /** Drops containers that are no longer listed, so the cache never outgrows the engine. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.#entries.keys()) if (!ids.has(id)) this.#entries.delete(id);
  }
}
