import type { Guest } from '@shared/guest';
import type { Accelerator } from '@shared/host';
import type { VmBoot } from '@shared/template';
import type { Leftovers, ShutdownResult, VmLogin } from '@shared/vms';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { hasProbeSerial } from '../engines/libvirt/domain-xml';
import type { ImageCache } from '../images/image-cache';
import type { Logger } from '../log';
import { Domains, type LibvirtAccess } from './domains';
import { realHostCapacity, type HostCapacity } from './host-capacity';
import { VmLeftovers } from './leftovers';
import { QemuReach } from './qemu-reach';
import { StatePoller, type GuestChanges } from './state-poller';
import { VmStatsReader } from './stats-reader';
import type { UserlandPreparer } from './userland-contract';
import { VmCreator, type CreateVmOptions, type CreateVmRequest } from './vm-creator';
import { VmFiles } from './vm-files';
import { VmLifecycle } from './vm-lifecycle';
import type { VmStats } from './vm-stats';

export type { Leftovers, ShutdownResult, LibvirtAccess };
export type { CreateProgress, CreateStep, CreateVmOptions, CreateVmRequest } from './vm-creator';

export interface VmServiceOptions {
  libvirt: LibvirtAccess;
  /** Where overlays and seeds live, one folder per VM named by its UUID: $XDG_DATA_HOME/twinlab/vms */
  dataDir: string;
  images: ImageCache;
  /** Packs container images for same-userland VMs; without it such templates are refused. */
  userland?: UserlandPreparer;
  /** The host report's accelerator: 'kvm' only where a stock kernel really runs under KVM. */
  accelerator: () => Promise<Accelerator>;
  host?: HostCapacity;
  /** libvirt network used for NAT when it is active. */
  natNetwork?: string;
  /** Free space the data dir must keep for a disk VM: overlays grow as the guest writes, and a full disk pauses the guest. */
  minFreeDiskBytes?: number;
  now?: () => Date;
  log?: Logger;
}

/**
 * The lab's VMs on libvirt, one object for the router: reading (domains.ts), making (vm-creator.ts),
 * power and removal (vm-lifecycle.ts), numbers (stats-reader.ts) and what crashes leave behind
 * (leftovers.ts). Lists every domain (other people's read-only, managed:false); creates, operates
 * and deletes only domains carrying Twinlab's metadata. Every refusal and failure is an ApiError
 * whose key names a sentence telling the user what to do.
 */
export class VmService {
  readonly #domains: Domains;
  readonly #files: VmFiles;
  readonly #creator: VmCreator;
  readonly #lifecycle: VmLifecycle;
  readonly #stats: VmStatsReader;
  readonly #leftovers: VmLeftovers;

  constructor(private readonly options: VmServiceOptions) {
    const now = options.now ?? (() => new Date());
    this.#domains = new Domains(options.libvirt);
    this.#files = new VmFiles(options.dataDir, options.log);
    const reach = new QemuReach(
      () => this.#domains.uri(),
      () => [this.#files.dataDir, options.images.dir],
      options.log,
    );
    this.#creator = new VmCreator({
      ...options,
      domains: this.#domains,
      files: this.#files,
      reach,
      host: options.host ?? realHostCapacity,
      now,
    });
    this.#stats = new VmStatsReader(this.#domains, now);
    this.#lifecycle = new VmLifecycle(this.#domains, this.#files, (uuid) => this.#stats.forget(uuid));
    this.#leftovers = new VmLeftovers(this.#domains, this.#files);
  }

  get dataDir(): string {
    return this.#files.dataDir;
  }

  /** The base image cache (imports go through it too). */
  get images(): ImageCache {
    return this.options.images;
  }

  list(): Promise<Guest[]> {
    return this.#domains.list();
  }

  get(id: string): Promise<Guest> {
    return this.#domains.get(id);
  }

  /** The cloud-init user and password Twinlab gave the VM (null for a VM without cloud-init or not Twinlab's). */
  async login(id: string): Promise<VmLogin | null> {
    const domain = await this.#domains.lookup(id);
    const xml = await this.#domains.call(id, () => domain.getXMLDesc());
    return readTwinlabMetadata(xml)?.login ?? null;
  }

  /** The domain XML libvirt holds (what a learner can compare with the preview). */
  async domainXml(id: string): Promise<string> {
    const domain = await this.#domains.lookup(id);
    return this.#domains.call(id, () => domain.getXMLDesc());
  }

  previewXml(request: CreateVmRequest): Promise<string> {
    return this.#creator.previewXml(request);
  }

  create(request: CreateVmRequest, options?: CreateVmOptions): Promise<Guest> {
    return this.#creator.create(request, options);
  }

  prepareUserland(request: CreateVmRequest, options?: CreateVmOptions): Promise<Required<VmBoot>> {
    return this.#creator.prepareUserland(request, options);
  }

  consoleTarget(id: string): Promise<{ id: string; name: string }> {
    return this.#lifecycle.consoleTarget(id);
  }

  /** consoleTarget, and whether the live domain has the probe serial port (see PROBE_SERIAL_ALIAS). */
  async probeTarget(id: string): Promise<{ id: string; name: string; probeChannel: boolean }> {
    const vm = await this.consoleTarget(id);
    return { ...vm, probeChannel: hasProbeSerial(await this.domainXml(vm.id)) };
  }

  start(id: string, options?: { paused?: boolean }): Promise<Guest> {
    return this.#lifecycle.start(id, options);
  }

  shutdown(id: string, options?: { timeoutMs?: number; pollMs?: number }): Promise<ShutdownResult> {
    return this.#lifecycle.shutdown(id, options);
  }

  forceOff(id: string): Promise<Guest> {
    return this.#lifecycle.forceOff(id);
  }

  suspend(id: string): Promise<Guest> {
    return this.#lifecycle.suspend(id);
  }

  resume(id: string): Promise<Guest> {
    return this.#lifecycle.resume(id);
  }

  reboot(id: string): Promise<void> {
    return this.#lifecycle.reboot(id);
  }

  remove(id: string): Promise<void> {
    return this.#lifecycle.remove(id);
  }

  stats(id: string): Promise<VmStats> {
    return this.#stats.stats(id);
  }

  /** A poller (≤ 1 s) that reports list changes only; the caller starts and stops it. */
  watch(
    onChange: (changes: GuestChanges) => void,
    options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
  ): StatePoller {
    return new StatePoller({
      list: () => this.list(),
      onChange,
      intervalMs: Math.min(options.intervalMs ?? 1000, 1000),
      ...(options.onError && { onError: options.onError }),
    });
  }

  /** Half-made VMs: Twinlab domains missing their files, and data-dir folders no domain owns. */
  findLeftovers(): Promise<Leftovers> {
    return this.#leftovers.find();
  }

  /** Removes what findLeftovers reports now (it looks again rather than trusting an old report). */
  cleanupLeftovers(): Promise<Leftovers> {
    return this.#leftovers.cleanup();
  }
}
