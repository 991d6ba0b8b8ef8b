import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, rm } from 'node:fs/promises';
import type { Guest } from '@shared/guest';
import type { Accelerator } from '@shared/host';
import type { VmBoot, VmSide } from '@shared/template';
import { vmNamePattern } from '@shared/vms';
import { buildDomainXml } from '../engines/libvirt/domain-xml';
import { createOverlay, imageInfo } from '../engines/libvirt/qemu-img';
import { writeSeedIso } from '../engines/libvirt/seed-iso';
import { isNetworkActive, startPaused } from '../engines/libvirt/virsh-queries';
import type { EnsureOptions, ImageCache } from '../images/image-cache';
import type { TransferProgress } from '../images/transfer-meter';
import type { Logger } from '../log';
import { hostnameFrom } from './cloud-init';
import { checkCreate } from './create-checks';
import type { Domains } from './domains';
import { vmError } from './errors';
import { toGuest } from './guest-mapping';
import type { HostCapacity } from './host-capacity';
import { withLoginPassword } from './password';
import type { QemuReach } from './qemu-reach';
import type { UserlandPreparer, UserlandSource, UserlandStep } from './userland-contract';
import type { VmFiles } from './vm-files';
import { planVm, type PlanInput } from './vm-plan';

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

export interface VmCreatorDeps {
  domains: Domains;
  files: VmFiles;
  reach: QemuReach;
  images: ImageCache;
  host: HostCapacity;
  userland?: UserlandPreparer;
  accelerator: () => Promise<Accelerator>;
  natNetwork?: string;
  minFreeDiskBytes?: number;
  now: () => Date;
  log?: Logger;
}

/** Plans, previews and makes Twinlab's VMs: checks, base image, overlay, seed, domain, start. */
export class VmCreator {
  readonly #namesBeingCreated = new Set<string>();

  constructor(private readonly deps: VmCreatorDeps) {}

