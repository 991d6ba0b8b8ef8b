/** Runs a short command without stdin inside the guest and returns its exit code and output. */
export type ProbeRunner = (cmd: string[]) => Promise<{ exitCode: number | null; output: string }>;

export interface ShellChoice {
  /** What to exec: a path or a name on the guest's PATH. */
  shell: string;
  /** Whether `sh` itself ran in the guest (needed for the launch wrapper that reports the shell's pid). */
  hasSh: boolean;
}

/** Printed first by the probe, so "sh ran and found nothing" is told apart from "there is no sh". */
export const probeMarker = 'twinlab-shell-probe';

/** Shells tried, in order of preference, when the caller names none (or names one that is missing). */
export const defaultShells = ['bash', 'sh'] as const;

/**
 * Picks the shell for a container console: the preferred one if the image has it, else bash, else
 * sh. One `sh -c` probe answers in a single round trip; an image without sh gets each candidate
 * run directly instead. Undefined when the image has no shell at all.
 */
export async function chooseShell(run: ProbeRunner, preferred?: string): Promise<ShellChoice | undefined> {
  const candidates = [
    ...(preferred ? [preferred] : []),
    ...defaultShells.filter((name) => name !== preferred),
  ];
  const script = `echo ${probeMarker}; for s in "$@"; do command -v "$s" && exit 0; done; exit 1`;
  const probe = await run(['sh', '-c', script, 'sh', ...candidates]);
  const lines = probe.output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.includes(probeMarker)) {
    const found = lines.at(-1);
    if (probe.exitCode === 0 && found && found !== probeMarker && isCommandName(found))
      return { shell: found, hasSh: true };
    return { shell: 'sh', hasSh: true }; // sh ran, so it exists, whatever a broken PATH says
  }
  for (const candidate of candidates) {
    const direct = await run([candidate, '-c', 'exit 0']);
    if (direct.exitCode === 0) return { shell: candidate, hasSh: candidate === 'sh' };
  }
  return undefined;
}

/** `command -v` prints a path or name for a program, but text for aliases and functions. */
function isCommandName(text: string): boolean {
  return /^[\w./+-]+$/.test(text);
}
