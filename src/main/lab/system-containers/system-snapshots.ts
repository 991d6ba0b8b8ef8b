import type { SystemSnapshot, SystemSnapshotAction } from '@shared/systems';
import { systemError } from './errors';
import type { SystemContainerService } from './system-container-service';

/** GET /1.0/instances/NAME/snapshots?recursion=1, the part the Snapshots tab shows. */
interface LxdSnapshot {
  name: string;
  created_at: string;
  stateful?: boolean;
}

const instancePath = (name: string) => `/1.0/instances/${encodeURIComponent(name)}`;

/** An instance's snapshots, oldest first (read-only: any instance). */
export async function listSnapshots(service: SystemContainerService, id: string): Promise<SystemSnapshot[]> {
  await service.get(id); // a sentence when it is gone
  const snapshots = await service.read<LxdSnapshot[]>(`${instancePath(id)}/snapshots?recursion=1`);
  return snapshots
    .map((snapshot) => ({
      // LXD names a snapshot "instance/snapshot" in some versions and plain in others.
      name: snapshot.name.split('/').pop() ?? snapshot.name,
      createdAt: snapshot.created_at,
      stateful: snapshot.stateful ?? false,
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Takes, restores or deletes a snapshot of one of Twinlab's own instances (a user's are refused),
 * and answers the list afterwards. Restoring a running container is LXD's own stop-restore-start.
 */
export async function changeSnapshot(
  service: SystemContainerService,
  id: string,
  action: SystemSnapshotAction,
  snapshot: string,
): Promise<SystemSnapshot[]> {
  const instance = await service.assertManaged(id);
  const path = instancePath(instance.name);
  const exists = (await listSnapshots(service, instance.name)).some((each) => each.name === snapshot);
  if (action === 'create') {
    if (exists) throw systemError('snapshotTaken', { name: instance.name, snapshot });
    await service.change('POST', `${path}/snapshots`, { name: snapshot, stateful: false });
  } else {
    if (!exists) throw systemError('snapshotMissing', { name: instance.name, snapshot });
    if (action === 'restore') await service.change('PUT', path, { restore: snapshot });
    else await service.change('DELETE', `${path}/snapshots/${encodeURIComponent(snapshot)}`);
  }
  return listSnapshots(service, instance.name);
}
