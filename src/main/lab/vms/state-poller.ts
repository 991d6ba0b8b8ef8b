import type { Guest } from '@shared/guest';

export interface GuestChanges {
  /** The whole list after the change, in a stable order (by name). */
  guests: Guest[];
  added: Guest[];
  changed: Guest[];
  removed: string[];
}

export interface PollerOptions {
  list: () => Promise<Guest[]>;
  onChange: (changes: GuestChanges) => void;
  /** A failed poll (libvirt gone): the last list stays, nothing is emitted, the poller keeps going. */
  onError?: (error: unknown) => void;
  intervalMs?: number;
}

/** What the renderer shows of a guest; a change in anything else (nothing, today) is not worth an event. */
function fingerprint(guest: Guest): string {
  return JSON.stringify([
    guest.name,
    guest.state,
    guest.managed,
    guest.runtime,
    guest.templateId,
    guest.twinId,
    guest.startedAt,
  ]);
}

/** Differences between two lists; undefined when nothing visible changed. */
export function diffGuests(before: Map<string, Guest>, after: Guest[]): GuestChanges | undefined {
  const added: Guest[] = [];
  const changed: Guest[] = [];
  const seen = new Set<string>();
  for (const guest of after) {
    seen.add(guest.id);
    const previous = before.get(guest.id);
    if (!previous) added.push(guest);
    else if (fingerprint(previous) !== fingerprint(guest)) changed.push(guest);
  }
  const removed = [...before.keys()].filter((id) => !seen.has(id));
  if (added.length + changed.length + removed.length === 0) return undefined;
  return { guests: [...after].sort((a, b) => a.name.localeCompare(b.name)), added, changed, removed };
}

/**
 * Polls the VM list (libvirt via @unraid/libvirt has no events) and reports changes only, so the UI
 * does not flicker. Polls never overlap: the next one is scheduled after the previous one ends.
 * The first successful poll always reports (everything is "added").
 */
export class StatePoller {
  #known = new Map<string, Guest>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    void this.#tick();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** The last known list (empty before the first poll). */
  current(): Guest[] {
    return [...this.#known.values()];
  }

  /**
   * Polls at once (after an operation) instead of waiting for the next tick. Polls are queued, so an
   * older list can never be reported after a newer one.
   */
  pollNow(): Promise<void> {
    this.#queue = this.#queue.then(() => this.#poll());
    return this.#queue;
  }

  async #poll(): Promise<void> {
    try {
      const changes = diffGuests(this.#known, await this.options.list());
      if (changes) {
        this.#known = new Map(changes.guests.map((guest) => [guest.id, guest]));
        this.options.onChange(changes);
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async #tick(): Promise<void> {
    await this.pollNow();
    if (!this.#stopped) this.#timer = setTimeout(() => void this.#tick(), this.options.intervalMs ?? 1000);
  }
}
