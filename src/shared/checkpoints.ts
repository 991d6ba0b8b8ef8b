import { z } from 'zod';
import type { TwinRole } from './twin-roles';
import { twinIdSchema } from './twins';

/**
 * Lesson checkpoints: a step marked `{#id checkpoint}` saves every guest of the lesson's twin before
 * the learner does its (destructive) commands, and "Back to this step" puts each guest back.
 *
 *   container, sandbox → `docker commit` to a labelled image; restore recreates the container from it
 *                         (files come back; running processes start again from the command)
 *   VM                 → `virsh save` of its memory and devices plus a copy of its writable disks;
 *                         restore destroys it and `virsh restore`s that state (processes and files)
 *   system container   → an LXD snapshot (files; the instance restarts)
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export const checkpointRefSchema = z.object({ twinId: twinIdSchema, lessonId: slug, stepId: slug }).strict();
export const checkpointsListSchema = z.object({ twinId: twinIdSchema }).strict();

/** What a checkpoint keeps of one guest: files only, or its running state too. */
export type CheckpointKeeps = 'files' | 'memory-and-disks';

export interface CheckpointPart {
  role: TwinRole;
  guestName: string;
  keeps: CheckpointKeeps;
  /** Seconds the save took for this guest. */
  savedInSeconds: number;
}

export interface Checkpoint {
  twinId: string;
  lessonId: string;
  stepId: string;
  /** ISO time. */
  createdAt: string;
  parts: CheckpointPart[];
}

/** A restore: each guest with the seconds it took to be back, and the whole in wall-clock seconds. */
export interface CheckpointRestored {
  checkpoint: Checkpoint;
  parts: { role: TwinRole; guestName: string; seconds: number }[];
  seconds: number;
}
