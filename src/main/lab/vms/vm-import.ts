import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { OperationProgress } from '@shared/operations';
import { templateSchema, type Catalog, type TemplateFile } from '@shared/template';
import type { VmImportedImage, VmImportImageInput } from '@shared/vms';
import { vmError } from './errors';
import type { ImageCache } from '../images/image-cache';

export interface VmImportDeps {
  images: ImageCache;
  /** The user templates folder the catalog reads ($XDG_CONFIG_HOME/twinlab/templates). */
  userTemplates: string;
  catalog: () => Promise<Catalog>;
  now?: () => Date;
}

type Progress = (update: Omit<OperationProgress, 'operationId'>) => void;

const defaultMemoryMiB = { disk: 1024, kernel: 256 } as const;

/** "My Alpine 3.20" → "my-alpine-3-20": a template id the schema accepts. */
export function templateIdFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/**
 * Imports a disk image or a kernel (+ initrd) into the image cache and writes a user template that
 * boots it, so the VM wizard offers it at once, offline. What the file's first bytes and size tell
 * is checked before a byte is copied; the copy itself is then inspected by qemu-img (a backing file
 * or an external data file is refused) before it gets its name. A failure after the copy removes
 * what this import added to the cache.
 */
export async function importVmImage(
  input: VmImportImageInput,
  deps: VmImportDeps,
  signal: AbortSignal,
  progress: Progress,
): Promise<VmImportedImage> {
  progress({ step: 'validating' });
  const id = templateIdFrom(input.name);
  if (!id) throw vmError('importBadName', { name: input.name });
  const taken = (await deps.catalog()).entries.some(
    ({ template }) => template.id === id || template.name.toLowerCase() === input.name.toLowerCase(),
  );
  const templateFile = join(deps.userTemplates, `${id}.yaml`);
  // A file of that name the catalog could not read still holds the name.
  if (
    taken ||
    (await access(templateFile).then(
      () => true,
      () => false,
    ))
  )
    throw vmError('importTemplateTaken', { name: input.name, id });
  const source = input.kind === 'disk' ? input.disk : [input.kernel, input.initrd].filter(Boolean).join(', ');
  const when = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  const memoryMiB = input.memoryMiB ?? defaultMemoryMiB[input.kind];

  if (input.kind === 'disk') await deps.images.checkDisk(input.disk);
  else await deps.images.checkKernel(input.kernel, input.initrd);

  progress({ step: 'importing' });
  const onProgress = (download: NonNullable<OperationProgress['download']>) =>
    progress({ step: 'importing', download });
  let created: string[] = [];
  let sha256: string;
  let vm: NonNullable<TemplateFile['vm']>;
  if (input.kind === 'disk') {
    const disk = await deps.images.importDisk(input.disk, { signal, onProgress });
    if (disk.created) created = [disk.path];
    sha256 = disk.sha256;
    vm = {
      memoryMiB,
      image: { sha256, format: disk.format },
      // A cloud image reads the seed; any other image simply ignores it.
      cloudInit: { user: 'learner' },
    };
  } else {
    const kernel = await deps.images.importKernel(input.kernel, input.initrd, { signal, onProgress });
    created = kernel.created;
    sha256 = kernel.kernelSha256;
    vm = {
      memoryMiB,
      boot: {
        kernel: kernel.kernel,
        ...(kernel.initrd !== undefined && { initrd: kernel.initrd }),
        cmdline: input.cmdline ?? 'console=ttyS0',
      },
    };
  }

  try {
    const template: TemplateFile = {
      id,
      name: input.name,
      description: `Imported from ${source} on ${when}.`,
      tags: ['imported'],
      vm,
    };
    templateSchema.parse(template); // what the catalog will read back must be valid
    await mkdir(deps.userTemplates, { recursive: true });
    // wx: never overwrite a template someone wrote meanwhile.
    await writeFile(templateFile, stringify(template, { lineWidth: 0 }), { flag: 'wx' }).catch(
      (error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? vmError('importTemplateTaken', { name: input.name, id }) : error;
      },
    );
  } catch (error) {
    await deps.images.discard(created);
    throw error;
  }
  return { templateId: id, templateFile, sha256 };
}
