import { readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import { ConnectListAllDomainsFlags, type Domain, type Hypervisor } from '@unraid/libvirt';
import type { GuestLiveSample } from '@shared/compare';
import { MANAGED_FILTER } from '../engines/docker/labels';
import { streamStats } from '../engines/docker/stats';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { qemuPidFile } from '../engines/libvirt/virsh-queries';
import type { Logger } from '../log';
import { cpuPercentBetween, parseVmRss, type CpuSample } from '../vms/vm-stats';

export interface LiveSamplerDeps {
  docker: () => Docker;
  hypervisor: () => Promise<Hypervisor>;
  libvirtUri: () => string;
  intervalMs?: number;
  /** Sampling stops when nobody asked for this long. */
  idleMs?: number;
  /** Which guests run is listed again every this many ticks (starts and stops in between wait). */
  listEveryTicks?: number;
  log?: Logger;
}

interface VmWatch {
  domain: Domain;
  name: string;
  /** False for a domain Twinlab did not make: it is skipped without reading its XML again. */
  managed: boolean;
  pid?: string;
  cpu?: CpuSample;
}

/**
 * CPU and host memory of every running Twinlab guest, once a second, for cards and sparklines.
 * One sampler for the whole app, running only while someone asked in the last few seconds.
 * Containers: one Docker stats stream each (Docker samples, main only parses one JSON a second).
 * VMs: getInfo's cpuTime through the open libvirt connection and VmRSS from /proc/<qemu pid>/status,
 * so nothing is spawned per VM per tick.
 */
export class LiveSampler {
  readonly #samples = new Map<string, GuestLiveSample>();
  readonly #streams = new Map<string, AbortController>();
  readonly #vms = new Map<string, VmWatch>();
  #timer: NodeJS.Timeout | undefined;
  #lastAskedAt = 0;
  #tick = 0;
  #busy = false;

  constructor(private readonly deps: LiveSamplerDeps) {}

  /** The latest samples; asking keeps the sampler running (the first answer may still be empty). */
  sample(): GuestLiveSample[] {
    this.#lastAskedAt = Date.now();
    if (!this.#timer) {
      this.#tick = 0;
      this.#timer = setInterval(() => void this.#onTick(), this.deps.intervalMs ?? 1000);
      void this.#onTick();
    }
    return [...this.#samples.values()];
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const controller of this.#streams.values()) controller.abort();
    this.#streams.clear();
    this.#vms.clear();
    this.#samples.clear();
  }

  async #onTick(): Promise<void> {
    if (Date.now() - this.#lastAskedAt > (this.deps.idleMs ?? 5000)) return this.stop();
    if (this.#busy) return; // a slow engine: skip a tick rather than pile calls up
    this.#busy = true;
    try {
      if (this.#tick++ % (this.deps.listEveryTicks ?? 3) === 0) {
        await Promise.all([this.#listContainers(), this.#listVms()]);
      }
      await this.#sampleVms();
    } catch (error) {
      this.deps.log?.debug(`live sampling: ${String(error)}`);
    } finally {
      this.#busy = false;
    }
  }

  async #listContainers(): Promise<void> {
    const docker = this.deps.docker();
    const running = await docker
      .listContainers({ filters: { label: [MANAGED_FILTER], status: ['running'] } })
      .catch(() => undefined);
    if (!running) return;
    const ids = new Set(running.map((container) => container.Id));
    for (const [id, controller] of this.#streams) {
      if (ids.has(id)) continue;
      controller.abort();
      this.#streams.delete(id);
      this.#samples.delete(id);
    }
    for (const id of ids) {
      if (this.#streams.has(id) || !this.#timer) continue;
      const controller = new AbortController();
      this.#streams.set(id, controller);
      const onSample = ({
        at,
        cpuPercent,
        memoryBytes,
      }: {
        at: string;
        cpuPercent: number;
        memoryBytes: number;
      }) =>
        this.#samples.set(id, {
          guestId: id,
          at,
          cpuPercent: Math.round(cpuPercent * 10) / 10,
          hostMemoryBytes: memoryBytes,
        });
      streamStats(docker.getContainer(id), onSample, controller.signal)
        .catch((error: unknown) => this.deps.log?.debug(`stats stream of ${id}: ${String(error)}`))
        .finally(() => {
          // Ended (stopped container): the next listing starts a new stream if it runs again.
          if (this.#streams.get(id) === controller) this.#streams.delete(id);
        });
    }
  }

  async #listVms(): Promise<void> {
    const hypervisor = await this.deps.hypervisor().catch(() => undefined);
    if (!hypervisor) return;
    const domains = await hypervisor.connectListAllDomains(ConnectListAllDomainsFlags.ACTIVE);
    const seen = new Set<string>();
    for (const domain of domains) {
      const uuid = await domain.getUUIDString().catch(() => undefined);
      if (!uuid) continue;
      seen.add(uuid);
      if (this.#vms.has(uuid)) continue;
      const [name, xml] = await Promise.all([domain.getName(), domain.getXMLDesc()]).catch(() => []);
      if (name === undefined || xml === undefined) continue;
      this.#vms.set(uuid, { domain, name, managed: readTwinlabMetadata(xml) !== undefined });
    }
    for (const uuid of this.#vms.keys()) {
      if (seen.has(uuid)) continue;
      this.#vms.delete(uuid);
      this.#samples.delete(uuid);
    }
  }

  async #sampleVms(): Promise<void> {
    await Promise.all(
      [...this.#vms].map(async ([uuid, vm]) => {
        if (!vm.managed) return;
        const info = await vm.domain.getInfo().catch(() => undefined);
        if (!info) return;
        const current = { cpuTimeNs: info.cpuTime, atMs: performance.now() };
        const cpuPercent = vm.cpu ? cpuPercentBetween(vm.cpu, current) : null;
        vm.cpu = current;
        const hostMemoryBytes = await this.#rss(vm);
        this.#samples.set(uuid, {
          guestId: uuid,
          at: new Date().toISOString(),
          ...(cpuPercent !== null && { cpuPercent }),
          ...(hostMemoryBytes !== undefined && { hostMemoryBytes }),
        });
      }),
    );
  }

  async #rss(vm: VmWatch): Promise<number | undefined> {
    try {
      if (vm.pid === undefined) {
        const pidFile = qemuPidFile(this.deps.libvirtUri(), vm.name);
        if (!pidFile) return undefined;
        vm.pid = (await readFile(pidFile, 'utf8')).trim();
      }
      return parseVmRss(await readFile(`/proc/${vm.pid}/status`, 'utf8'));
    } catch {
      vm.pid = undefined; // restarted under a new pid, or not ours to read
      return undefined;
    }
  }
}
