import { z } from 'zod';
import type { ApiErrorData } from './errors';

/**
 * Where downloads and container images come from instead of the internet: an HTTP mirror that holds
 * `https://HOST/PATH` at `<http>/HOST/PATH`, and a registry mirror holding Docker Hub's images.
 */
export const mirrorConfigSchema = z
  .object({
    http: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// URL, such as http://10.0.0.5:8787',
      })
      .optional(),
    registry: z
      .string()
      .regex(
        /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?|\[[0-9a-fA-F:]+\])(?::\d{1,5})?$/,
        'must be host:port, such as 10.0.0.5:5000 (no http://, no path)',
      )
      .optional(),
  })
  .strict();
export type MirrorConfig = z.infer<typeof mirrorConfigSchema>;

/** Where the mirror setting in use came from, first found wins: the user's, TWINLAB_MIRROR, the machine's. */
export type MirrorSource = 'user' | 'env' | 'system' | 'none';

export interface MirrorProbe {
  answers: boolean;
  /** Why not, in the words of the failure (refused, timed out, HTTP status). */
  detail?: string;
}

export interface MirrorStatus {
  source: MirrorSource;
  /** The file the setting was read from (user or system); absent for TWINLAB_MIRROR and none. */
  file?: string;
  http?: string;
  registry?: string;
  /** Set when the setting cannot be used; the sentence names the file (or variable) and the field. */
  problem?: ApiErrorData;
  /** Registry mirrors dockerd itself pulls through ("registry-mirrors" in daemon.json). */
  dockerMirrors: string[];
  probes: { http?: MirrorProbe; registry?: MirrorProbe };
}

export const mirrorsSetSchema = mirrorConfigSchema;
