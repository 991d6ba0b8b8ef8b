import { readdir, readFile } from 'node:fs/promises';

/** The parts of /proc the search reads: the live host's, or a recording of it in tests. */
export interface ProcessTable {
  pids(): Promise<number[]>;
  /** One file of /proc/<pid>/, or undefined when the process is gone or not readable. */
  read(pid: number, file: 'cgroup' | 'stat' | 'cmdline' | 'comm'): Promise<string | undefined>;
}

export const hostProcessTable: ProcessTable = {
  async pids() {
    return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
  },
  read: (pid, file) => readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => undefined),
};

export interface HostProcess {
  pid: number;
  /** As `ps -o args` names it: the program of argv[0], or `[comm]` when argv is empty. */
  command: string;
}

/**
 * A process's cgroup membership as one comparable string: its non-root lines of /proc/<pid>/cgroup
 * (every v1 hierarchy, or the v2 `0::` line). Undefined when it sits in the root cgroup everywhere,
 * where matching on it would take in the whole host.
 */
export function cgroupKey(cgroupFile: string): string | undefined {
  const lines = cgroupFile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.endsWith(':/'));
  return lines.length > 0 ? lines.sort().join('\n') : undefined;
}

/** The parent pid from /proc/<pid>/stat (after the command, which is in parentheses and may hold spaces). */
export function parentPid(stat: string): number | undefined {
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** The name `ps -o args` starts with: argv[0]'s program, e.g. runsc-sandbox, or `[exe]` without argv. */
export function commandOf(cmdline: string | undefined, comm: string | undefined): string {
  const program = cmdline?.split('\0')[0]?.split('/').at(-1);
  return program ? program : `[${(comm ?? '').trim()}]`;
}

async function members(rootPid: number, key: string | undefined, table: ProcessTable): Promise<number[]> {
  const pids = await table.pids();
  // The container's own cgroup (cgroupfs: /docker/<id>; systemd: docker-<id>.scope) holds runsc's
  // sandbox, its gofer beside it, and their children; runc's processes likewise.
  if (key) {
    const keys = await Promise.all(
      pids.map(async (pid) => cgroupKey((await table.read(pid, 'cgroup')) ?? '')),
    );
    return pids.filter((_, index) => keys[index] === key);
  }
  // No cgroup of its own to go by (the root cgroup everywhere): the process tree under it.
  const parents = new Map<number, number | undefined>();
  await Promise.all(
    pids.map(async (pid) => parents.set(pid, parentPid((await table.read(pid, 'stat')) ?? ''))),
  );
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (ppid !== undefined && tree.has(ppid) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
  }
  return pids.filter((pid) => tree.has(pid));
}

/**
 * What the host's process table holds for a container, found from /proc rather than `docker top`
 * (which for a gVisor container lists the sandbox's own view: its PID 1 as the guest sees it).
 * `rootPid` is Docker's State.Pid: the container's first process, or runsc's sandbox. Undefined when
 * that pid is not on this host's table (a remote or virtualised Docker daemon): ask Docker instead.
 */
export async function containerHostProcesses(
  rootPid: number,
  containerId: string,
  table: ProcessTable = hostProcessTable,
): Promise<HostProcess[] | undefined> {
  const cgroup = rootPid > 0 ? await table.read(rootPid, 'cgroup') : undefined;
  if (cgroup === undefined) return undefined;
  const key = cgroupKey(cgroup);
  // A cgroup that does not name the container: that pid is some other process of this host.
  if (key !== undefined && !key.includes(containerId)) return undefined;
  const pids = (await members(rootPid, key, table)).sort((a, b) => a - b);
  const found = await Promise.all(
    pids.map(async (pid) => {
      const [cmdline, comm] = await Promise.all([table.read(pid, 'cmdline'), table.read(pid, 'comm')]);
      return comm === undefined ? undefined : { pid, command: commandOf(cmdline, comm) };
    }),
  );
  return found.filter((process): process is HostProcess => process !== undefined);
}
