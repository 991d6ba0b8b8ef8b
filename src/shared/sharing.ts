import { z } from 'zod';

/** "Share my images": a read-only server of this Twinlab's cache, for the other computers in a room. */
export interface ShareStatus {
  running: boolean;
  port?: number;
  /** The addresses to give out, one per network this computer is on (what attendees set as their mirror). */
  urls: string[];
  /** What it offers right now: cached downloads and container images the templates name. */
  artifacts: number;
  images: number;
}

/** A fixed default port, so an instructor can write the address on the board before the session. */
export const DEFAULT_SHARE_PORT = 8770;

export const shareStartSchema = z
  .object({ port: z.number().int().min(1024).max(65535).default(DEFAULT_SHARE_PORT) })
  .strict();
