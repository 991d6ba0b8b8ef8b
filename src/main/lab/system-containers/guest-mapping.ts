import type { Guest, GuestState } from '@shared/guest';

/** Config keys Twinlab writes on its instances; only instances with `managed` are ever changed. */
export const systemKeys = {
  managed: 'user.twinlab.managed',
  template: 'user.twinlab.template',
  twin: 'user.twinlab.twin',
} as const;

/** The part of GET /1.0/instances/NAME that Twinlab reads. */
export interface LxdInstance {
  name: string;
  type: string;
  status: string;
  config: Record<string, string>;
  created_at: string;
  last_used_at: string;
}

const states: Record<string, GuestState> = {
  Running: 'running',
  Stopped: 'stopped',
  Frozen: 'paused',
  Starting: 'creating',
  Stopping: 'running',
  Error: 'error',
};

export function isManagedInstance(instance: Pick<LxdInstance, 'config'>): boolean {
  return instance.config[systemKeys.managed] === 'true';
}

/** An LXD/Incus container instance as a Guest; the instance name is its id (unique per project). */
export function systemGuestOf(instance: LxdInstance): Guest {
  const state = states[instance.status] ?? 'unknown';
  const twinId = instance.config[systemKeys.twin];
  return {
    id: instance.name,
    name: instance.name,
    kind: 'system',
    engine: 'lxd',
    runtime: 'lxc',
    state,
    templateId: instance.config[systemKeys.template] ?? '',
    ...(twinId && { twinId }),
    createdAt: instance.created_at,
    ...(state === 'running' && { startedAt: instance.last_used_at }),
    managed: isManagedInstance(instance),
  };
}
