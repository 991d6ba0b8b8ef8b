import type Docker from 'dockerode';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Checkpoint, CheckpointKeeps, CheckpointPart, CheckpointRestored } from '@shared/checkpoints';
import { twinRoleOf, twinRoles } from '@shared/twin-roles';
import type { Guest } from '@shared/guest';
import type { SystemSnapshotAction } from '@shared/systems';
import {
  LABEL_CHECKPOINT_TWIN,
  commitContainer,
  recreateFromImage,
  removeCheckpointImages,
  type CheckpointKey,
} from './container-checkpoint';
import { checkpointError } from './errors';
import { restoreVm, saveVm } from './vm-checkpoint';

export interface CheckpointDeps {
  /** Where checkpoints are kept: one folder per twin, lesson and step ($XDG_DATA_HOME/twinlab/checkpoints). */
  dir: string;
  /** Twinlab's own guests as the engines list them now. */
  guests: () => Promise<Guest[]>;
  docker: () => Docker;
  libvirtUri: () => string;
  /** LXD snapshots of one of Twinlab's system containers. */
  systemSnapshot: (name: string, action: SystemSnapshotAction, snapshot: string) => Promise<unknown>;
  /** Ends a guest's console sessions (a replaced container's), or connects them again (a restored VM's). */
  consoles: { close: (guestId: string) => Promise<void>; reconnect: (guestId: string) => Promise<void> };
  now?: () => Date;
}

/** How one guest's state is kept: by guest name, since a restored container gets a new id. */
type Saved =
  | { kind: 'container'; image: string }
  | { kind: 'vm'; folder: string }
  | { kind: 'system'; snapshot: string };

interface Stored extends Checkpoint {
  saved: Record<string, Saved>;
}

const keeps: Record<Saved['kind'], CheckpointKeeps> = {
  container: 'files',
  system: 'files',
  vm: 'memory-and-disks',
};

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/**
 * Lesson checkpoints of a twin: save every part at once, restore every part at once, forget them
 * with the twin. One checkpoint per twin, lesson and step; saving again replaces it. Calls on one
 * twin wait for each other, so a restore never meets a half-made save.
 */
