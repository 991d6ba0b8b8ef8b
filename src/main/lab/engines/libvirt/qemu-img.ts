import { z } from 'zod';
import type { VmImage } from '@shared/template';
import { runTool, type ResourceLimits } from './tools';

const infoSchema = z.looseObject({
  format: z.string(),
  'virtual-size': z.number(),
  'actual-size': z.number().optional(),
  'backing-filename': z.string().optional(),
  'format-specific': z
    .looseObject({ data: z.looseObject({ 'data-file': z.string().optional() }).optional() })
    .optional(),
});

export interface DiskImageInfo {
  format: string;
  virtualSizeBytes: number;
  actualSizeBytes?: number;
  backingFile?: string;
  /** A qcow2 external data file: the guest's disk bytes live in that (host) file. */
  dataFile?: string;
}

export function parseImageInfo(json: string): DiskImageInfo {
  const info = infoSchema.parse(JSON.parse(json));
  const dataFile = info['format-specific']?.data?.['data-file'];
  return {
    format: info.format,
    virtualSizeBytes: info['virtual-size'],
    ...(info['actual-size'] !== undefined && { actualSizeBytes: info['actual-size'] }),
    ...(info['backing-filename'] !== undefined && { backingFile: info['backing-filename'] }),
    ...(dataFile !== undefined && { dataFile }),
  };
}

/**
 * What every qemu-img run may use, as OpenStack limits it (nova's QEMU_IMG_LIMITS): a crafted
 * image must not make it eat the host's memory or spin for ever. 1 GiB of address space, 30 s of CPU.
 */
export const qemuImgLimits: ResourceLimits = ['--as=1073741824', '--cpu=30'];

/**
 * `qemu-img info` of a file in the given format, never probed: a probe lets the file's own bytes
 * choose how it is read (a "raw" disk that looks like qcow2 would then reach files on the host).
 * -U reads an image a running VM holds open without taking its lock.
 */
export async function imageInfo(file: string, format: VmImage['format']): Promise<DiskImageInfo> {
  return parseImageInfo(
    await runTool('qemu-img', ['info', '-U', '-f', format, '--output=json', file], {
      timeoutMs: 30_000,
      limits: qemuImgLimits,
    }),
  );
}

/**
 * A qcow2 overlay whose reads fall through to `base` and whose writes stay in the overlay: the base
 * image is opened read-only and never changes. `-F` names the base format so it is never probed.
 */
export async function createOverlay(
  overlay: string,
  base: string,
  baseFormat: 'qcow2' | 'raw',
  sizeBytes: number,
): Promise<void> {
  await runTool(
    'qemu-img',
    ['create', '-q', '-f', 'qcow2', '-b', base, '-F', baseFormat, overlay, String(sizeBytes)],
    { timeoutMs: 60_000, limits: qemuImgLimits },
  );
}
