import { join } from 'node:path';
import { isVmConsoleOwner } from '@shared/consoles';
import type { ConsoleManager } from '../consoles';
import type { ConsoleLab } from '../consoles/console-lab';
import type { ContainerService } from '../containers';
import type { LabEngines } from '../engines/lab-engines';
import type { LabPaths } from '../paths';
import type { SystemLab } from '../system-containers/system-lab';
import type { VmService } from '../vms';
import { changeSnapshot } from '../system-containers/system-snapshots';
import { CheckpointService } from '../lessons/checkpoints/checkpoint-service';

/** The checkpoint service on the lab's own engines, consoles and data folder. */
export function labCheckpoints(lab: {
  paths: LabPaths;
  engines: LabEngines;
  containers: ContainerService;
  vms: VmService;
  systems: SystemLab;
  consoles: ConsoleLab;
}): CheckpointService {
  const consoles = lab.consoles.manager;
  return new CheckpointService({
    dir: join(lab.paths.data, 'checkpoints'),
    guests: async () => {
      const [containers, vms, systems] = await Promise.all([
        lab.containers.list('twinlab'),
        lab.vms.list(),
        lab.systems.service.list().catch(() => []), // LXD is optional
      ]);
      return [...containers, ...vms, ...systems];
    },
    docker: () => lab.engines.docker.client,
    libvirtUri: () => lab.engines.libvirt.endpoint(),
    systemSnapshot: (name, action, snapshot) => changeSnapshot(lab.systems.service, name, action, snapshot),
    consoles: {
      close: async (guestId) => {
        await Promise.all(sessionsOf(consoles, guestId).map((id) => consoles.close(id)));
      },
      reconnect: async (guestId) => {
        // A VM's domain restarted: the same signal as libvirt's event gives, without waiting for it.
        await lab.consoles.vmStarted(guestId);
        await Promise.all(sessionsOf(consoles, guestId).map((id) => reconnectWhenLost(consoles, id)));
      },
    },
  });
}

/** A guest's console sessions: its shell (and a container's log view), owners `<kind>:<guest id>`. */
function sessionsOf(consoles: ConsoleManager, guestId: string): string[] {
  return consoles
    .list()
    .filter((session) => session.owner?.split(':').slice(1).join(':') === guestId)
    .map((session) => session.id);
}

/**
 * The guest was switched off and started again. Its console program usually notices the end at once
 * and a retry may already have found the new run (then it is open again); otherwise it is
 * disconnected by now, or within a moment, and is connected here to the new run. A VM's console
 * redraws the restored prompt itself when it connects (ConsoleTargets.vm), so nothing is typed
 * there. The other guests' consoles have no such redraw yet: one Enter shows their prompt, which a
 * lesson's Run needs (without it a restored system container's console ran nothing in 30 s).
 */
async function reconnectWhenLost(consoles: ConsoleManager, id: string): Promise<void> {
  const deadline = Date.now() + 1500;
  while (consoles.info(id).state === 'open' && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (consoles.info(id).state !== 'open') await consoles.reconnect(id);
  const session = consoles.info(id);
  if (!session.readOnly && !isVmConsoleOwner(session.owner)) consoles.write(id, '\r');
}
