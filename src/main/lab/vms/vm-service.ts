import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Domain, Hypervisor } from '@unraid/libvirt';
import type { Guest } from '@shared/guest';
import type { Accelerator } from '@shared/host';
import type { VmBoot, VmSide } from '@shared/template';
import {
  readDomainType,
  readTwinlabMetadata,
  type TwinlabMetadata,
} from '../engines/libvirt/domain-metadata';
import { buildDomainXml } from '../engines/libvirt/domain-xml';
import {
  capabilitiesXml,
  domMemStat,
  isNetworkActive,
  isSystemUri,
  qemuPidFile,
  rebootAcpi,
  startPaused,
} from '../engines/libvirt/virsh-queries';
import type { Logger } from '../log';
import { toMiB } from '../images/download';
import { vmError } from './errors';
import { DomainStates, toGuest, type DomainFacts } from './guest-mapping';
import {
  firstBlockedFolder,
  foldersOnTheWay,
  parseDacLabel,
  realHostCapacity,
  type HostCapacity,
  type QemuIdentity,
} from './host-capacity';
import type { EnsureOptions, ImageCache } from '../images/image-cache';
import { translateLibvirtError } from '../engines/libvirt/libvirt-errors';
import { createOverlay, imageInfo } from '../engines/libvirt/qemu-img';
import { grantQemuSearch, qemuMaySearch } from '../engines/libvirt/qemu-search-acl';
import { writeSeedIso } from '../engines/libvirt/seed-iso';
import { StatePoller, type GuestChanges } from './state-poller';
import type { TransferProgress } from '../images/transfer-meter';
import { cpuPercentBetween, parseDomMemStat, parseVmRss, type CpuSample, type VmStats } from './vm-stats';
import type { Leftovers, ShutdownResult, VmLogin } from '@shared/vms';
import { readablePassword } from './password';
import { planVm, VM_NAME_PATTERN, type PlanInput } from './vm-plan';
import { hostnameFrom } from './cloud-init';
import type { UserlandPreparer, UserlandSource, UserlandStep } from './userland-contract';

/** The libvirt connection as the service needs it (LibvirtConnection provides this). */
export type { Leftovers, ShutdownResult };

export interface LibvirtAccess {
  hypervisor(): Promise<Hypervisor>;
  endpoint(): string;
}

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

export interface CreateVmRequest {
  name: string;
  templateId: string;
  /** The template's VM side, paths already resolved by the catalog. */
  vm: VmSide;
  /** For a userland VM: the container side's image it boots. */
  userland?: UserlandSource;
  twinId?: string;
  /** Start with paused vCPUs so a console can attach before the first line of boot output; resume() runs it. */
  startPaused?: boolean;
}

export type CreateStep =
  'validating' | 'downloading' | UserlandStep | 'preparing-disk' | 'writing-seed' | 'defining' | 'starting';
export interface CreateProgress {
  step: CreateStep;
  download?: TransferProgress;
}

export interface CreateVmOptions {
  signal?: AbortSignal;
  onProgress?: (progress: CreateProgress) => void;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MiB = 1024 * 1024;

/**
 * The lab's VMs on libvirt. Lists every domain (other people's read-only, managed:false); creates,
 * operates and deletes only domains carrying Twinlab's metadata. Every refusal and failure is an
 * ApiError whose key names a sentence telling the user what to do.
 */
export class VmService {
  readonly #busy = new Map<string, 'creating' | 'removing'>();
  readonly #namesBeingCreated = new Set<string>();
  readonly #cpuSamples = new Map<string, CpuSample>();
  readonly #host: HostCapacity;
  readonly #now: () => Date;
  readonly #dataDir: string;
  #qemuIdentity: Promise<QemuIdentity | undefined> | undefined;

  constructor(private readonly options: VmServiceOptions) {
    this.#host = options.host ?? realHostCapacity;
    this.#now = options.now ?? (() => new Date());
    this.#dataDir = resolve(options.dataDir);
  }

  get dataDir(): string {
    return this.#dataDir;
  }

  /** The base image cache (imports go through it too). */
  get images(): ImageCache {
    return this.options.images;
  }

  // ─── reading ──────────────────────────────────────────────────────────────────────────────────