  /**
   * The XML create would define, for the wizard's review step. Paths and UUID are placeholders of
   * the real shape; nothing is created or downloaded.
   */
  async previewXml(request: CreateVmRequest): Promise<string> {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const image = request.vm.image;
    const base = image && {
      // The digest of a checksums-file image is only known at download time: a placeholder of its shape.
      path: this.deps.images.pathOf(
        { algorithm: 'sha256', hex: image.sha256 ?? '0'.repeat(64) },
        image.format,
      ),
      format: image.format,
      virtualSizeBytes: 0,
    };
    const source = request.vm.userland && userlandSource(request);
    const plan = planVm({
      ...this.#planBasics(request, uuid),
      ...(source && {
        vm: {
          ...request.vm,
          boot: this.#userland().previewBoot({ ...source, hostname: hostnameFrom(request.name) }),
        },
      }),
      accelerator: await this.deps.accelerator(),
      ...(await this.#natNetwork(request.vm)),
      ...(base && { baseImage: base }),
    });
    return buildDomainXml(plan.spec);
  }

  /**
   * Validates (name, memory, disk, files, ports), makes the overlay and seed, defines and starts the
   * domain. Any failure rolls back what this call made: the domain is undefined and its overlay and
   * seed deleted. A cached base image is never touched.
   */
  async create(asked: CreateVmRequest, options: CreateVmOptions = {}): Promise<Guest> {
    const { domains, files } = this.deps;
    const request = { ...asked, vm: withLoginPassword(asked.vm) };
    const { name } = request;
    let { vm } = request;
    const progress = (step: CreateStep, download?: TransferProgress) =>
      options.onProgress?.({ step, ...(download && { download }) });
    progress('validating');
    if (!vmNamePattern.test(name)) throw vmError('badName', { name });
    if (this.#namesBeingCreated.has(name)) throw vmError('nameTaken', { name });
    this.#namesBeingCreated.add(name);
    const uuid = randomUUID();
    const undo: { what: string; run: () => Promise<unknown> }[] = [];
    try {
      await checkCreate(
        { ...this.deps, dataDir: files.dataDir, imagesDir: this.deps.images.dir },
        { name, vm, hasUserland: request.userland !== undefined, templateId: request.templateId },
      );
      const accelerator = await this.deps.accelerator();
      const nat = await this.#natNetwork(vm);
      const baseImage = vm.image && (await this.#baseImage(vm.image, options, progress));
      if (vm.userland) vm = { ...vm, boot: await this.prepareUserland(request, options) };
      const vmDir = files.folderOf(uuid);
      const plan = planVm({
        ...this.#planBasics(request, uuid),
        vm,
        accelerator,
        ...nat,
        ...(baseImage && { baseImage }),
      });
      domains.busy.set(uuid, 'creating');

      if (plan.overlay || plan.seed || plan.scratch.length > 0) {
        // 0711: QEMU (another user under qemu:///system) must pass through, nobody needs to list it.
        await mkdir(files.dataDir, { recursive: true, mode: 0o711 });
        await mkdir(vmDir, { mode: 0o711 });
        // vmDir is new and named by a fresh UUID, so removing it whole can only remove our own files.
        undo.push({ what: `remove ${vmDir}`, run: () => rm(vmDir, { recursive: true, force: true }) });
      }
      if (plan.overlay) {
        progress('preparing-disk');
        const { path, base, baseFormat, sizeBytes } = plan.overlay;
        await createOverlay(path, base, baseFormat, sizeBytes);
      }
      for (const disk of plan.scratch) await createSparseFile(disk.path, disk.sizeBytes);
      if (plan.seed) {
        progress('writing-seed');
        await writeSeedIso(plan.seed.path, plan.seed.settings);
        await chmod(plan.seed.path, 0o644);
      }
      options.signal?.throwIfAborted();

      progress('defining');
      const hypervisor = await domains.hypervisor();
      const domain = await domains.call(name, () => hypervisor.domainDefineXML(buildDomainXml(plan.spec)));
      undo.push({
        what: `undefine ${name}`,
        run: async () => {
          await domain.destroy().catch(() => undefined); // only if it got as far as running
          await domain.undefine();
        },
      });

      progress('starting');
      await domains.call(name, () =>
        request.startPaused ? startPaused(domains.uri(), name) : domain.create(),
      );
      domains.busy.delete(uuid);
      return toGuest(await domains.facts(domain));
    } catch (error) {
      for (const step of undo.reverse()) {
        await step
          .run()
          .catch((undoError: unknown) =>
            this.deps.log?.warn(`rollback of ${name}: ${step.what} failed`, undoError),
          );
      }
      throw error instanceof Error && error.name === 'AbortError' ? vmError('downloadCancelled') : error;
    } finally {
      domains.busy.delete(uuid);
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
        ...userlandSource(request),
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

  /** The cached base image, downloaded first when needed. */
  async #baseImage(
    image: NonNullable<VmSide['image']>,
    options: CreateVmOptions,
    progress: (step: CreateStep, download?: TransferProgress) => void,
  ): Promise<PlanInput['baseImage']> {
    progress('downloading');
    const ensureOptions: EnsureOptions = {
      ...(options.signal && { signal: options.signal }),
      onProgress: (transfer) => progress('downloading', transfer),
    };
    const path = await this.deps.images.ensure(image, ensureOptions);
    return {
      path,
      format: image.format,
      virtualSizeBytes: (await imageInfo(path, image.format)).virtualSizeBytes,
    };
  }

  #userland(): UserlandPreparer {
    if (!this.deps.userland) throw new Error('this lab was made without same-userland VMs');
    return this.deps.userland;
  }

  #planBasics(request: CreateVmRequest, uuid: string) {
    return {
      name: request.name,
      uuid,
      templateId: request.templateId,
      ...(request.twinId !== undefined && { twinId: request.twinId }),
      vm: request.vm,
      createdAt: this.deps.now().toISOString(),
      vmDir: this.deps.files.folderOf(uuid),
    };
  }

  async #natNetwork(vm: VmSide): Promise<{ natNetwork?: string }> {
    if (vm.portForwards.length > 0) return {}; // forwards need user-mode networking (see networkFor)
    const network = this.deps.natNetwork ?? 'default';
    return (await isNetworkActive(this.deps.domains.uri(), network)) ? { natNetwork: network } : {};
  }
}

function userlandSource(request: CreateVmRequest): UserlandSource {
  if (!request.userland) throw vmError('userlandNeedsContainer', { templateId: request.templateId });
  return request.userland;
}

/** A blank disk that takes no host space until the guest writes to it. */
async function createSparseFile(path: string, sizeBytes: number): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.truncate(sizeBytes);
  } finally {
    await handle.close();
  }
}
