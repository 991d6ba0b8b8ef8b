import { z } from 'zod';
import type { GuestState } from '@shared/guest';
import { LABEL_TEMPLATE, LABEL_TWIN, isTwinlabManaged } from './labels';

export type ContainerChangeKind =
  'created' | 'started' | 'stopped' | 'paused' | 'resumed' | 'removed' | 'renamed' | 'oom' | 'health';

/** One change of one container, as the lab's event stream forwards it to the renderer. */
export interface ContainerChange {
  kind: ContainerChangeKind;
  id: string;
  name: string;
  managed: boolean;
  templateId?: string;
  twinId?: string;
  /** ISO time of the change on the daemon. */
  at: string;
  /** The guest state the change leads to, when it implies one. */
  state?: GuestState;
  /** For `stopped`: the main process's exit code. */
  exitCode?: number;
  /** For `renamed`: the name before. */
  previousName?: string;
  /** For `health`: healthy, unhealthy or starting. */
  health?: string;
}

/** Docker's event JSON (API 1.41); container labels arrive among the actor's attributes. */
const dockerEventSchema = z.looseObject({
  Type: z.string(),
  Action: z.string(),
  Actor: z.looseObject({ ID: z.string(), Attributes: z.record(z.string(), z.string()).nullish() }),
  time: z.number().optional(),
  timeNano: z.number().optional(),
});

const simpleActions: Partial<Record<string, { kind: ContainerChangeKind; state?: GuestState }>> = {
  create: { kind: 'created', state: 'stopped' },
  start: { kind: 'started', state: 'running' },
  die: { kind: 'stopped', state: 'stopped' },
  pause: { kind: 'paused', state: 'paused' },
  unpause: { kind: 'resumed', state: 'running' },
  destroy: { kind: 'removed' },
  rename: { kind: 'renamed' },
  oom: { kind: 'oom' },
};

/**
 * Reads one Docker event into a typed change, or undefined for events the lab does not show
 * (exec_*, attach, resize, top, kill and stop, which a following die already reports).
 */
export function parseDockerEvent(raw: unknown): ContainerChange | undefined {
  const parsed = dockerEventSchema.safeParse(raw);
  if (!parsed.success || parsed.data.Type !== 'container') return undefined;
  const event = parsed.data;
  // health_status arrives as "health_status: healthy".
  const [action = '', argument] = event.Action.split(/:\s*/, 2);
  const mapped = action === 'health_status' ? { kind: 'health' as const } : simpleActions[action];
  if (!mapped) return undefined;

  const attributes = event.Actor.Attributes ?? {};
  const templateId = attributes[LABEL_TEMPLATE];
  const twinId = attributes[LABEL_TWIN];
  const exitCode = Number(attributes['exitCode']);
  const at =
    event.timeNano !== undefined
      ? new Date(Math.floor(event.timeNano / 1e6)).toISOString()
      : new Date((event.time ?? 0) * 1000).toISOString();
  return {
    kind: mapped.kind,
    id: event.Actor.ID,
    name: attributes['name'] ?? '',
    managed: isTwinlabManaged(attributes),
    ...(templateId !== undefined && { templateId }),
    ...(twinId !== undefined && { twinId }),
    at,
    ...('state' in mapped && mapped.state !== undefined && { state: mapped.state }),
    ...(mapped.kind === 'stopped' &&
      Number.isInteger(exitCode) &&
      attributes['exitCode'] !== undefined && { exitCode }),
    ...(mapped.kind === 'renamed' &&
      attributes['oldName'] !== undefined && {
        previousName: attributes['oldName'].replace(/^\//, ''),
      }),
    ...(mapped.kind === 'health' && argument !== undefined && { health: argument }),
  };
}
