import { z } from 'zod';
import type { IdmapRange, SystemImage, SystemInspect } from '@shared/systems';
import type { SystemContainerService } from './system-container-service';

/** GET /1.0/images?recursion=1, the part the wizard shows. */
interface LxdImage {
  fingerprint: string;
  aliases?: { name: string }[];
  properties?: Record<string, string>;
  size?: number;
  architecture?: string;
  type?: string;
  uploaded_at?: string;
}

/** LXD's idmap entries (volatile.idmap.current), as LXD writes them into the instance config. */
const idmapSchema = z.array(
  z.object({
    Isuid: z.boolean(),
    Isgid: z.boolean(),
    Hostid: z.number(),
    Nsid: z.number(),
    Maprange: z.number(),
  }),
);

/**
 * The user namespace map of an instance: the one in use while it runs, else the one it last ran
 * with, else the one it will get. Empty for a privileged container or unreadable config. Pure.
 */
export function idmapOf(config: Record<string, string>): IdmapRange[] {
  const text =
    config['volatile.idmap.current'] ?? config['volatile.last_state.idmap'] ?? config['volatile.idmap.next'];
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = idmapSchema.safeParse(parsed);
  if (!entries.success) return [];
  return entries.data.map((entry) => ({
    kind: entry.Isuid && entry.Isgid ? 'both' : entry.Isuid ? 'uid' : 'gid',
    nsid: entry.Nsid,
    hostid: entry.Hostid,
    range: entry.Maprange,
  }));
}

/** Container images in LXD's store (VM images cannot run here: LXD's VMs need KVM). */
export async function listSystemImages(service: SystemContainerService): Promise<SystemImage[]> {
  const images = await service.read<LxdImage[]>('/1.0/images?recursion=1');
  return images
    .filter((image) => (image.type ?? 'container') === 'container')
    .map((image) => ({
      fingerprint: image.fingerprint,
      aliases: (image.aliases ?? []).map((alias) => alias.name),
      description: image.properties?.['description'] ?? '',
      sizeBytes: image.size ?? 0,
      architecture: image.architecture ?? '',
      uploadedAt: image.uploaded_at ?? '',
    }))
    .sort((a, b) => (a.aliases[0] ?? a.fingerprint).localeCompare(b.aliases[0] ?? b.fingerprint));
}

/** An instance's config, its uid/gid map and the host PID of its init (read-only: any instance). */
export async function inspectSystem(service: SystemContainerService, name: string): Promise<SystemInspect> {
  const path = `/1.0/instances/${encodeURIComponent(name)}`;
  await service.get(name); // a sentence when it is gone
  const instance = await service.read<Record<string, unknown> & { config?: Record<string, string> }>(path);
  const state = await service.read<{ pid?: number }>(`${path}/state`);
  return {
    instance,
    idmap: idmapOf(instance.config ?? {}),
    hostPid: state.pid && state.pid > 0 ? state.pid : null,
  };
}
