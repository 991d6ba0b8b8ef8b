import {
  consoleOwner,
  type ConsoleSessionInfo,
  type ConsoleState,
  type ConsoleStateDetail,
  type ConsoleTarget,
} from '@shared/consoles';
import type { ApiClient } from '../api/client';

/** What the UI shows about one session: its state and why. */
export interface SessionSnapshot {
  sessionId: string;
  state: ConsoleState;
  detail?: ConsoleStateDetail;
  readOnly: boolean;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

/** Whether a session main already has belongs to `target` (after a reload, or opened elsewhere). */
export function sessionMatches(session: ConsoleSessionInfo, target: ConsoleTarget): boolean {
  if (session.state === 'closed') return false;
  const readOnly = target.kind === 'container-logs';
  // Main may tag logs with their own owner, or with the container's and the read-only flag.
  if (session.owner === consoleOwner(target)) return true;
  return (
    session.owner === consoleOwner({ kind: 'container', guestId: target.guestId }) &&
    Boolean(session.readOnly) === readOnly
  );
}

/**
 * Console sessions as the renderer knows them, outside React (cockpit's idea): which session
 * belongs to which target, and each session's state. A terminal view comes and goes with its page;
 * the session stays in main and the next view of the same target finds it here and attaches again.
 * One store per api client (see `consoleStoreFor`).
 */
export class ConsoleStore {
  readonly #api: ApiClient;
  readonly #byTarget = new Map<string, string>();
  readonly #opening = new Map<string, Promise<string>>();
  readonly #sessions = new Map<string, SessionSnapshot>();
  readonly #listeners = new Set<() => void>();
  /** The view that last attached to each session: only it may detach. */
  readonly #viewers = new Map<string, number>();
  #nextViewer = 1;

  constructor(api: ApiClient) {
    this.#api = api;
    api.on('console.state', ({ sessionId, state, detail }) => {
      const known = this.#sessions.get(sessionId);
      if (!known) return;
      this.#put({ ...known, state, detail });
      if (state === 'closed') this.#dropTarget(sessionId);
    });
  }

  /** The session of `target`: the one this store knows, else one main still has, else a new one. */
  sessionFor(target: ConsoleTarget, size: TerminalSize): Promise<string> {
    const key = consoleOwner(target);
    const known = this.#byTarget.get(key);
    if (known && this.#sessions.get(known)?.state !== 'closed') return Promise.resolve(known);
    // Two views asking at once (React StrictMode mounts twice) share one open.
    let opening = this.#opening.get(key);
    if (!opening) {
      opening = this.#findOrOpen(target, size).finally(() => this.#opening.delete(key));
      this.#opening.set(key, opening);
    }
    return opening;
  }

  /** A session main no longer has (closed elsewhere, or main restarted): the next view opens anew. */
  forget(sessionId: string): void {
    this.#dropTarget(sessionId);
    this.#sessions.delete(sessionId);
    this.#viewers.delete(sessionId);
    this.#notify();
  }

  /** Records the result of attach, reconnect or any state read from main. */
  update(sessionId: string, state: ConsoleState, detail?: ConsoleStateDetail): void {
    const known = this.#sessions.get(sessionId);
    if (known) this.#put({ ...known, state, detail });
  }

  /** Marks a new view as the session's viewer; returns its ticket for `release`. */
  claim(sessionId: string): number {
    const ticket = this.#nextViewer++;
    this.#viewers.set(sessionId, ticket);
    return ticket;
  }

  /** True when the view with this ticket was the session's viewer (so it should detach). */
  release(sessionId: string, ticket: number): boolean {
    if (this.#viewers.get(sessionId) !== ticket) return false;
    this.#viewers.delete(sessionId);
    return true;
  }

  get(sessionId: string | undefined): SessionSnapshot | undefined {
    return sessionId === undefined ? undefined : this.#sessions.get(sessionId);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  async #findOrOpen(target: ConsoleTarget, size: TerminalSize): Promise<string> {
    const key = consoleOwner(target);
    const existing = (await this.#api.call('console.list', {})).find((session) =>
      sessionMatches(session, target),
    );
    const info = existing ?? (await this.#api.call('console.open', { target, ...size }));
    this.#byTarget.set(key, info.id);
    this.#put({
      sessionId: info.id,
      state: info.state,
      ...(info.detail && { detail: info.detail }),
      readOnly: info.readOnly ?? target.kind === 'container-logs',
    });
    return info.id;
  }

  #dropTarget(sessionId: string): void {
    for (const [key, id] of this.#byTarget) if (id === sessionId) this.#byTarget.delete(key);
  }

  #put(snapshot: SessionSnapshot): void {
    // A new object on every change: useSyncExternalStore compares snapshots by identity.
    this.#sessions.set(snapshot.sessionId, snapshot);
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

const stores = new WeakMap<ApiClient, ConsoleStore>();

/** The one store of this api client, made on first use; it lives as long as the client. */
export function consoleStoreFor(api: ApiClient): ConsoleStore {
  let store = stores.get(api);
  if (!store) {
    store = new ConsoleStore(api);
    stores.set(api, store);
  }
  return store;
}
