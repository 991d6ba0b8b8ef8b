import { stat } from 'node:fs/promises';
import type { PrepareItem, PrepareReport } from '@shared/lessons';
import type { OperationProgress } from '@shared/operations';
import type { PullProgress } from '@shared/containers';
import type { Template } from '@shared/template';
import type { TransferProgress } from '@shared/vms';
import type { CacheArtifact } from '../images/image-cache';

/** The parts of the image services that preparing needs. */
export interface PrepareDeps {
  imagePresent: (image: string) => Promise<boolean>;
  pull: (
    image: string,
    options: { signal: AbortSignal; onProgress: (pull: PullProgress) => void },
  ) => Promise<unknown>;
  vmImageCached: (image: CacheArtifact) => Promise<boolean>;
  downloadVmImage: (
    image: CacheArtifact,
    options: { signal: AbortSignal; onProgress: (download: TransferProgress) => void },
  ) => Promise<unknown>;
}

type Progress = (update: Omit<OperationProgress, 'operationId'>) => void;

/** What a template needs on this machine before a lesson can run on it without the network. */
export async function prepareReport(template: Template, deps: PrepareDeps): Promise<PrepareReport> {
  const items: PrepareItem[] = [];
  if (template.container)
    items.push({
      kind: 'container-image',
      name: template.container.image,
      present: await deps.imagePresent(template.container.image),
      fetchable: true,
    });
  const vm = template.vm;
  if (vm?.image)
    items.push({
      kind: 'vm-image',
      name: vm.image.url ?? vm.image.sha256 ?? '',
      present: await deps.vmImageCached(vm.image),
      fetchable: vm.image.url !== undefined,
    });
  const kernel = vm?.userland?.kernel;
  if (kernel)
    items.push({
      kind: 'vm-kernel',
      name: kernel.url ?? kernel.sha256 ?? '',
      present: await deps.vmImageCached({ ...kernel, format: 'vmlinuz' }),
      fetchable: kernel.url !== undefined,
    });
  for (const file of [vm?.boot?.kernel, vm?.boot?.initrd]) {
    if (file !== undefined)
      items.push({ kind: 'vm-kernel', name: file, present: await fileExists(file), fetchable: false });
  }
  return { templateId: template.id, items, ready: items.every((item) => item.present) };
}

/** Pulls and downloads what is missing, one after another, then reports again. */
export async function fetchMissing(
  template: Template,
  deps: PrepareDeps,
  signal: AbortSignal,
  progress: Progress,
): Promise<PrepareReport> {
  const before = await prepareReport(template, deps);
  for (const item of before.items) {
    if (item.present || !item.fetchable) continue;
    signal.throwIfAborted();
    if (item.kind === 'container-image') {
      progress({ step: 'pulling', part: 'container' });
      await deps.pull(item.name, {
        signal,
        onProgress: (pull) => progress({ step: 'pulling', part: 'container', pull }),
      });
    } else if (item.kind === 'vm-image' && template.vm?.image) {
      progress({ step: 'downloading', part: 'vm' });
      await deps.downloadVmImage(template.vm.image, {
        signal,
        onProgress: (download) => progress({ step: 'downloading', part: 'vm', download }),
      });
    } else if (item.kind === 'vm-kernel' && template.vm?.userland) {
      progress({ step: 'downloading-kernel', part: 'vm' });
      await deps.downloadVmImage(
        { ...template.vm.userland.kernel, format: 'vmlinuz' },
        { signal, onProgress: (download) => progress({ step: 'downloading-kernel', part: 'vm', download }) },
      );
    }
  }
  return prepareReport(template, deps);
}

async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
