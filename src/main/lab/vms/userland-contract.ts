import type { VmBoot, VmKernel } from '@shared/template';
import type { TransferProgress } from '../images/transfer-meter';

/**
 * What VmService needs from the userland room (src/main/lab/userland) to boot a container image
 * as a VM; declared here so that VMs never import the Docker side.
 */
export type UserlandStep = 'downloading-kernel' | 'pulling' | 'packing-rootfs';

/** What a same-userland VM boots: the container side's image, with its console shell. */
export interface UserlandSource {
  image: string;
  shell: string;
}

export interface UserlandRequest extends UserlandSource {
  hostname: string;
  memoryMiB: number;
  kernel: VmKernel;
}

export interface UserlandOptions {
  signal?: AbortSignal;
  onProgress?: (step: UserlandStep, download?: TransferProgress) => void;
}

export interface UserlandPreparer {
  /** Downloads the kernel, pulls and packs the image as needed; the boot files are then cached. */
  prepare(request: UserlandRequest, options?: UserlandOptions): Promise<Required<VmBoot>>;
  /** Where prepare will put the files, for the XML preview; nothing is read or made. */
  previewBoot(request: Pick<UserlandRequest, 'image' | 'shell' | 'hostname'>): Required<VmBoot>;
}
