import { z } from 'zod';

/** System containers (LXD/Incus): what a user can do to one of Twinlab's own. */
export const systemActions = ['start', 'stop', 'remove'] as const;
export type SystemAction = (typeof systemActions)[number];

export const systemActionSchema = z
  .object({ id: z.string().min(1).max(200), action: z.enum(systemActions) })
  .strict();
