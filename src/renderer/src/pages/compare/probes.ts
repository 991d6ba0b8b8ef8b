/**
 * Probes: one short command typed into every console of a twin at once, whose outputs side by
 * side show a difference the textbooks describe. Each command is one line that works in BusyBox
 * sh (the fixtures) and in ordinary distributions, and stays short because it is typed into
 * serial consoles character by character.
 */
export const probeIds = [
  'kernel',
  'processes',
  'memory',
  'cpus',
  'mounts',
  'network',
  'hostname',
  'cgroup',
  'users',
] as const;
export type ProbeId = (typeof probeIds)[number];

export interface ProbeDefinition {
  id: ProbeId;
  command: string;
  /** i18n key of the probe's name in the menu and above its outputs. */
  titleKey: string;
  /** i18n key of one or two sentences: what differs between the columns, and why. */
  explanationKey: string;
}

const commands: Record<ProbeId, string> = {
  kernel: 'uname -r',
  processes: 'ps -e -o pid,comm',
  memory: 'head -2 /proc/meminfo',
  cpus: 'grep -c ^processor /proc/cpuinfo',
  mounts: 'head -12 /proc/mounts',
  network: 'cat /proc/net/dev',
  hostname: 'hostname',
  cgroup: 'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes',
  users: 'cat /proc/self/uid_map',
};

export const probes: readonly ProbeDefinition[] = probeIds.map((id) => ({
  id,
  command: commands[id],
  titleKey: `probes.${id}.title`,
  explanationKey: `probes.${id}.explanation`,
}));

export function probeById(id: ProbeId): ProbeDefinition {
  const probe = probes.find((each) => each.id === id);
  if (!probe) throw new Error(`no probe ${id}`);
  return probe;
}

/** What "Measure inside" runs: the kernel and process rows of the table come from these. */
export const measureInsideProbes: readonly ProbeId[] = ['kernel', 'processes'];

/** The lines a command printed, without blank lines and the carriage returns of a terminal. */
export function outputLines(output: string): string[] {
  return output
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** The kernel release `uname -r` printed: its first line that looks like a release. */
export function kernelOf(output: string): string | undefined {
  return outputLines(output)
    .find((line) => /^\d+\.\d+/.test(line.trim()))
    ?.trim();
}

/** How many processes `ps -e -o pid,comm` listed (lines that start with a PID), and their names. */
export function processesOf(output: string): { count: number; commands: string[] } | undefined {
  const rows = outputLines(output)
    .map((line) => /^\s*(\d+)\s+(.+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  if (rows.length === 0) return undefined;
  return { count: rows.length, commands: rows.map((match) => (match[2] ?? '').trim()) };
}
