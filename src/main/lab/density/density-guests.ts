import type { DensityKind } from '@shared/density';
import type { Guest } from '@shared/guest';
import type { Template } from '@shared/template';
import type { ContainerService } from '../containers';
import type { SystemContainerService } from '../system-containers/system-container-service';
import { pickSandboxRuntime, twinContainerSpec } from '../twins/twin-spec';
import { userlandSource } from '../userland/userland-source';
import type { VmService } from '../vms';

/**
 * Density guests carry Twinlab's own labels (managed, template) and, as their twin id, this marker,
 * the id of the process that made them and the run's id: the one tag all three engines already keep
 * (container label, domain metadata, LXD config). A leftover of an interrupted run is found by it and
 * nothing else is ever touched; the process id keeps another app's (or test's) running run safe.
 */
const DENSITY_MARKER = 'density-';

export function densityTwinId(runId: string, pid = process.pid): string {
  return `${DENSITY_MARKER}${pid}-${runId}`;
}

/**
 * The runs going in this process, whichever lab started them (tests make several labs in one
 * process): their guests are never swept.
 */
export const runsGoingHere = new Set<string>();

/** A density guest no run is going to remove: its process is gone, or it is this one and not running it. */
export function isOrphan(
  twinId: string,
  going: ReadonlySet<string> = runsGoingHere,
  alive = processAlive,
): boolean {
  const pid = Number(/^density-(\d+)-/.exec(twinId)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return true; // a marker this version did not write
  if (pid === process.pid) return ![...going].some((runId) => twinId === densityTwinId(runId));
  return !alive(pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function isDensityGuest(guest: Guest): boolean {
  return guest.managed && (guest.twinId?.startsWith(DENSITY_MARKER) ?? false);
}

export interface DensityGuestsDeps {
  containers: Pick<ContainerService, 'create' | 'remove'>;
  /** Runtimes registered with Docker, for the sandbox kind. */
  runtimes: () => Promise<string[]>;
  vms: Pick<VmService, 'create' | 'remove'>;
  systems: Pick<SystemContainerService, 'create' | 'action'>;
  /** Every guest of every engine (Twinlab's and others'), to find leftovers. */
  list: () => Promise<Guest[]>;
}

/** Makes and removes one density guest of a kind through the same services (and specs) twins use. */
export class DensityGuests {
  constructor(private readonly deps: DensityGuestsDeps) {}

  /** Creates and starts guest `name` of `kind`; the services remove what they made if this fails half way. */
  async create(
    kind: DensityKind,
    template: Template,
    name: string,
    runId: string,
    signal: AbortSignal,
    /** Memory the workload needs: a container's (or system container's) limit is raised to it when the template's is lower. */
    workloadMiB = 0,
  ): Promise<Guest> {
    const twinId = densityTwinId(runId);
    switch (kind) {
      case 'container':
      case 'sandbox': {
        const side = template.container;
        if (!side) throw new Error(`template ${template.id} has no container side`);
        const runtime =
          kind === 'container' ? 'runc' : pickSandboxRuntime(await this.deps.runtimes().catch(() => []));
        if (!runtime) throw new Error('no sandbox runtime is registered with Docker');
        const spec = twinContainerSpec({ template, side, name, role: kind, twinId, runtime });
        const memoryMiB =
          spec.memoryMiB !== undefined && spec.memoryMiB < workloadMiB ? { memoryMiB: workloadMiB } : {};
        return this.deps.containers.create({ ...spec, ...memoryMiB, name }, { signal });
      }
      case 'system': {
        if (!template.system) throw new Error(`template ${template.id} has no system side`);
        const system =
          template.system.memoryMiB !== undefined && template.system.memoryMiB < workloadMiB
            ? { ...template.system, memoryMiB: workloadMiB }
            : template.system;
        return this.deps.systems.create({ name, templateId: template.id, system, twinId }, { signal });
      }
      case 'vm': {
        if (!template.vm) throw new Error(`template ${template.id} has no VM side`);
        const userland = userlandSource(template);
        return this.deps.vms.create(
          { name, templateId: template.id, vm: template.vm, twinId, ...(userland && { userland }) },
          { signal },
        );
      }
    }
  }

  async remove(guest: Guest): Promise<void> {
    if (guest.kind === 'vm') await this.deps.vms.remove(guest.id);
    else if (guest.kind === 'system') await this.deps.systems.action(guest.id, 'remove');
    else await this.deps.containers.remove(guest.id);
  }

  /** Density guests of run `runId` still there. */
  async ofRun(runId: string): Promise<Guest[]> {
    return (await this.deps.list()).filter((guest) => guest.managed && guest.twinId === densityTwinId(runId));
  }

  /** Density guests no run is going to remove (see isOrphan). */
  async orphans(): Promise<Guest[]> {
    return (await this.deps.list()).filter((guest) => isDensityGuest(guest) && isOrphan(guest.twinId ?? ''));
  }

  /** Removes them; answers the names it could not remove. */
  async removeAll(guests: readonly Guest[]): Promise<string[]> {
    const failed = await Promise.all(
      guests.map((guest) =>
        this.remove(guest).then(
          () => undefined,
          () => guest.name,
        ),
      ),
    );
    return failed.filter((name): name is string => name !== undefined);
  }
}
