import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { VmBoot } from '@shared/template';
import { vmError } from '../vms/errors';
import type { EnsureOptions, ImageCache } from '../images/image-cache';
import type { UserlandOptions, UserlandPreparer, UserlandRequest } from '../vms/userland-contract';
import { DOCKER_ONLY_PATHS, GUEST_INIT_VERSION, initramfsExtras, userlandCmdline } from './guest-init';
import { exportImageRootfs, inspectImage, type ImageFacts } from './rootfs-export';
import { indexRootfs, resolveInRootfs } from './rootfs-index';
import { tarToInitramfs } from './tar-to-initramfs';

const MiB = 1024 * 1024;
/** The kernel itself and what the learner's shell needs beside the files. */
const HEADROOM_BYTES = 64 * MiB;

/**
 * The least memory that boots an initramfs of this size: the kernel unpacks it into a tmpfs that may
 * use half of the memory not already holding the archive, so the files fit only when the memory is
 * about three times their size (measured: a 165 MB archive fails at 512 MiB, boots at 768 MiB).
 */
export function userlandMemoryFloorBytes(initramfsBytes: number): number {
  return 3 * initramfsBytes + HEADROOM_BYTES;
}

export interface UserlandBuilderDeps {
  docker: () => Docker;
  kernels: Pick<ImageCache, 'ensure' | 'dir'>;
  /** Cached initramfs files; QEMU must be able to read them. */
  dir: string;
  /** Pulls an image that is not on the host yet (the container side's pull). */
  pull: (image: string, options: { signal?: AbortSignal }) => Promise<unknown>;
  /** Docker's name for this host's architecture. */
  architecture?: string;
}

/**
 * Turns a container image into a bootable VM: the image's own files packed as an initramfs with
 * Twinlab's init, and a cloud kernel. Packed once per image id and kept; concurrent twins of one
 * image share the work.
 */
export class UserlandBuilder implements UserlandPreparer {
  readonly #inFlight = new Map<string, Promise<string>>();

  constructor(private readonly deps: UserlandBuilderDeps) {}

  async prepare(request: UserlandRequest, options: UserlandOptions = {}): Promise<Required<VmBoot>> {
    const { signal, onProgress } = options;
    const ensureOptions: EnsureOptions = {
      ...(signal && { signal }),
      onProgress: (transfer) => onProgress?.('downloading-kernel', transfer),
    };
    onProgress?.('downloading-kernel');
    const kernel = await this.deps.kernels.ensure({ ...request.kernel, format: 'vmlinuz' }, ensureOptions);
    const facts = await this.#image(request.image, options);
    const initrd = await this.#initramfs(request, facts, signal);
    const neededBytes = userlandMemoryFloorBytes((await stat(initrd)).size);
    if (request.memoryMiB * MiB < neededBytes)
      throw vmError('userlandTooSmall', {
        image: request.image,
        memoryMiB: request.memoryMiB,
        neededMiB: Math.ceil(neededBytes / MiB),
      });
    return { kernel, initrd, cmdline: userlandCmdline({ hostname: request.hostname, shell: request.shell }) };
  }

  previewBoot(request: Pick<UserlandRequest, 'image' | 'shell' | 'hostname'>): Required<VmBoot> {
    return {
      kernel: join(this.deps.kernels.dir, 'KERNEL-SHA256.vmlinuz'),
      initrd: join(this.deps.dir, `IMAGE-ID-${GUEST_INIT_VERSION}.cpio`),
      cmdline: userlandCmdline(request),
    };
  }

  async #image(image: string, { signal, onProgress }: UserlandOptions): Promise<ImageFacts> {
    const docker = this.deps.docker();
    let facts = await inspectImage(docker, image);
    if (!facts) {
      onProgress?.('pulling');
      await this.deps.pull(image, { ...(signal && { signal }) });
      facts = await inspectImage(docker, image);
      if (!facts) throw vmError('userlandNoImage', { image });
    }
    const host = this.deps.architecture ?? dockerArchitecture(process.arch);
    if (facts.architecture !== host)
      throw vmError('userlandWrongArchitecture', { image, architecture: facts.architecture, host });
    onProgress?.('packing-rootfs');
    return facts;
  }

  #initramfs(request: UserlandRequest, facts: ImageFacts, signal?: AbortSignal): Promise<string> {
    const file = join(this.deps.dir, `${facts.id.replace(/^sha256:/, '')}-${GUEST_INIT_VERSION}.cpio`);
    const running = this.#inFlight.get(file);
    if (running) return running;
    const work = this.#pack(request, file, signal).finally(() => this.#inFlight.delete(file));
    this.#inFlight.set(file, work);
    return work;
  }

  async #pack(request: UserlandRequest, file: string, signal?: AbortSignal): Promise<string> {
    if (await exists(file)) return file;
    await mkdir(this.deps.dir, { recursive: true, mode: 0o755 });
    const tar = `${file}.export.tar`;
    const part = `${file}.part`;
    try {
      await exportImageRootfs(this.deps.docker(), request.image, tar, signal);
      const index = await indexRootfs(tar);
      const shell = resolveInRootfs(index, request.shell);
      if (!shell || (shell.entry.type !== 'file' && shell.entry.type !== 'link'))
        throw vmError('userlandNoShell', { image: request.image, shell: request.shell });
      signal?.throwIfAborted();
      await tarToInitramfs(tar, part, { index, skip: DOCKER_ONLY_PATHS, extras: initramfsExtras(index) });
      signal?.throwIfAborted();
      await rename(part, file);
      return file;
    } finally {
      await rm(tar, { force: true });
      await rm(part, { force: true });
    }
  }
}

/** Node's names for CPUs differ from Docker's (OCI) names. */
const ociArchitectures: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ppc64: 'ppc64le',
  s390x: 's390x',
};

export function dockerArchitecture(nodeArch: string): string {
  return ociArchitectures[nodeArch] ?? nodeArch;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
