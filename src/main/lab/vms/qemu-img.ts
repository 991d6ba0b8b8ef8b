import { z } from 'zod';
import { runTool } from './tools';

const infoSchema = z.looseObject({
  format: z.string(),
  'virtual-size': z.number(),
  'actual-size': z.number().optional(),
  'backing-filename': z.string().optional(),
});

export interface DiskImageInfo {
  format: string;
  virtualSizeBytes: number;
  actualSizeBytes?: number;
  backingFile?: string;
}

export function parseImageInfo(json: string): DiskImageInfo {
  const info = infoSchema.parse(JSON.parse(json));
  return {
    format: info.format,
    virtualSizeBytes: info['virtual-size'],
    ...(info['actual-size'] !== undefined && { actualSizeBytes: info['actual-size'] }),
    ...(info['backing-filename'] !== undefined && { backingFile: info['backing-filename'] }),
  };
}

/**
 * `qemu-img info` of a file. The format is probed (that is the point for imports); -U reads an image
 * a running VM holds open without taking its lock.
 */
export async function imageInfo(file: string): Promise<DiskImageInfo> {
  return parseImageInfo(
    await runTool('qemu-img', ['info', '-U', '--output=json', file], { timeoutMs: 30_000 }),
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
    {
      timeoutMs: 60_000,
    },
  );
}
