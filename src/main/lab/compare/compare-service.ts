import { readFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import type { CompareEnvironment, GuestMeasurement } from '@shared/compare';
import type { EngineStatus } from '@shared/engines';
import type { Guest } from '@shared/guest';
import type { Accelerator } from '@shared/host';
import type { ContainerService } from '../containers';
import type { GuestDirectory } from '../guests/directory';
import type { ContainerFootprint } from '../containers/container-footprint';
import { vmError, type VmService } from '../vms';
import type { VmFootprint } from '../vms/vm-footprint';
import { systemError } from '../system-containers/errors';
import { sandboxRuntimes } from '../twins/twin-spec';
import { containerMeasurement, vmMeasurement } from './measurement';
import type { ReadyTimes } from './ready-times';
import type { SystemContainerService } from '../system-containers/system-container-service';

export interface CompareServiceDeps {
  guests: Pick<GuestDirectory, 'get'>;
  containers: Pick<ContainerService, 'stats' | 'assertManaged'>;
  containerFootprint: ContainerFootprint;
  vms: Pick<VmService, 'stats' | 'domainXml'>;
  vmFootprint: VmFootprint;
  ready: ReadyTimes;
  accelerator: () => Promise<Accelerator>;
  engines: () => { docker: EngineStatus; libvirt: EngineStatus };
  runtimes: () => Promise<string[]>;
  systems?: Pick<SystemContainerService, 'stats'>;
  now?: () => Date;
}

/** The Compare page's numbers, read from the host now, and the host they were read on. */
export class CompareService {
  constructor(private readonly deps: CompareServiceDeps) {}

  async measure(guestIds: string[]): Promise<GuestMeasurement[]> {
    const guests = await this.deps.guests.get(guestIds);
    return Promise.all(
      guests.map(async (guest) => {
        if (!guest.managed) await this.#assertManaged(guest);
        return guest.kind === 'vm'
          ? this.#vm(guest)
          : guest.kind === 'system'
            ? this.#system(guest)
            : this.#container(guest);
      }),
    );
  }

  /** The engines' own refusals, the sentences the rest of the app shows for other people's guests. */
  async #assertManaged(guest: Guest): Promise<void> {
    if (guest.kind === 'vm') throw vmError('notManaged', { name: guest.name });
    if (guest.kind === 'system') throw systemError('notManaged', { name: guest.name });
    await this.deps.containers.assertManaged(guest.id); // the container guard's own check and refusal
  }

  async #container(guest: Guest): Promise<GuestMeasurement> {
    const running = guest.state === 'running' || guest.state === 'paused';
    const [stats, footprint] = await Promise.all([
      running ? this.deps.containers.stats(guest.id) : undefined,
      this.deps.containerFootprint.read(guest, running),
    ]);
    const readyMs = this.deps.ready.readyMs(guest.id);
    return containerMeasurement({
      guest,
      at: (this.deps.now?.() ?? new Date()).toISOString(),
      ...footprint,
      ...(readyMs !== undefined && { readyMs }),
      ...(stats && { stats }),
    });
  }

  /** What the host's kernel accounts to the system container, from LXD's /state. */
  async #system(guest: Guest): Promise<GuestMeasurement> {
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const base = { guestId: guest.id, kind: guest.kind, runtime: guest.runtime, at };
    if (guest.state !== 'running' || !this.deps.systems) return base;
    const stats = await this.deps.systems.stats(guest.id);
    const init = await readFile(`/proc/${stats.hostPid}/comm`, 'utf8').then(
      (comm) => [comm.trim()],
      () => [],
    );
    const readyMs = this.deps.ready.readyMs(guest.id);
    return {
      ...base,
      hostMemoryBytes: stats.memoryBytes,
      ...(stats.memoryLimitBytes !== undefined && { memoryLimitBytes: stats.memoryLimitBytes }),
      hostProcesses: { count: stats.processes, commands: init },
      ...(readyMs !== undefined && { readyMs }),
    };
  }

  async #vm(guest: Guest): Promise<GuestMeasurement> {
    const [stats, xml] = await Promise.all([
      this.deps.vms.stats(guest.id),
      this.deps.vms.domainXml(guest.id),
    ]);
    const readyMs = this.deps.ready.readyMs(guest.id);
    const qemuCommand =
      stats.cpuPercent === null ? undefined : await this.deps.vmFootprint.qemuCommand(guest.name);
    return vmMeasurement({
      guest,
      stats,
      sharedDiskBytes: await this.deps.vmFootprint.sharedDiskBytes(xml),
      ...(readyMs !== undefined && { readyMs }),
      ...(qemuCommand !== undefined && { qemuCommand }),
    });
  }

  async environment(): Promise<CompareEnvironment> {
    const engines = this.deps.engines();
    const version = (status: EngineStatus) => (status.state === 'up' ? status.version : undefined);
    const [hostOs, accelerator, runtimes, qemu] = await Promise.all([
      readFile('/etc/os-release', 'utf8').then(prettyName, () => 'Linux'),
      this.deps.accelerator(),
      this.deps.runtimes().catch(() => []),
      this.deps.vmFootprint.qemuVersion(),
    ]);
    const docker = version(engines.docker);
    const libvirt = version(engines.libvirt);
    return {
      hostKernel: release(),
      hostOs,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      cpus: cpus().length,
      memoryBytes: totalmem(),
      accelerator,
      ...(docker !== undefined && { docker }),
      ...(libvirt !== undefined && { libvirt }),
      ...(qemu !== undefined && { qemu }),
      sandboxRuntimes: sandboxRuntimes(runtimes),
    };
  }
}

/** PRETTY_NAME="Debian GNU/Linux 12 (bookworm)" from /etc/os-release. */
export function prettyName(osRelease: string): string {
  return /^PRETTY_NAME=(["']?)(.*)\1\s*$/m.exec(osRelease)?.[2] ?? 'Linux';
}
