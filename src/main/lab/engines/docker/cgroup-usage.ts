import { closeSync, openSync, readSync } from 'node:fs';
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

/** One field of a "name value" file such as memory.stat or cpu.stat (a whole name: not total_<name>). */
export function statField(text: string, name: string): number | undefined {
  const key = `${name} `;
  const line = text.startsWith(key) ? 0 : text.indexOf(`\n${key}`) + 1;
  if (line === 0 && !text.startsWith(key)) return undefined;
  const end = text.indexOf('\n', line);
  const value = Number(text.slice(line + key.length, end === -1 ? undefined : end));
  return Number.isFinite(value) ? value : undefined;
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

/** One buffer for every read: reads are synchronous, so no two overlap. cgroup files are small. */
const buffer = Buffer.alloc(16 * 1024);

/**
 * A container's three counter files, kept open and read from offset 0 each tick (kernfs makes the
 * text anew on such a read). Synchronous on purpose: kernfs answers from memory in microseconds,
 * and for a hundred containers a second, open/close and a promise round trip through the thread
 * pool per file would cost main more than the reads. read() throws once the cgroup is gone (the
 * container stopped); close() must follow.
 */
export class CgroupCounters {
  readonly #fds: { usage: number; stat: number; cpu: number };

  constructor(readonly dirs: CgroupDirs) {
    const opened: number[] = [];
    const open = (dir: string, file: string) => {
      const fd = openSync(join(dir, file), 'r');
      opened.push(fd);
      return fd;
    };
    try {
      this.#fds =
        dirs.version === 1
          ? {
              usage: open(dirs.memory, 'memory.usage_in_bytes'),
              stat: open(dirs.memory, 'memory.stat'),
              cpu: open(dirs.cpu, 'cpuacct.usage'),
            }
          : {
              usage: open(dirs.memory, 'memory.current'),
              stat: open(dirs.memory, 'memory.stat'),
              cpu: open(dirs.cpu, 'cpu.stat'),
            };
    } catch (error) {
      for (const fd of opened) closeSync(fd);
      throw error;
    }
  }

  read(): CgroupReading {
    const text = (fd: number) => buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
    const { version } = this.dirs;
    return {
      memoryBytes: memoryInUse(version, text(this.#fds.usage), text(this.#fds.stat)),
      cpuNs: cpuNanoseconds(version, text(this.#fds.cpu)),
    };
  }

  close(): void {
    for (const fd of Object.values(this.#fds)) closeSync(fd);
  }
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
