import { z } from 'zod';

/**
 * Whether a VM template's disk image can be had now: already in the cache, downloadable (its server
 * or the mirror answers), or neither — offline, or the mirror is unreachable — so creating the VM
 * would fail half way. The VM wizard asks before its first step is left.
 */
export const vmAvailabilitySchema = z
  .object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(64).optional() })
  .strict();

export type VmImageState = 'cached' | 'reachable' | 'unreachable';

export interface VmTemplateAvailability {
  templateId: string;
  state: VmImageState;
  /** Where the image would come from: the mirror, or the image's own server (host[:port]). */
  source?: { kind: 'mirror' | 'upstream'; host: string };
}
