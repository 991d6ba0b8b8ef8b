import { readFile } from 'node:fs/promises';
import { ConnectListAllDomainsFlags, type Domain, type Hypervisor } from '@unraid/libvirt';
import type { GuestLiveSample } from '@shared/compare';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { qemuPidFile } from '../engines/libvirt/virsh-queries';
import { cpuPercentBetween, parseVmRss, type CpuSample } from './vm-stats';

interface VmWatch {
  domain: Domain;
  name: string;
  /** False for a domain Twinlab did not make: it is skipped without reading its XML again. */
  managed: boolean;
  pid?: string;
  cpu?: CpuSample;
}

/**
 * CPU and host memory of every running Twinlab VM, for the live sampler: getInfo's cpuTime through
 * the open libvirt connection and VmRSS from /proc/<qemu pid>/status, so nothing is spawned per VM
 * per tick. Domain handles are kept between ticks; relist() finds starts and stops.
 */
export class VmLiveUsage {
  readonly #vms = new Map<string, VmWatch>();
  readonly #samples = new Map<string, GuestLiveSample>();

  constructor(private readonly libvirt: { hypervisor(): Promise<Hypervisor>; endpoint(): string }) {}

  async relist(): Promise<void> {
    const hypervisor = await this.libvirt.hypervisor().catch(() => undefined);
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

  async sampleNow(): Promise<void> {
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

  samples(): GuestLiveSample[] {
    return [...this.#samples.values()];
  }

  stop(): void {
    this.#vms.clear();
    this.#samples.clear();
  }

  async #rss(vm: VmWatch): Promise<number | undefined> {
    try {
      if (vm.pid === undefined) {
        const pidFile = qemuPidFile(this.libvirt.endpoint(), vm.name);
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
