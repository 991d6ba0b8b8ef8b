import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A container's CPU and memory read straight from its cgroup files, the same counters Docker's
 * stats API reads, without a stats stream per container. Works with cgroup v1 (memory and cpuacct
 * hierarchies) and v2 (one unified tree), cgroupfs or systemd driver: the directories come from the
 * container's first process (/proc/<pid>/cgroup) and the host's cgroup mounts (/proc/self/mountinfo).
 */

interface CgroupMount {
  mountPoint: string;
  /** The part of the hierarchy mounted there ("/" unless inside a cgroup namespace). */
  root: string;
}

export interface CgroupMounts {
  /** v1 hierarchies by controller name (memory, cpuacct…). */
  v1: Map<string, CgroupMount>;
  v2?: CgroupMount;
}

/** The cgroup file systems of /proc/self/mountinfo: "id parent dev root mountpoint opts … - type source superopts". */
export function parseCgroupMounts(mountinfo: string): CgroupMounts {
  const mounts: CgroupMounts = { v1: new Map() };
  for (const line of mountinfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const [, , , root, mountPoint] = before.split(' ');
    const [type, , superOptions = ''] = after.split(' ');
    if (!root || !mountPoint) continue;
    const mount = { root, mountPoint: mountPoint.replace(/\\040/g, ' ') };
    if (type === 'cgroup2') mounts.v2 ??= mount;
    if (type === 'cgroup')
      for (const option of superOptions.split(',')) if (!mounts.v1.has(option)) mounts.v1.set(option, mount);
  }
  return mounts;
}

export interface CgroupDirs {
  version: 1 | 2;
  memory: string;
  cpu: string;
}

function under(mount: CgroupMount, path: string): string {
  const relative = mount.root !== '/' && path.startsWith(mount.root) ? path.slice(mount.root.length) : path;
  return join(mount.mountPoint, relative);
}

/**
 * Where a process's memory and CPU counters are, from its /proc/<pid>/cgroup. v1 wins where the
 * memory controller is mounted as v1 (a hybrid host mounts an empty v2 tree beside it).
 */
export function cgroupDirs(procCgroup: string, mounts: CgroupMounts): CgroupDirs | undefined {
  const lines = procCgroup
    .split('\n')
    .map((line) => /^(\d+):([^:]*):(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null);
  const v1Path = (controller: string) =>
    lines.find((match) => match[1] !== '0' && (match[2] ?? '').split(',').includes(controller))?.[3];
  const memoryPath = v1Path('memory');
  const cpuPath = v1Path('cpuacct');
  const memoryMount = mounts.v1.get('memory');
  const cpuMount = mounts.v1.get('cpuacct');
  if (memoryPath !== undefined && cpuPath !== undefined && memoryMount && cpuMount)
    return { version: 1, memory: under(memoryMount, memoryPath), cpu: under(cpuMount, cpuPath) };
  const unifiedPath = lines.find((match) => match[1] === '0' && match[2] === '')?.[3];
  if (unifiedPath === undefined || !mounts.v2) return undefined;
  const dir = under(mounts.v2, unifiedPath);
  return { version: 2, memory: dir, cpu: dir };
}

/** One field of a "name value" file such as memory.stat or cpu.stat. */
export function statField(text: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/**
 * Memory in use as `docker stats` counts it: usage less the inactive file cache, which the kernel
 * reclaims first (v1: memory.usage_in_bytes − total_inactive_file; v2: memory.current − inactive_file).
 */
export function memoryInUse(version: 1 | 2, usage: string, memoryStat: string): number {
  const used = Number(usage.trim());
  const inactive = statField(memoryStat, version === 1 ? 'total_inactive_file' : 'inactive_file') ?? 0;
  return inactive < used ? used - inactive : used;
}

/** CPU time the cgroup used since it was made, in ns (v1 cpuacct.usage; v2 cpu.stat usage_usec). */
export function cpuNanoseconds(version: 1 | 2, text: string): number {
  return version === 1 ? Number(text.trim()) : (statField(text, 'usage_usec') ?? 0) * 1000;
}

export interface CgroupReading {
  memoryBytes: number;
  cpuNs: number;
}

/**
 * Reads the three small files synchronously: kernfs answers from memory in microseconds, and one
 * synchronous read costs less than a promise round trip through the thread pool (this runs for
 * every container every second). Throws when the cgroup is gone (the container stopped).
 */
export function readCgroup(dirs: CgroupDirs): CgroupReading {
  const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
  return dirs.version === 1
    ? {
        memoryBytes: memoryInUse(
          1,
          read(dirs.memory, 'memory.usage_in_bytes'),
          read(dirs.memory, 'memory.stat'),
        ),
        cpuNs: cpuNanoseconds(1, read(dirs.cpu, 'cpuacct.usage')),
      }
    : {
        memoryBytes: memoryInUse(2, read(dirs.memory, 'memory.current'), read(dirs.memory, 'memory.stat')),
        cpuNs: cpuNanoseconds(2, read(dirs.cpu, 'cpu.stat')),
      };
}

/** Docker's CPU %: CPU time used over wall time passed, so one busy core reads 100. */
export function cgroupCpuPercent(
  previous: { cpuNs: number; atNs: bigint },
  current: { cpuNs: number; atNs: bigint },
): number {
  const wallNs = Number(current.atNs - previous.atNs);
  const usedNs = current.cpuNs - previous.cpuNs;
  return wallNs > 0 && usedNs > 0 ? (usedNs / wallNs) * 100 : 0;
}
