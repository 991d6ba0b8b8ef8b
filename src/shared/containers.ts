import { z } from 'zod';
import type { ErrorParams } from './errors';
import { containerSideSchema } from './template';

/**
 * One container to create: a template's container side plus what the wizard adds. Structure is
 * checked here; meaning (name rules, free ports, memory bounds, runtimes) by the service's
 * validation, which can say what to do instead.
 */
export const containerCreateSpecSchema = containerSideSchema
  .extend({
    name: z.string().max(128),
    templateId: z.string().min(1),
    /** Shared with the VM created from the same template. */
    twinId: z.string().min(1).optional(),
    /** Keep stdin open on a terminal. Default: yes when the image's own command runs (a shell). */
    interactive: z.boolean().optional(),
    /** Whether create may download a missing image. */
    pull: z.enum(['if-missing', 'never']).default('if-missing'),
  })
  .strict();

export type ContainerCreateSpecInput = z.input<typeof containerCreateSpecSchema>;
export type ContainerCreateSpec = z.output<typeof containerCreateSpecSchema>;

/** A problem found in a spec before anything is created. */
export interface SpecProblem {
  /** Dotted path of the field, e.g. "ports.0.host". */
  field: string;
  /** i18n key of the sentence that says what to do. */
  key: string;
  params: ErrorParams;
  /** The English sentence, for logs and callers without a catalog. */
  message: string;
}

export interface ContainerPreview {
  /** The equivalent `docker run …`, one line. */
  dockerRun: string;
  /** The same, one option group per line, for the Review step. */
  dockerRunMultiline: string;
  problems: SpecProblem[];
}

export interface ContainerStatsSample {
  /** ISO time Docker read the sample. */
  at: string;
  cpuPercent: number;
  /** Memory in use without the page cache that can be dropped (what `docker stats` shows). */
  memoryBytes: number;
  memoryLimitBytes: number;
  pids: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
}

export type PullPhase = 'resolving' | 'downloading' | 'extracting' | 'done';

/** The one progress of a whole pull, summed over its layers. */
export interface PullProgress {
  phase: PullPhase;
  layersTotal: number;
  layersDone: number;
  /** Compressed bytes downloaded, over the layers whose size is known so far. */
  bytesDone: number;
  bytesTotal: number;
  /** 0–100; never goes backwards, even when new layers appear. */
  percent: number;
  /** Smoothed download rate; absent until two readings apart in time. */
  bytesPerSecond?: number;
  /** Remaining download time; absent while a layer's size is still unknown or there is no rate. */
  etaSeconds?: number;
  /** Docker's last overall status line, e.g. "Digest: sha256:…". */
  status?: string;
}

export type ImageScope = 'twinlab' | 'all';

export interface TwinlabImage {
  id: string;
  tags: string[];
  sizeBytes: number;
  createdAt: string;
  /** False for images Twinlab did not add: listed read-only, never removed. */
  managed: boolean;
  templateId?: string;
  /** How many of Twinlab's containers run from it (listed even when Twinlab did not add it). */
  inUse?: number;
}

export type ArchiveKind = 'docker-save' | 'rootfs';

export const importImageInputSchema = z
  .object({
    /** Absolute path of the tarball on this host. */
    file: z.string().startsWith('/').max(4096),
    /** Name for the image: required for a root filesystem; for a docker save archive only used when it carries no name. */
    repoTag: z.string().min(1).max(256).optional(),
    /** Default command of an imported root filesystem, e.g. ["/bin/sh"]. */
    command: z.array(z.string().max(4096)).max(64).optional(),
    templateId: z.string().min(1).optional(),
  })
  .strict();
export type ImportImageInput = z.infer<typeof importImageInputSchema>;

export interface ImportedImage {
  kind: ArchiveKind;
  /** The labelled image(s): one per tag the archive carried (or the given name). */
  tags: string[];
  id: string;
}

export const containerActions = ['start', 'stop', 'restart', 'pause', 'resume', 'remove'] as const;
export type ContainerAction = (typeof containerActions)[number];
