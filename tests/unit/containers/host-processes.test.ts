import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cgroupKey,
  commandOf,
  containerHostProcesses,
  parentPid,
  type ProcessTable,
} from '../../../src/main/lab/engines/docker/host-processes';

type ProcFile = 'cgroup' | 'stat' | 'cmdline' | 'comm';

/** /proc of a runsc and a runc container, recorded on the lab host (see recordedOn in the file). */
const recorded = JSON.parse(
  readFileSync(new URL('recorded/proc-runsc-and-runc.json', import.meta.url), 'utf8'),
) as {
  runsc: { id: string; pid: number };
  runc: { id: string; pid: number };
  processes: Record<string, Partial<Record<ProcFile, string>>>;
};

function tableOf(processes: Record<string, Partial<Record<ProcFile, string>>>): ProcessTable {
  return {
    pids: () => Promise.resolve(Object.keys(processes).map(Number)),
    read: (pid, file) => Promise.resolve(processes[String(pid)]?.[file]),
  };
}

const table = tableOf(recorded.processes);

describe("a container's processes from the host's process table", () => {
  it('finds runsc\'s sandbox, its gofer beside it and the sandbox\'s children, not "process_api"', async () => {
    const found = await containerHostProcesses(recorded.runsc.pid, recorded.runsc.id, table);
    expect(found).toEqual([
      { pid: 17393, command: 'runsc-gofer' },
      { pid: 17394, command: 'runsc-sandbox' },
      { pid: 17428, command: '[exe]' },
      { pid: 17476, command: '[exe]' },
    ]);
  });

  it("lists a runc container's own processes and nothing of the other container", async () => {
    const found = await containerHostProcesses(recorded.runc.pid, recorded.runc.id, table);
    expect(found?.map((process) => process.command)).toEqual(['sleep', 'sleep']);
  });

  it('falls back to the process tree where every process sits in the root cgroup', async () => {
    const rootOnly = Object.fromEntries(
      Object.entries(recorded.processes).map(([pid, files]) => [
        pid,
        { ...files, cgroup: '1:cpu:/\n0::/\n' },
      ]),
    );
    const found = await containerHostProcesses(recorded.runsc.pid, recorded.runsc.id, tableOf(rootOnly));
    // The gofer is the sandbox's sibling, so the tree alone cannot see it.
    expect(found?.map((process) => process.pid)).toEqual([17394, 17428, 17476]);
  });

  it("answers nothing when the pid is not on this host's table or is another process", async () => {
    expect(await containerHostProcesses(0, recorded.runsc.id, table)).toBeUndefined();
    expect(await containerHostProcesses(4242, recorded.runsc.id, table)).toBeUndefined();
    // State.Pid of a daemon on another machine can name an unrelated local process.
    expect(await containerHostProcesses(recorded.runc.pid, recorded.runsc.id, table)).toBeUndefined();
  });
});

describe('the /proc fields it reads', () => {
  it('keys a cgroup on its non-root lines, in any order, and not on the root cgroup', () => {
    expect(cgroupKey('2:cpu:/docker/abc\n1:memory:/docker/abc\n0::/\n')).toBe(
      '1:memory:/docker/abc\n2:cpu:/docker/abc',
    );
    expect(cgroupKey('0::/system.slice/docker-abc.scope\n')).toBe('0::/system.slice/docker-abc.scope');
    expect(cgroupKey('1:cpu:/\n0::/\n')).toBeUndefined();
  });

  it('reads the parent pid after a command name with spaces and parentheses', () => {
    expect(parentPid('42 (a (b) c) S 7 42 42 0 -1')).toBe(7);
    expect(parentPid('')).toBeUndefined();
  });

  it('names a process the way ps -o args does', () => {
    expect(commandOf('/usr/bin/runsc-gofer\0--root=/x\0', 'exe\n')).toBe('runsc-gofer');
    expect(commandOf('', 'exe\n')).toBe('[exe]');
  });
});
