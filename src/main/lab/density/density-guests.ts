import type { DensityKind } from '@shared/density';
import type { Guest } from '@shared/guest';
import type { Template } from '@shared/template';
import type { ContainerCreateSpec } from '@shared/containers';
import { ApiError } from '@shared/errors';
import type { ContainerService } from '../containers';
import { problemError } from '../containers/container-create';
import type {
  SystemContainerService,
  SystemCreateRequest,
} from '../system-containers/system-container-service';
import { pickSandboxRuntime, twinContainerSpec } from '../twins/twin-spec';
import { userlandSource } from '../userland/userland-source';
import type { CreateVmRequest, VmService } from '../vms';

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
  containers: Pick<ContainerService, 'validate' | 'create' | 'remove'>;
  /** Runtimes registered with Docker, for the sandbox kind. */
  runtimes: () => Promise<string[]>;
  vms: Pick<VmService, 'prepareUserland' | 'create' | 'remove'>;
  systems: Pick<SystemContainerService, 'validate' | 'create' | 'action'>;
  /** Every guest of every engine (Twinlab's and others'), to find leftovers. */
  list: () => Promise<Guest[]>;
}

/** One density guest: made from `template` as `name`, marked with the run, with room for the workload. */
export interface DensityGuestPlan {
  template: Template;
  name: string;
  runId: string;
  /** Memory the workload needs: a container's (or system container's) lower limit is raised to it. */
  workloadMiB: number;
}

/** Makes and removes one density guest of a kind through the same services (and specs) twins use. */
export class DensityGuests {
  constructor(private readonly deps: DensityGuestsDeps) {}

  /**
   * The services' own checks before a run makes anything (image present or pullable, runtime,
   * LXD image), and a userland VM's image packed now, so the first VM's start time is its start.
   */
  async check(kind: DensityKind, guest: DensityGuestPlan, signal: AbortSignal): Promise<void> {
    switch (kind) {
      case 'container':
      case 'sandbox': {
        const spec = await this.#containerSpec(kind, guest);
        const problem = (await this.deps.containers.validate(spec))[0];
        if (problem?.key === 'containers.validate.imageMissingNoPull')
          throw new ApiError(
            'bad-input',
            'error.densityImageMissing',
            `The image "${spec.image}" of the template "${guest.template.name}" is not on this computer, and a density run downloads nothing (the download would count in the first guest's start). Create a twin of the template once, or import the image, then run again.`,
            { image: spec.image, template: guest.template.name },
          );
        if (problem) throw problemError(problem);
        return;
      }
      case 'system':
        await this.deps.systems.validate(this.#systemRequest(guest));
        return;
      case 'vm': {
        const request = this.#vmRequest(guest);
        if (request.userland) await this.deps.vms.prepareUserland(request, { signal });
        return;
      }
    }
  }

  /** Creates and starts one guest of `kind`; the services remove what they made if this fails half way. */
  async create(kind: DensityKind, guest: DensityGuestPlan, signal: AbortSignal): Promise<Guest> {
    switch (kind) {
      case 'container':
      case 'sandbox':
        return this.deps.containers.create(await this.#containerSpec(kind, guest), { signal });
      case 'system':
        return this.deps.systems.create(this.#systemRequest(guest), { signal });
      case 'vm':
        return this.deps.vms.create(this.#vmRequest(guest), { signal });
    }
  }

  /** The twin's container spec, under the density name and marker, its limit raised for the workload. */
  async #containerSpec(kind: 'container' | 'sandbox', guest: DensityGuestPlan): Promise<ContainerCreateSpec> {
    const { template, name, runId, workloadMiB } = guest;
    const side = template.container;
    if (!side) throw new Error(`template ${template.id} has no container side`); // refused before
    const runtime =
      kind === 'container' ? 'runc' : pickSandboxRuntime(await this.deps.runtimes().catch(() => []));
    if (!runtime) throw new Error('no sandbox runtime is registered with Docker'); // left out before
    const spec = twinContainerSpec({
      template,
      side,
      name,
      role: kind,
      twinId: densityTwinId(runId),
      runtime,
    });
    const raise = spec.memoryMiB !== undefined && spec.memoryMiB < workloadMiB;
    // Nothing is downloaded mid-run: check() refuses an absent image before any guest is made.
    return { ...spec, name, pull: 'never', ...(raise && { memoryMiB: workloadMiB }) };
  }

  #systemRequest({ template, name, runId, workloadMiB }: DensityGuestPlan): SystemCreateRequest {
    if (!template.system) throw new Error(`template ${template.id} has no system side`); // refused before
    const raise = template.system.memoryMiB !== undefined && template.system.memoryMiB < workloadMiB;
    const system = raise ? { ...template.system, memoryMiB: workloadMiB } : template.system;
    return { name, templateId: template.id, system, twinId: densityTwinId(runId) };
  }

  #vmRequest({ template, name, runId }: DensityGuestPlan): CreateVmRequest {
    if (!template.vm) throw new Error(`template ${template.id} has no VM side`); // refused before
    const userland = userlandSource(template);
    return {
      name,
      templateId: template.id,
      vm: template.vm,
      twinId: densityTwinId(runId),
      ...(userland && { userland }),
    };
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
