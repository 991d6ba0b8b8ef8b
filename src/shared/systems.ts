import { z } from 'zod';
import { guestIdSchema } from './refs';

/** System containers (LXD/Incus): what a user can do to one of Twinlab's own. */
export const systemActions = ['start', 'stop', 'remove'] as const;
export type SystemAction = (typeof systemActions)[number];

export const systemActionSchema = z
  .object({ id: guestIdSchema, action: z.enum(systemActions) })
  .strict();

/**
 * Where a new system container's root filesystem comes from: a template's system side (its image
 * and limits) or an image already in LXD's store, named by alias or fingerprint.
 */
export const systemSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('template'), templateId: z.string().min(1).max(63) }).strict(),
  z
    .object({
      kind: z.literal('image'),
      image: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$/, 'use an LXD image alias or fingerprint'),
    })
    .strict(),
]);
export type SystemSource = z.output<typeof systemSourceSchema>;

/** Smallest memory limit the wizard offers: a BusyBox init needs about 1 MiB, a systemd one ~30. */
export const systemMemoryMinMiB = 16;

/**
 * What the New system container wizard sends. Names and limits are only loosely bounded here:
 * main checks them against LXD's rules and this computer's size and answers with a sentence.
 */
export const systemSpecSchema = z
  .object({
    source: systemSourceSchema,
    name: z.string().min(1).max(200),
    memoryMiB: z
      .number()
      .int()
      .positive()
      .max(16 * 1024 * 1024)
      .optional(),
    cpus: z.number().int().positive().max(4096).optional(),
  })
  .strict();
export type SystemSpec = z.output<typeof systemSpecSchema>;

/** The Review step: the image it resolves to, `lxc launch …`, and the instance as LXD gets it. */
export interface SystemPreview {
  image: string;
  /** The equivalent command line of the engine's own CLI (lxc or incus). */
  launch: string;
  /** The POST /1.0/instances body as YAML. */
  yaml: string;
  /** This computer's CPUs and memory: the upper bounds of the limits. */
  host: { cpus: number; memoryMiB: number };
}

/** An image in LXD's local store. */
export interface SystemImage {
  fingerprint: string;
  aliases: string[];
  description: string;
  sizeBytes: number;
  architecture: string;
  uploadedAt: string;
}

/** Read from GET …/state: what the host's kernel accounts to the container. */
export interface SystemStats {
  memoryBytes: number;
  processes: number;
  /** CPU time used since start, in nanoseconds. */
  cpuNs: number;
  /** PID of the container's init as the host sees it. */
  hostPid: number;
  /** limits.memory, when the instance has one. */
  memoryLimitBytes?: number;
}

/** One Stats tab sample: the numbers and when they were read (CPU % comes from two samples). */
export interface SystemStatsSample extends SystemStats {
  at: string;
}

/** One range of the user namespace: ids `nsid…` inside are `hostid…` outside. */
export interface IdmapRange {
  kind: 'uid' | 'gid' | 'both';
  nsid: number;
  hostid: number;
  range: number;
}

/** The guest page's Inspect tab: the instance as LXD describes it, and what the host sees. */
export interface SystemInspect {
  /** GET /1.0/instances/NAME as LXD returns it. */
  instance: Record<string, unknown>;
  /** The user namespace map LXD gave the container (empty when it is privileged or never ran). */
  idmap: IdmapRange[];
  /** PID of the container's init on the host; null while it is stopped. */
  hostPid: number | null;
}

/** What a user can do to a snapshot of one of Twinlab's system containers. */
export const systemSnapshotActions = ['create', 'restore', 'delete'] as const;
export type SystemSnapshotAction = (typeof systemSnapshotActions)[number];

/** LXD's snapshot names: no slash (it separates instance and snapshot in its paths). */
export const snapshotNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export const systemSnapshotSchema = z
  .object({
    id: guestIdSchema,
    action: z.enum(systemSnapshotActions),
    snapshot: z.string().regex(snapshotNamePattern, 'letters, digits, ".", "_" and "-", at most 63'),
  })
  .strict();

/** One snapshot of an instance's root filesystem (and config), as LXD lists it. */
export interface SystemSnapshot {
  name: string;
  createdAt: string;
  /** Whether it holds the running processes' memory too (needs CRIU; Twinlab never asks for it). */
  stateful: boolean;
}