export class CheckpointService {
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: CheckpointDeps) {}

  list(twinId: string): Promise<Checkpoint[]> {
    return this.#serial(twinId, async () => {
      const stored = await this.#readAll(twinId);
      return stored.map(publicOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    });
  }

  save(key: CheckpointKey): Promise<Checkpoint> {
    return this.#serial(key.twinId, async () => {
      const parts = await this.#parts(key.twinId);
      const stopped = parts.find((guest) => guest.state !== 'running');
      if (stopped) throw checkpointError('notRunning', { name: stopped.name });
      await this.#remove(key); // saving again replaces the step's checkpoint
      const folder = this.#folder(key);
      await mkdir(folder, { recursive: true });
      const outcomes = await Promise.allSettled(parts.map((guest) => this.#savePart(key, guest)));
      const made = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure) {
        await this.#remove(key, made);
        throw checkpointError('saveFailed', { detail: reasonOf(failure.reason) });
      }
      const stored: Stored = {
        ...key,
        createdAt: (this.deps.now?.() ?? new Date()).toISOString(),
        parts: made.map((each) => each.part),
        saved: Object.fromEntries(made.map((each) => [each.part.guestName, each.saved])),
      };
      await writeFile(join(folder, 'checkpoint.json'), JSON.stringify(stored, null, 2));
      return publicOf(stored);
    });
  }

  restore(key: CheckpointKey): Promise<CheckpointRestored> {
    return this.#serial(key.twinId, async () => {
      const stored = await this.#read(key);
      if (!stored) throw checkpointError('notFound');
      const parts = (await this.#parts(key.twinId)).filter((guest) => stored.saved[guest.name]);
      const started = performance.now();
      const outcomes = await Promise.allSettled(
        parts.map(async (guest) => {
          const since = performance.now();
          await this.#restorePart(guest, stored.saved[guest.name] as Saved);
          return { role: twinRoleOf(guest), guestName: guest.name, seconds: seconds(since) };
        }),
      );
      const failed = parts.flatMap((guest, index) => {
        const outcome = outcomes[index];
        return outcome?.status === 'rejected' ? [`${guest.name} (${reasonOf(outcome.reason)})`] : [];
      });
      if (failed.length > 0) throw checkpointError('restoreFailed', { parts: failed.join('; ') });
      const done = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      return { checkpoint: publicOf(stored), parts: done, seconds: seconds(started) };
    });
  }

  /** Removes a twin's checkpoints: with the twin, and when its lesson is reset. */
  forget(twinId: string): Promise<void> {
    return this.#serial(twinId, async () => {
      for (const stored of await this.#readAll(twinId)) await this.#remove(stored);
      await removeCheckpointImages(this.deps.docker(), twinId); // also those a crashed save left unrecorded
      await rm(join(this.deps.dir, twinId), { recursive: true, force: true });
      await this.#sweepOrphans();
    });
  }

  /**
   * Checkpoints of twins that went another way (their guests removed one by one, a crash) go too.
   * Only when every engine answered: a twin whose engine is down is not gone.
   */
  async #sweepOrphans(): Promise<void> {
    const guests = await this.deps.guests().catch(() => undefined);
    if (!guests) return;
    const live = new Set(guests.flatMap((guest) => (guest.managed && guest.twinId ? [guest.twinId] : [])));
    const docker = this.deps.docker();
    const images = await docker.listImages({ filters: { label: [LABEL_CHECKPOINT_TWIN] } });
    const twins = new Set([
      ...(await readdir(this.deps.dir).catch(() => [])),
      ...images.flatMap((image) => image.Labels?.[LABEL_CHECKPOINT_TWIN] ?? []),
    ]);
    for (const twinId of twins) {
      if (live.has(twinId)) continue;
      await removeCheckpointImages(docker, twinId);
      await rm(join(this.deps.dir, twinId), { recursive: true, force: true });
    }
  }

  async #savePart(key: CheckpointKey, guest: Guest): Promise<{ part: CheckpointPart; saved: Saved }> {
    const since = performance.now();
    let saved: Saved;
    if (guest.kind === 'container') {
      saved = { kind: 'container', image: await commitContainer(this.deps.docker(), guest.id, key) };
    } else if (guest.kind === 'vm') {
      const folder = join(this.#folder(key), `vm-${guest.id}`);
      await saveVm(this.deps.libvirtUri(), guest.id, folder);
      await this.deps.consoles.reconnect(guest.id); // the save stopped and restored it: a new serial pty
      saved = { kind: 'vm', folder };
    } else {
      const snapshot = snapshotName(key);
      await this.deps.systemSnapshot(guest.id, 'create', snapshot);
      saved = { kind: 'system', snapshot };
    }
    const part = { role: twinRoleOf(guest), guestName: guest.name, keeps: keeps[saved.kind] };
    return { part: { ...part, savedInSeconds: seconds(since) }, saved };
  }

  async #restorePart(guest: Guest, saved: Saved): Promise<void> {
    if (saved.kind === 'container') {
      await recreateFromImage(this.deps.docker(), guest.id, saved.image);
      await this.deps.consoles.close(guest.id); // the new container's console opens under its new id
    } else if (saved.kind === 'vm') {
      await restoreVm(this.deps.libvirtUri(), guest.id, saved.folder);
      await this.deps.consoles.reconnect(guest.id);
    } else {
      await this.deps.systemSnapshot(guest.id, 'restore', saved.snapshot);
      await this.deps.consoles.reconnect(guest.id);
    }
  }

  /** Removes what a checkpoint made (all of a stored one, or the parts a failed save made). */
  async #remove(
    key: CheckpointKey,
    made: { saved: Saved; part: CheckpointPart }[] | undefined = undefined,
  ): Promise<void> {
    const stored = made ? undefined : await this.#read(key);
    const saved = made ? made.map((each) => each.saved) : Object.values(stored?.saved ?? {});
    const parts = await this.#parts(key.twinId).catch(() => []);
    for (const each of saved) {
      if (each.kind !== 'system') continue;
      for (const guest of parts.filter((part) => part.kind === 'system'))
        await this.deps.systemSnapshot(guest.id, 'delete', each.snapshot).catch(() => undefined);
    }
    await removeCheckpointImages(this.deps.docker(), key.twinId, key);
    await rm(this.#folder(key), { recursive: true, force: true });
  }

  async #parts(twinId: string): Promise<Guest[]> {
    const parts = (await this.deps.guests()).filter((guest) => guest.managed && guest.twinId === twinId);
    if (parts.length === 0) throw checkpointError('twinGone');
    return parts.sort((a, b) => twinRoles.indexOf(twinRoleOf(a)) - twinRoles.indexOf(twinRoleOf(b)));
  }

  #folder(key: CheckpointKey): string {
    return join(this.deps.dir, key.twinId, key.lessonId, key.stepId);
  }

  async #read(key: CheckpointKey): Promise<Stored | undefined> {
    try {
      return JSON.parse(await readFile(join(this.#folder(key), 'checkpoint.json'), 'utf8')) as Stored;
    } catch {
      return undefined; // none, or a save that never finished
    }
  }

  async #readAll(twinId: string): Promise<Stored[]> {
    const lessons = await readdir(join(this.deps.dir, twinId)).catch(() => []);
    const found: Stored[] = [];
    for (const lessonId of lessons) {
      for (const stepId of await readdir(join(this.deps.dir, twinId, lessonId)).catch(() => [])) {
        const stored = await this.#read({ twinId, lessonId, stepId });
        if (stored) found.push(stored);
      }
    }
    return found;
  }

  #serial<T>(twinId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(twinId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.#queues.set(twinId, next);
    const done = () => {
      if (this.#queues.get(twinId) === next) this.#queues.delete(twinId);
    };
    next.then(done, done);
    return next;
  }
}

function publicOf({ twinId, lessonId, stepId, createdAt, parts }: Stored): Checkpoint {
  return { twinId, lessonId, stepId, createdAt, parts };
}

/** LXD snapshot names take no slash: tl-<lesson>-<step>, at most 63 characters. */
function snapshotName(key: CheckpointKey): string {
  return `tl-${key.lessonId}-${key.stepId}`.slice(0, 63);
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}
