import { twinRoleOf, twinRoles } from '@shared/twin-roles';
import type { Guest } from '@shared/guest';
import { twinNameOf } from '@shared/twin-roles';
import type { TwinActionResult } from '@shared/twins';
import { twinError } from './errors';

/** The one-guest actions a twin action is made of: the same calls the guest's own buttons make. */
export interface TwinPartActions {
  start(guest: Guest): Promise<unknown>;
  /** Stops the part; a VM gets `timeoutSeconds` to power off after the ACPI button, then is switched off. */
  stop(guest: Guest, timeoutSeconds: number): Promise<unknown>;
  /** Removes the part and everything Twinlab made for it (disk overlay, seed, writable layer…). */
  remove(guest: Guest): Promise<unknown>;
}

export interface TwinLifecycleDeps {
  /** Every guest the engines list now; an engine that is down lists none. */
  guests: () => Promise<Guest[]>;
  parts: TwinPartActions;
  /** Ends the console sessions of a guest that is going away (no pty is left behind). */
  closeConsoles: (guestId: string) => Promise<void>;
  /** Forgets what was saved about a deleted twin (its probe results and measurements). */
  forgetResults: (twinId: string) => Promise<void>;
  /** Tells the views the list changed. */
  changed: () => void;
}

type Verb = 'start' | 'stop' | 'delete';

/**
 * Start, stop or delete every part of one twin in one call. Only Twinlab's own guests carrying the
 * twin id are touched. The parts are handled in parallel; when one fails, the others still get
 * their turn and the error names each part that did not follow and why.
 */
export class TwinLifecycle {
  constructor(private readonly deps: TwinLifecycleDeps) {}

  async start(twinId: string): Promise<TwinActionResult> {
    return this.#each(twinId, 'start', (guest) =>
      guest.state === 'running' ? Promise.resolve() : this.deps.parts.start(guest),
    );
  }

  async stop(twinId: string, timeoutSeconds: number): Promise<TwinActionResult> {
    return this.#each(twinId, 'stop', (guest) =>
      guest.state === 'stopped' ? Promise.resolve() : this.deps.parts.stop(guest, timeoutSeconds),
    );
  }

  async delete(twinId: string): Promise<TwinActionResult> {
    const result = await this.#each(twinId, 'delete', async (guest) => {
      await this.deps.closeConsoles(guest.id);
      await this.deps.parts.remove(guest);
    });
    // Only once every part is gone: a twin left half deleted keeps its results for its Compare page.
    await this.deps.forgetResults(twinId);
    return result;
  }

  async #parts(twinId: string): Promise<Guest[]> {
    const guests = (await this.deps.guests()).filter((guest) => guest.managed && guest.twinId === twinId);
    // In the ladder's column order: container, sandbox, system container, VM.
    return guests.sort((a, b) => twinRoles.indexOf(twinRoleOf(a)) - twinRoles.indexOf(twinRoleOf(b)));
  }

  async #each(
    twinId: string,
    verb: Verb,
    act: (guest: Guest) => Promise<unknown>,
  ): Promise<TwinActionResult> {
    const parts = await this.#parts(twinId);
    if (parts.length === 0) throw twinError('twinNotFound', { twinId });
    const name = twinNameOf(parts);
    const outcomes = await Promise.allSettled(parts.map(act));
    this.deps.changed();
    const failed = parts.flatMap((guest, index) => {
      const outcome = outcomes[index];
      return outcome?.status === 'rejected' ? [`${guest.name} (${reasonOf(outcome.reason)})`] : [];
    });
    if (failed.length > 0) throw twinError(partialError[verb], { name, parts: failed.join('; ') });
    const remaining = await this.#parts(twinId);
    if (verb === 'delete' && remaining.length > 0)
      throw twinError('deletePartial', {
        name,
        parts: remaining.map((guest) => `${guest.name} (${guest.state})`).join('; '),
      });
    return { twinId, name, guests: remaining };
  }
}

const partialError = { start: 'startPartial', stop: 'stopPartial', delete: 'deletePartial' } as const;

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}
