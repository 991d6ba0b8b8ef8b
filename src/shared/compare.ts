import { z } from 'zod';
import type { Accelerator } from './host';
import type { Guest, GuestKind, GuestRuntime } from './guest';
import type { TwinRole } from './twin-roles';
import { consoleTargetSchema } from './consoles';
import { guestIdSchema, operationIdSchema } from './refs';

/**
 * Twins and the Compare page: one template becomes a container, a VM and, when gVisor or Kata is
 * installed, a sandboxed container; they are typed into and measured on one yardstick.
 */

/**
 * The columns of a twin, in the order of the ladder. A sandbox is a container under runsc or a kata
 * runtime; a system container is an LXD/Incus instance with its own init.
 */

const twinBaseName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,40}$/,
    'use lowercase letters, digits and dashes, starting with a letter or digit (at most 41)',
  );

export const twinCreateSchema = z
  .object({
    /** A template with both a container side and a VM side. */
    templateId: z.string().min(1).max(64),
    /** Guests are named `<name>-container`, `<name>-sandbox`, `<name>-vm`. */
    name: twinBaseName,
    /** auto: add the sandbox column when a sandbox runtime is registered with Docker. */
    sandbox: z.enum(['auto', 'off']).default('auto'),
    operationId: operationIdSchema,
  })
  .strict();
export type TwinCreateInput = z.input<typeof twinCreateSchema>;

export interface TwinCreated {
  twinId: string;
  /** In column order: container, sandbox (when made), system (when made), vm. */
  guests: Guest[];
  /** Columns the template has but this host cannot make now, with the reason (never an error). */
  leftOut?: { role: TwinRole; key: string; message: string; params: Record<string, string> }[];
}

/** A command typed into consoles, with what each printed back. */
export const consoleRunSchema = z
  .object({
    targets: z.array(consoleTargetSchema).min(1).max(8),
    /** One line, typed as the learner would type it; the output is what it printed before the next prompt. */
    command: z
      .string()
      .min(1)
      .max(400)
      .regex(/^[^\r\n]*$/, 'one line only'),
    timeoutMs: z.number().int().min(500).max(60_000).default(10_000),
  })
  .strict();
export type ConsoleRunInput = z.input<typeof consoleRunSchema>;

export type ConsoleRunResult =
  | {
      target: z.infer<typeof consoleTargetSchema>;
      ok: true;
      output: string;
      durationMs: number;
      /** The command's exit status, known when it ran beside the console (not typed into it). */
      exitCode?: number;
    }
  | {
      target: z.infer<typeof consoleTargetSchema>;
      ok: false;
      /** i18n key and English sentence: not running, console busy, no prompt in time. */
      error: { key: string; message: string };
      /** What it printed before giving up, if anything. */
      output: string;
      durationMs: number;
    };

/** Measured from the host, for one guest. Values are absent when they cannot be read now (stopped). */
export interface GuestMeasurement {
  guestId: string;
  kind: GuestKind;
  runtime: GuestRuntime;
  at: string;
  /** Start → first prompt (container) or ready pattern (VM), for the latest start this app saw. */
  readyMs?: number;
  /** Container: cgroup memory usage without page cache. VM: the QEMU process's RSS. */
  hostMemoryBytes?: number;
  /** What the guest was told it has: the container's limit (or none) and the VM's RAM. */
  memoryLimitBytes?: number;
  /** 100 = one host core. */
  cpuPercent?: number;
  disk?: {
    /** Read-only parts shared with others: image layers, a cloud base image, a kernel and initrd. */
    sharedBytes: number;
    /** What this guest wrote or owns alone: the container's writable layer, the VM's overlay and seed. */
    ownBytes: number;
  };
  /** What the host's process table shows for this guest: the container's processes, or QEMU. */
  hostProcesses?: { count: number; commands: string[] };
}

export interface CompareEnvironment {
  hostKernel: string;
  hostOs: string;
  cpuModel: string;
  cpus: number;
  memoryBytes: number;
  accelerator: Accelerator;
  docker?: string;
  libvirt?: string;
  qemu?: string;
  /** Registered sandbox runtimes (runsc, kata-*). */
  sandboxRuntimes: string[];
}

/** A cheap sample for cards and sparklines: every running Twinlab guest at once. */
export interface GuestLiveSample {
  guestId: string;
  at: string;
  cpuPercent?: number;
  hostMemoryBytes?: number;
}

export const compareMeasureSchema = z.object({ guestIds: z.array(guestIdSchema).min(1).max(8) }).strict();
