import { dirname } from 'node:path';
import type { CheckDefinition, CheckOutcome } from '../check-kit';
import { freeDiskFix } from '../fixes';
import type { HostProbe } from '../probe';

const GIB = 1024 ** 3;
/** Below this one VM disk plus a container image may not fit. */
export const FAIL_BELOW_BYTES = 2 * GIB;
/** Below this a few templates and their disks fill the disk during a workshop. */
export const WARN_BELOW_BYTES = 10 * GIB;

export type FreeSpaceLevel = 'ok' | 'low' | 'critical';

export function classifyFreeSpace(bytes: number): FreeSpaceLevel {
  if (bytes < FAIL_BELOW_BYTES) return 'critical';
  if (bytes < WARN_BELOW_BYTES) return 'low';
  return 'ok';
}

/** The cache directory may not exist before the first download; its parent's file system is the one it will use. */
export async function nearestExistingPath(probe: HostProbe, path: string): Promise<string> {
  let candidate = path;
  while (!(await probe.exists(candidate))) {
    const parent = dirname(candidate);
    if (parent === candidate) return candidate;
    candidate = parent;
  }
  return candidate;
}

export const diskFreeCheck: CheckDefinition = {
  id: 'disk-free',
  group: 'storage',
  statusOnError: 'warn',
  async run({ deps, probe }): Promise<CheckOutcome> {
    const path = await nearestExistingPath(probe, deps.cacheDir);
    const bytes = await probe.freeBytes(path);
    const params = { bytes, gib: Math.floor((bytes / GIB) * 10) / 10, path };
    const details = { cacheDir: deps.cacheDir, measuredAt: path, freeBytes: String(bytes) };
    const fix = freeDiskFix(path, WARN_BELOW_BYTES / GIB);
    switch (classifyFreeSpace(bytes)) {
      case 'critical':
        return { status: 'fail', outcome: 'critical', params, details, fix };
      case 'low':
        return { status: 'warn', outcome: 'low', params, details, fix };
      case 'ok':
        return { status: 'ok', outcome: 'ok', params, details };
    }
  },
};
