import { z } from 'zod';
import type { Guest, GuestRuntime, GuestState } from '@shared/guest';
import { LABEL_CREATED, LABEL_TEMPLATE, LABEL_TWIN, isTwinlabManaged } from './labels';

/** The parts of `docker inspect` a guest needs; dockerode's types for it are not checked at runtime. */
const inspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string().catch(''),
  Created: z.string().catch(''),
  State: z.looseObject({
    Status: z.string().catch('unknown'),
    StartedAt: z.string().optional().catch(undefined),
  }),
  Config: z
    .looseObject({ Labels: z.record(z.string(), z.string()).nullish().catch(null) })
    .catch({ Labels: null }),
  HostConfig: z.looseObject({ Runtime: z.string().optional().catch(undefined) }).catch({}),
});

const states: Record<string, GuestState> = {
  created: 'stopped',
  running: 'running',
  // Restarting means Docker's restart policy is bringing it back: it counts as on.
  restarting: 'running',
  paused: 'paused',
  exited: 'stopped',
  removing: 'removing',
  dead: 'error',
};

export function guestState(status: string): GuestState {
  return states[status] ?? 'unknown';
}

/** The guest model's runtime for Docker's runtime name ('' and containerd's runc shims are runc). */
export function guestRuntime(runtime: string | undefined): GuestRuntime {
  if (runtime === undefined) return 'runc';
  if (/runsc|gvisor/i.test(runtime)) return 'runsc';
  if (/kata/i.test(runtime)) return 'kata';
  return 'runc';
}

/** Docker reports a never-started container with Go's zero time. */
const NEVER = /^0001-01-01/;

/** The labels of a container from its inspect JSON. */
export function inspectLabels(rawInspect: unknown): Record<string, string> {
  return inspectSchema.parse(rawInspect).Config.Labels ?? {};
}

/** Docker's status word ('running', 'exited', …) from inspect JSON, as `GET /containers/json` says it. */
export function inspectStatus(rawInspect: unknown): string {
  return inspectSchema.parse(rawInspect).State.Status;
}

export function containerGuest(rawInspect: unknown): Guest {
  const info = inspectSchema.parse(rawInspect);
  const labels = info.Config.Labels ?? {};
  const twinId = labels[LABEL_TWIN];
  const startedAt = info.State.StartedAt;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    kind: 'container',
    engine: 'docker',
    runtime: guestRuntime(info.HostConfig.Runtime),
    state: guestState(info.State.Status),
    templateId: labels[LABEL_TEMPLATE] ?? '',
    ...(twinId !== undefined && { twinId }),
    createdAt: labels[LABEL_CREATED] ?? info.Created,
    ...(startedAt !== undefined && startedAt !== '' && !NEVER.test(startedAt) && { startedAt }),
    managed: isTwinlabManaged(labels),
  };
}