  async list(): Promise<Guest[]> {
    const hypervisor = await this.#hypervisor();
    const domains = await hypervisor.connectListAllDomains().catch((error: unknown) => {
      throw translateLibvirtError(error, '');
    });
    // A domain undefined between the listing and its lookups simply drops out of this round.
    const facts = await Promise.all(domains.map((domain) => this.#facts(domain).catch(() => undefined)));
    return facts
      .filter((fact): fact is DomainFacts => fact !== undefined)
      .map((fact) => toGuest(fact, this.#busy.get(fact.uuid)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The cloud-init user and password Twinlab gave the VM (null for a VM without cloud-init or not Twinlab's). */
  async login(id: string): Promise<VmLogin | null> {
    const domain = await this.#lookup(id);
    const xml = await this.#libvirt(id, () => domain.getXMLDesc());
    return readTwinlabMetadata(xml)?.login ?? null;
  }

  async get(id: string): Promise<Guest> {
    const facts = await this.#facts(await this.#lookup(id));
    return toGuest(facts, this.#busy.get(facts.uuid));
  }

  /** The domain XML libvirt holds (what a learner can compare with the preview). */
  async domainXml(id: string): Promise<string> {
    const domain = await this.#lookup(id);
    return domain.getXMLDesc().catch((error: unknown) => {
      throw translateLibvirtError(error, id);
    });
  }

  /**
   * The XML create would define, for the wizard's review step. Paths and UUID are placeholders of
   * the real shape; nothing is created or downloaded.
   */
  async previewXml(request: CreateVmRequest): Promise<string> {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const image = request.vm.image;
    const base = image && {
      // The digest of a checksums-file image is only known at download time: a placeholder of its shape.
      path: this.options.images.pathOf(
        { algorithm: 'sha256', hex: image.sha256 ?? '0'.repeat(64) },
        image.format,
      ),
      format: image.format,
      virtualSizeBytes: 0,
    };
    const source = request.vm.userland && this.#userlandSource(request);
    const plan = planVm({
      ...this.#planBasics(request, uuid),
      ...(source && {
        vm: {
          ...request.vm,
          boot: this.#userland().previewBoot({ ...source, hostname: hostnameFrom(request.name) }),
        },
      }),
      accelerator: await this.options.accelerator(),
      ...(await this.#natNetwork(request.vm)),
      ...(base && { baseImage: base }),
    });
    return buildDomainXml(plan.spec);
  }

  // ─── create ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Validates (name, memory, disk, files, ports), makes the overlay and seed, defines and starts the
   * domain. Any failure rolls back what this call made: the domain is undefined and its overlay and
   * seed deleted. A cached base image is never touched.
   */
  async create(asked: CreateVmRequest, options: CreateVmOptions = {}): Promise<Guest> {
    const request = { ...asked, vm: withLoginPassword(asked.vm) };
    const { name } = request;
    let { vm } = request;
    const progress = (step: CreateStep, download?: TransferProgress) =>
      options.onProgress?.({ step, ...(download && { download }) });
    progress('validating');
    if (!VM_NAME_PATTERN.test(name)) throw vmError('badName', { name });
    if (this.#namesBeingCreated.has(name)) throw vmError('nameTaken', { name });
    this.#namesBeingCreated.add(name);
    const uuid = randomUUID();
    const undo: { what: string; run: () => Promise<unknown> }[] = [];
    try {
      await this.#validate(request);
      const accelerator = await this.options.accelerator();
      const nat = await this.#natNetwork(vm);
      let baseImage: PlanInput['baseImage'];
      if (vm.image) {
        progress('downloading');
        const ensureOptions: EnsureOptions = {
          ...(options.signal && { signal: options.signal }),
          onProgress: (transfer) => progress('downloading', transfer),
        };
        const path = await this.options.images.ensure(vm.image, ensureOptions);
        baseImage = {
          path,
          format: vm.image.format,
          virtualSizeBytes: (await imageInfo(path, vm.image.format)).virtualSizeBytes,
        };
      }
      if (vm.userland) vm = { ...vm, boot: await this.prepareUserland(request, options) };
      const vmDir = join(this.#dataDir, uuid);
      const plan = planVm({
        ...this.#planBasics(request, uuid),
        vm,
        accelerator,
        ...nat,
        ...(baseImage && { baseImage }),
      });
      this.#busy.set(uuid, 'creating');

      if (plan.overlay || plan.seed) {
        // 0711: QEMU (another user under qemu:///system) must pass through, nobody needs to list it.
        await mkdir(this.#dataDir, { recursive: true, mode: 0o711 });
        await mkdir(vmDir, { mode: 0o711 });
        // vmDir is new and named by a fresh UUID, so removing it whole can only remove our own files.
        undo.push({ what: `remove ${vmDir}`, run: () => rm(vmDir, { recursive: true, force: true }) });
      }
      if (plan.overlay) {
        progress('preparing-disk');
        await createOverlay(
          plan.overlay.path,
          plan.overlay.base,
          plan.overlay.baseFormat,
          plan.overlay.sizeBytes,
        );
      }
      if (plan.seed) {
        progress('writing-seed');
        await writeSeedIso(plan.seed.path, plan.seed.settings);
        await chmod(plan.seed.path, 0o644);
      }
      options.signal?.throwIfAborted();

      progress('defining');
      const hypervisor = await this.#hypervisor();
      const domain = await hypervisor.domainDefineXML(buildDomainXml(plan.spec)).catch((error: unknown) => {
        throw translateLibvirtError(error, name);
      });
      undo.push({
        what: `undefine ${name}`,
        run: async () => {
          await domain.destroy().catch(() => undefined); // only if it got as far as running
          await domain.undefine();
        },
      });

      progress('starting');
      try {
        if (request.startPaused) await startPaused(this.#uri(), name);
        else await domain.create();
      } catch (error) {
        throw translateLibvirtError(error, name);
      }
      this.#busy.delete(uuid);
      return toGuest(await this.#facts(domain));
    } catch (error) {
      for (const step of undo.reverse()) {
        await step
          .run()
          .catch((undoError: unknown) =>
            this.options.log?.warn(`rollback of ${name}: ${step.what} failed`, undoError),
          );
      }
      throw error instanceof Error && error.name === 'AbortError' ? vmError('downloadCancelled') : error;
    } finally {
      this.#busy.delete(uuid);
      this.#namesBeingCreated.delete(name);
    }
  }

  /**
   * A userland VM's boot files: the kernel downloaded and the container image packed (both cached).
   * A twin calls it before making any part, so an image that cannot boot is refused up front.
   */
  async prepareUserland(request: CreateVmRequest, options: CreateVmOptions = {}): Promise<Required<VmBoot>> {
    const { vm, name } = request;
    if (!vm.userland) throw new Error(`${request.templateId} has no userland VM`);
    return this.#userland().prepare(
      {
        ...this.#userlandSource(request),
        hostname: hostnameFrom(name),
        memoryMiB: vm.memoryMiB,
        kernel: vm.userland.kernel,
      },
      {
        ...(options.signal && { signal: options.signal }),
        onProgress: (step, download) => options.onProgress?.({ step, ...(download && { download }) }),
      },
    );
  }

  #userland(): UserlandPreparer {
    if (!this.options.userland) throw new Error('this lab was made without same-userland VMs');
    return this.options.userland;
  }

  #userlandSource(request: CreateVmRequest): UserlandSource {
    if (!request.userland) throw vmError('userlandNeedsContainer', { templateId: request.templateId });
    return request.userland;
  }

  #planBasics(request: CreateVmRequest, uuid: string) {
    return {
      name: request.name,
      uuid,
      templateId: request.templateId,
      ...(request.twinId !== undefined && { twinId: request.twinId }),
      vm: request.vm,
      createdAt: this.#now().toISOString(),
      vmDir: join(this.#dataDir, uuid),
    };
  }

  async #natNetwork(vm: VmSide): Promise<{ natNetwork?: string }> {
    if (vm.portForwards.length > 0) return {}; // forwards need user-mode networking (see networkFor)
    const network = this.options.natNetwork ?? 'default';
    return (await isNetworkActive(this.#uri(), network)) ? { natNetwork: network } : {};
  }

  async #validate(request: CreateVmRequest): Promise<void> {
    const { name, vm } = request;
    if (await this.#exists(name)) throw vmError('nameTaken', { name });

    const available = await this.#host.memAvailableBytes();
    if (vm.memoryMiB * MiB > available) {
      throw vmError('notEnoughMemory', {
        neededMiB: vm.memoryMiB,
        availableMiB: Math.floor(available / MiB),
      });
    }

    if (vm.boot) {
      for (const file of [vm.boot.kernel, vm.boot.initrd]) {
        if (file === undefined) continue;
        try {
          await stat(file);
        } catch {
          throw vmError('kernelMissing', { file });
        }
        await this.#assertQemuCanReach(file);
      }
    }

    if (vm.userland) {
      this.#userlandSource(request);
      await this.#assertQemuCanReach(join(this.options.images.dir, 'userland', 'image'));
    }

    if (vm.image) {
      const needed = this.options.minFreeDiskBytes ?? 1024 * MiB;
      const free = await this.#host.freeDiskBytes(this.#dataDir);
      if (free < needed)
        throw vmError('notEnoughDisk', {
          dir: this.#dataDir,
          neededMiB: toMiB(needed),
          availableMiB: toMiB(free),
        });
      await this.#assertQemuCanReach(join(this.#dataDir, 'vm'));
      // Checked before a download that may take minutes, not after it.
      await this.#assertQemuCanReach(join(this.options.images.dir, 'image'));
    }

    for (const forward of vm.portForwards) {
      if (forward.protocol === 'tcp' && !(await isPortFree(forward.host)))
        throw vmError('portInUse', { port: forward.host });
    }
  }

  async #exists(name: string): Promise<boolean> {
    const hypervisor = await this.#hypervisor();
    try {
      await hypervisor.domainLookupByName(name);
      return true;
    } catch (error) {
      const translated = translateLibvirtError(error, name);
      if (translated.code === 'not-found') return false;
      throw translated;
    }
  }

  /**
   * Under qemu:///system QEMU is another user; a folder it cannot enter fails only at start, with a
   * cryptic error. A folder of ours on the way to Twinlab's own storage (a private home above the
   * XDG folders) gets a search-only ACL entry for QEMU's user (see qemu-search-acl.ts); any other
   * folder, e.g. one holding a template's own kernel, is left as it is and reported with the fix.
   */
  async #assertQemuCanReach(path: string): Promise<void> {
    const identity = await (this.#qemuIdentity ??= this.#loadQemuIdentity());
    if (!identity) return;
    const folders = await foldersOnTheWay(path);
    const storage = [this.#dataDir, resolve(this.options.images.dir)];
    for (;;) {
      const blocked = firstBlockedFolder(folders, identity);
      if (!blocked) return;
      const index = folders.findIndex((entry) => entry.path === blocked);
      const mayGrant =
        folders[index]?.uid === process.getuid?.() &&
        storage.some((dir) => dir === blocked || dir.startsWith(blocked + sep));
      if (!(await qemuMaySearch(blocked, identity.uid))) {
        if (!mayGrant || !(await grantQemuSearch(blocked, identity.uid)))
          throw vmError('folderNotReachable', { qemuUser: identity.user, path, blocked });
        this.options.log?.info(`let ${identity.user} search ${blocked} (ACL u:${identity.uid}:x)`);
      }
      folders.splice(index, 1);
    }
  }

  async #loadQemuIdentity(): Promise<QemuIdentity | undefined> {
    if (!isSystemUri(this.#uri())) return undefined; // session: QEMU runs as the user
    try {
      const label = parseDacLabel(await capabilitiesXml(this.#uri()));
      if (!label) return undefined;
      const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
      const user = passwd
        .split('\n')
        .find((line) => line.split(':')[2] === String(label.uid))
        ?.split(':')[0];
      return { ...label, user: user ?? String(label.uid) };
    } catch {
      return undefined;
    }
  }

  // ─── operations (managed domains only) ─────────────────────────────────────────────────────────

  /**
   * The domain for its serial console, if Twinlab made it; otherwise the same 'notManaged' refusal
   * as every other operation (typing into a user's VM, and `virsh console --force` would kick its
   * owner off). A domain still being created passes: its console is opened while it boots.
   */
  async consoleTarget(id: string): Promise<{ id: string; name: string }> {
    const guest = await this.get(id);
    if (!guest.managed) throw vmError('notManaged', { name: guest.name });
    return { id: guest.id, name: guest.name };
  }

  async start(id: string, options: { paused?: boolean } = {}): Promise<Guest> {
    const { domain, name } = await this.#managed(id);
    await this.#libvirt(name, () => (options.paused ? startPaused(this.#uri(), name) : domain.create()));
    return this.get(id);
  }

  /** ACPI power button; waits up to timeoutMs for the guest to power off. */
  async shutdown(id: string, options: { timeoutMs?: number; pollMs?: number } = {}): Promise<ShutdownResult> {
    const { domain, name } = await this.#managed(id);
    const started = performance.now();
    await this.#libvirt(name, () => domain.shutdown());
    const deadline = started + (options.timeoutMs ?? 60_000);
    for (;;) {
      const info = await this.#libvirt(name, () => domain.getInfo());
      const waitedMs = Math.round(performance.now() - started);
      if (info.state === DomainStates.SHUTOFF) return { outcome: 'stopped', waitedMs };
      if (performance.now() >= deadline) return { outcome: 'timeout', waitedMs, canForceOff: true };
      await sleep(options.pollMs ?? 250);
    }
  }

  /** Pulls the plug (virsh destroy): the guest gets no chance to save anything. */
  async forceOff(id: string): Promise<Guest> {
    const { domain, name } = await this.#managed(id);
    await this.#libvirt(name, () => domain.destroy());
    return this.get(id);
  }

  async suspend(id: string): Promise<Guest> {
    const { domain, name } = await this.#managed(id);
    await this.#libvirt(name, () => domain.suspend());
    return this.get(id);
  }

  async resume(id: string): Promise<Guest> {
    const { domain, name } = await this.#managed(id);
    await this.#libvirt(name, () => domain.resume());
    return this.get(id);
  }

  /** Asks the guest to reboot (ACPI); returns at once. */
  async reboot(id: string): Promise<void> {
    const { name } = await this.#managed(id);
    await this.#libvirt(name, () => rebootAcpi(this.#uri(), name));
  }

  /**
   * Removes the domain and the files Twinlab made for it (overlay, seed, its folder). Only paths
   * inside the data dir are deleted, whatever the metadata says, so a base image never is.
   */
  async remove(id: string): Promise<void> {
    const { domain, name, uuid, metadata } = await this.#managed(id);
    this.#busy.set(uuid, 'removing');
    try {
      const info = await this.#libvirt(name, () => domain.getInfo());
      if (info.state !== DomainStates.SHUTOFF) await this.#libvirt(name, () => domain.destroy());
      await this.#libvirt(name, () => domain.undefine());
      this.#cpuSamples.delete(uuid);
      await this.#removeFiles(
        uuid,
        metadata.files.map((file) => file.path),
      );
    } finally {
      this.#busy.delete(uuid);
    }
  }

  async #removeFiles(uuid: string, files: string[]): Promise<void> {
    for (const file of files) {
      if (!this.#insideDataDir(file)) {
        this.options.log?.warn(`not deleting ${file}: it is outside ${this.#dataDir}`);
        continue;
      }
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    await rmdir(join(this.#dataDir, uuid)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT')
        this.options.log?.warn(`kept ${join(this.#dataDir, uuid)}: ${error.message}`);
    });
  }

  #insideDataDir(path: string): boolean {
    return resolve(path).startsWith(this.#dataDir + sep);
  }

  // ─── stats ────────────────────────────────────────────────────────────────────────────────────

  /**
   * CPU from cpuTime deltas (the first call samples twice, 250 ms apart), host memory as QEMU's RSS
   * from `virsh dommemstat` (cross-checked against /proc/<pid>/status when readable), guest memory
   * from the domain, disk as the host space the overlay and seed take. Works for every domain.
   */
  async stats(id: string): Promise<VmStats> {
    const domain = await this.#lookup(id);
    const name = await this.#libvirt(id, () => domain.getName());
    const uuid = await this.#libvirt(name, () => domain.getUUIDString());
    const xml = await this.#libvirt(name, () => domain.getXMLDesc());
    let info = await this.#libvirt(name, () => domain.getInfo());
    const active =
      info.state !== DomainStates.SHUTOFF &&
      info.state !== DomainStates.CRASHED &&
      info.state !== DomainStates.NOSTATE;

    let cpuPercent: number | null = null;
    if (active) {
      let previous = this.#cpuSamples.get(uuid);
      if (!previous) {
        previous = { cpuTimeNs: info.cpuTime, atMs: performance.now() };
        await sleep(250);
        info = await this.#libvirt(name, () => domain.getInfo());
      }
      const current = { cpuTimeNs: info.cpuTime, atMs: performance.now() };
      cpuPercent = cpuPercentBetween(previous, current);
      this.#cpuSamples.set(uuid, current);
    } else {
      this.#cpuSamples.delete(uuid);
    }

    const memStat = active ? parseDomMemStat(await domMemStat(this.#uri(), name).catch(() => '')) : {};
    const procStatusRssBytes = active ? await this.#procStatusRss(name) : undefined;
    const files = readTwinlabMetadata(xml)?.files ?? [];
    const overlay = files.find((file) => file.role === 'overlay');
    return {
      id: uuid,
      at: this.#now().toISOString(),
      cpuPercent,
      vcpus: info.nrVirtCpu,
      memory: {
        hostRssBytes: (memStat['rss'] ?? 0) * 1024,
        hostRssSource: 'dommemstat',
        ...(procStatusRssBytes !== undefined && { procStatusRssBytes }),
        guestAssignedBytes: (memStat['actual'] ?? info.memory) * 1024,
        ...(memStat['usable'] !== undefined && { guestUsableBytes: memStat['usable'] * 1024 }),
        ...(memStat['unused'] !== undefined && { guestUnusedBytes: memStat['unused'] * 1024 }),
      },
      disk: {
        hostBytes: await allocatedBytes(files.map((file) => file.path)),
        ...(overlay && {
          guestBytes: await imageInfo(overlay.path, 'qcow2').then(
            (i) => i.virtualSizeBytes,
            () => undefined,
          ),
        }),
      },
    };
  }

  async #procStatusRss(name: string): Promise<number | undefined> {
    const pidFile = qemuPidFile(this.#uri(), name);
    if (!pidFile) return undefined;
    try {
      const pid = (await readFile(pidFile, 'utf8')).trim();
      return parseVmRss(await readFile(`/proc/${pid}/status`, 'utf8'));
    } catch {
      return undefined; // not ours to read (session daemon of another user, or just stopped)
    }
  }

  // ─── state watching ───────────────────────────────────────────────────────────────────────────

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

  // ─── leftovers of crashes ─────────────────────────────────────────────────────────────────────

  /** Half-made VMs: Twinlab domains missing their files, and data-dir folders no domain owns. */
  async findLeftovers(): Promise<Leftovers> {
    const hypervisor = await this.#hypervisor();
    const domains = await hypervisor.connectListAllDomains().catch((error: unknown) => {
      throw translateLibvirtError(error, '');
    });
    const known = new Set<string>();
    const brokenDomains: Leftovers['brokenDomains'] = [];
    for (const domain of domains) {
      const facts = await this.#facts(domain).catch(() => undefined);
      if (!facts) continue;
      known.add(facts.uuid.toLowerCase());
      if (!facts.metadata || this.#busy.has(facts.uuid)) continue;
      // Only VMs whose files live in this data dir: on a shared qemu:///system another user's
      // Twinlab VMs are visible too, and their files are theirs to judge.
      const paths = facts.metadata.files.map((file) => file.path);
      if (paths.length === 0 || !paths.every((path) => this.#insideDataDir(path))) continue;
      const missingFiles: string[] = [];
      for (const path of paths) {
        if (await isMissing(path)) missingFiles.push(path);
      }
      if (missingFiles.length > 0) brokenDomains.push({ id: facts.uuid, name: facts.name, missingFiles });
    }
    const orphanFolders: Leftovers['orphanFolders'] = [];
    for (const entry of await readDirSafe(this.#dataDir)) {
      if (!UUID_PATTERN.test(entry) || known.has(entry.toLowerCase()) || this.#busy.has(entry)) continue;
      const path = join(this.#dataDir, entry);
      if (!(await stat(path)).isDirectory()) continue;
      orphanFolders.push({ path, files: (await readDirSafe(path)).map((name) => join(path, name)) });
    }
    return { brokenDomains, orphanFolders };
  }

  /** Removes what findLeftovers reports now (it looks again rather than trusting an old report). */
  async cleanupLeftovers(): Promise<Leftovers> {
    const leftovers = await this.findLeftovers();
    for (const broken of leftovers.brokenDomains) {
      const { domain, name, uuid, metadata } = await this.#managed(broken.id);
      await domain.destroy().catch(() => undefined);
      await this.#libvirt(name, () => domain.undefine());
      await this.#removeFiles(
        uuid,
        metadata.files.map((file) => file.path),
      );
    }
    for (const orphan of leftovers.orphanFolders) {
      // Only UUID-named folders directly in the data dir are ever listed as orphans.
      await rm(orphan.path, { recursive: true, force: true });
    }
    return leftovers;
  }

  // ─── helpers ──────────────────────────────────────────────────────────────────────────────────

  #uri(): string {
    return this.options.libvirt.endpoint();
  }

  async #hypervisor(): Promise<Hypervisor> {
    try {
      return await this.options.libvirt.hypervisor();
    } catch (error) {
      throw vmError('libvirtUnavailable', { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  async #libvirt<T>(name: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateLibvirtError(error, name);
    }
  }

  /** By UUID (the Guest id) or, for convenience, by name. */
  async #lookup(id: string): Promise<Domain> {
    const hypervisor = await this.#hypervisor();
    try {
      return UUID_PATTERN.test(id)
        ? await hypervisor.domainLookupByUUIDString(id)
        : await hypervisor.domainLookupByName(id);
    } catch (error) {
      throw translateLibvirtError(error, id);
    }
  }

  /** The domain, if Twinlab made it; otherwise the 'forbidden' refusal. Also refuses while it is being created or deleted. */
  async #managed(
    id: string,
  ): Promise<{ domain: Domain; name: string; uuid: string; metadata: TwinlabMetadata }> {
    const domain = await this.#lookup(id);
    const name = await this.#libvirt(id, () => domain.getName());
    const uuid = await this.#libvirt(name, () => domain.getUUIDString());
    const metadata = readTwinlabMetadata(await this.#libvirt(name, () => domain.getXMLDesc()));
    if (!metadata) throw vmError('notManaged', { name });
    if (this.#busy.has(uuid)) throw vmError('busy', { name });
    return { domain, name, uuid, metadata };
  }

  async #facts(domain: Domain): Promise<DomainFacts> {
    const [uuid, name, info, xml] = await Promise.all([
      domain.getUUIDString(),
      domain.getName(),
      domain.getInfo(),
      domain.getXMLDesc(),
    ]);
    const startedAt = info.state === DomainStates.SHUTOFF ? undefined : await this.#startedAt(name);
    return {
      uuid,
      name,
      state: info.state,
      domainType: readDomainType(xml),
      metadata: readTwinlabMetadata(xml),
      ...(startedAt !== undefined && { startedAt }),
    };
  }

  /** libvirt writes the pid file as it starts QEMU, so its time is the start time. */
  async #startedAt(name: string): Promise<string | undefined> {
    const pidFile = qemuPidFile(this.#uri(), name);
    if (!pidFile) return undefined;
    try {
      return (await stat(pidFile)).mtime.toISOString();
    } catch {
      return undefined;
    }
  }
}

/**
 * A template with cloud-init but no password gets a fresh one per VM, so a workshop can log in on
 * the serial console (the UI shows it) without every VM sharing a password from a file.
 */
export function withLoginPassword(vm: VmSide): VmSide {
  if (!vm.image || !vm.cloudInit || vm.cloudInit.password !== undefined) return vm;
  return { ...vm, cloudInit: { ...vm.cloudInit, password: readablePassword() } };
}

/** Gone for sure (ENOENT); a file we may not read is not "missing". */
async function isMissing(path: string): Promise<boolean> {
  try {
    await stat(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

async function readDirSafe(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** Host space the files take (allocated blocks, so a sparse overlay counts what it really uses). */
async function allocatedBytes(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    try {
      total += (await stat(file)).blocks * 512;
    } catch {
      // a missing file takes no space
    }
  }
  return total;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolvePort(true)));
  });
}
