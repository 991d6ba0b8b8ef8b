import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import type { CompareEnvironment, GuestMeasurement } from '@shared/compare';
import type { EngineStatus } from '@shared/engines';
import type { Guest } from '@shared/guest';
import type { Accelerator } from '@shared/host';
import type { ContainerService } from '../containers';
import { containerApiError } from '../engines/docker/docker-errors';
import { containerError } from '../engines/docker/messages';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { qemuPidFile } from '../engines/libvirt/virsh-queries';
import { vmError, type VmService } from '../vms';
import { imageInfo } from '../engines/libvirt/qemu-img';
import { twinError } from '../twins/errors';
import { systemError } from '../system-containers/errors';
import { sandboxRuntimes } from '../twins/twin-spec';
import { bootFiles, commandName, containerMeasurement, vmMeasurement, type DockerTop } from './measurement';
import type { ReadyTimes } from './ready-times';
import type { SystemContainerService } from '../system-containers/system-container-service';

const run = promisify(execFile);

/** Docker's `?size=1` (SizeRw, SizeRootFs), which @types/dockerode does not list. */
const withSizes: Docker.ContainerInspectOptions & { size: boolean } = { size: true };

export interface CompareServiceDeps {
  docker: () => Docker;
  containers: ContainerService;
  vms: VmService;
  ready: ReadyTimes;
  libvirtUri: () => string;
  accelerator: () => Promise<Accelerator>;
  engines: () => { docker: EngineStatus; libvirt: EngineStatus };
  runtimes: () => Promise<string[]>;
  systems?: Pick<SystemContainerService, 'list' | 'stats'>;
  now?: () => Date;
}

/** The Compare page's numbers, read from the host now, and the host they were read on. */
export class CompareService {
  #qemuVersion: Promise<string | undefined> | undefined;

  constructor(private readonly deps: CompareServiceDeps) {}

  async measure(guestIds: string[]): Promise<GuestMeasurement[]> {
    const [containers, vms, systems] = await Promise.allSettled([
      this.deps.containers.list('all'),
      this.deps.vms.list(),
      this.deps.systems?.list() ?? [],
    ]);
    const known = [
      ...(containers.status === 'fulfilled' ? containers.value : []),
      ...(vms.status === 'fulfilled' ? vms.value : []),
      ...(systems.status === 'fulfilled' ? systems.value : []),
    ];
    const guests = guestIds.map((id) => {
      const guest = known.find((g) => g.id === id || g.name === id);
      if (guest?.managed) return guest;
      // The engines' own refusals, the sentences the rest of the app shows for other people's guests.
      if (guest?.kind === 'vm') throw vmError('notManaged', { name: guest.name });
      if (guest?.kind === 'system') throw systemError('notManaged', { name: guest.name });
      if (guest) throw containerError('guard.notManaged', { name: guest.name });
      return this.#unlisted(id, containers, vms);
    });
    return Promise.all(
      guests.map(async (guest) =>
        guest.kind === 'vm'
          ? this.#vm(guest)
          : guest.kind === 'system'
            ? this.#system(guest)
            : this.#container(guest),
      ),
    );
  }

  /** Not among Twinlab's guests: someone else's container (refused), an engine down, or gone. */
  #unlisted(id: string, ...lists: PromiseSettledResult<Guest[]>[]): never {
    const failed = lists.find((list): list is PromiseRejectedResult => list.status === 'rejected');
    if (failed && lists.every((list) => list.status === 'rejected')) throw failed.reason;
    throw twinError('guestNotFound', { id });
  }

  async #container(guest: Guest): Promise<GuestMeasurement> {
    const container = this.deps.docker().getContainer(guest.id);
    const running = guest.state === 'running' || guest.state === 'paused';
    try {
      const [stats, sizes, top] = await Promise.all([
        running ? this.deps.containers.stats(guest.id) : undefined,
        container.inspect(withSizes) as Promise<{ SizeRw?: number; SizeRootFs?: number }>,
        running ? (container.top() as Promise<DockerTop>).catch(() => undefined) : undefined,
      ]);
      const readyMs = this.deps.ready.readyMs(guest.id);
      return containerMeasurement({
        guest,
        at: (this.deps.now?.() ?? new Date()).toISOString(),
        sizes,
        ...(readyMs !== undefined && { readyMs }),
        ...(stats && { stats }),
        ...(top && { top }),
      });
    } catch (error) {
      throw containerApiError(error, guest.name);
    }
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
    const qemuCommand = stats.cpuPercent === null ? undefined : await this.#qemuCommand(guest.name);
    return vmMeasurement({
      guest,
      stats,
      sharedDiskBytes: await sharedVmBytes(xml),
      ...(readyMs !== undefined && { readyMs }),
      ...(qemuCommand !== undefined && { qemuCommand }),
    });
  }

  /** The QEMU process's program name, through the pid libvirt writes to its pid file. */
  async #qemuCommand(name: string): Promise<string | undefined> {
    const pidFile = qemuPidFile(this.deps.libvirtUri(), name);
    if (!pidFile) return undefined;
    try {
      const pid = (await readFile(pidFile, 'utf8')).trim();
      return commandName(await readFile(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return undefined; // stopped meanwhile, or another user's session daemon
    }
  }

  async environment(): Promise<CompareEnvironment> {
    const engines = this.deps.engines();
    const version = (status: EngineStatus) => (status.state === 'up' ? status.version : undefined);
    const [hostOs, accelerator, runtimes, qemu] = await Promise.all([
      readFile('/etc/os-release', 'utf8').then(prettyName, () => 'Linux'),
      this.deps.accelerator(),
      this.deps.runtimes().catch(() => []),
      (this.#qemuVersion ??= this.#readQemuVersion()),
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

  /** "Running hypervisor: QEMU 7.2.22" from the daemon; else the binary's own --version. Cached. */
  async #readQemuVersion(): Promise<string | undefined> {
    try {
      const { stdout } = await run('virsh', ['-c', this.deps.libvirtUri(), 'version', '--daemon'], {
        timeout: 10_000,
      });
      const version = /Running hypervisor:\s*QEMU\s+(\S+)/.exec(stdout)?.[1];
      if (version) return version;
    } catch {
      // libvirt down: ask the binary
    }
    try {
      const { stdout } = await run('qemu-system-x86_64', ['--version'], { timeout: 10_000 });
      return /version\s+(\S+)/.exec(stdout)?.[1];
    } catch {
      this.#qemuVersion = undefined; // try again next time
      return undefined;
    }
  }
}

/** PRETTY_NAME="Debian GNU/Linux 12 (bookworm)" from /etc/os-release. */
export function prettyName(osRelease: string): string {
  return /^PRETTY_NAME=(["']?)(.*)\1\s*$/m.exec(osRelease)?.[2] ?? 'Linux';
}

/** Read-only files other VMs share: kernel and initrd, or the cloud image under the overlay. */
async function sharedVmBytes(domainXml: string): Promise<number> {
  const overlay = readTwinlabMetadata(domainXml)?.files.find((file) => file.role === 'overlay');
  const base = overlay
    ? await imageInfo(overlay.path, 'qcow2').then(
        (info) => info.backingFile,
        () => undefined,
      )
    : undefined;
  const files = [...bootFiles(domainXml), ...(base ? [base] : [])];
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.blocks * 512,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
