import type { GuestMeasurement } from '@shared/compare';
import type { GuestKind } from '@shared/guest';
import { formatBytes } from '../../lib/format/bytes';
import { formatPercent } from '../../lib/format/number';
import { formatDuration } from '../../lib/format/time';

/** The rows of the Compare table, in order; each has a label and a one-line meaning in `measure`. */
export const measureRowIds = [
  'ready',
  'hostMemory',
  'memoryLimit',
  'disk',
  'processesInside',
  'hostProcesses',
  'kernel',
  'cpu',
] as const;
export type MeasureRowId = (typeof measureRowIds)[number];

/** Everything known about one column: the host's numbers and what probes found inside. */
export interface ColumnFacts {
  kind: GuestKind;
  running: boolean;
  measurement?: GuestMeasurement;
  /** `uname -r` inside, from the kernel probe. */
  kernel?: string;
  /** The processes inside, from the processes probe. */
  processesInside?: { count: number; commands: string[] };
  /** Why a probe behind a row did not answer (busy console, timeout, guest stopped): shown instead of a dash. */
  probeFailures?: Partial<Record<'kernel' | 'processesInside', { key: string; message: string }>>;
}

export interface MeasureContext {
  language: string;
  hostKernel?: string;
  /** i18next's `t`, or a stand-in in tests. */
  t: (key: string, params?: Record<string, string | number>) => string;
}

/** A cell's text; `note` is a second, dimmer line (a list of commands…). */
export interface MeasureCell {
  text: string;
  note?: string;
}

const none: MeasureCell = { text: '—' };
/** Commands shown in a cell before "…": enough to recognise, short enough to read. */
const maxCommands = 4;

function commandList(commands: readonly string[]): string {
  // A command line's program, without its path and arguments: "runsc-sandbox", not its flags.
  const programs = commands.map((command) => (command.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? '');
  const unique = [...new Set(programs.filter(Boolean))];
  const shown = unique.slice(0, maxCommands).join(', ');
  return unique.length > maxCommands ? `${shown}, …` : shown;
}

/** One cell of the table, formatted with units in the UI language. */
export function measureCell(row: MeasureRowId, facts: ColumnFacts, context: MeasureContext): MeasureCell {
  const { language, t } = context;
  const m = facts.measurement;
  const notProbed = (probeRow: 'kernel' | 'processesInside'): MeasureCell => {
    const failure = facts.probeFailures?.[probeRow];
    return failure
      ? { text: t(failure.key, { defaultValue: failure.message }) }
      : { text: '—', note: t('measure.runProbeHint') };
  };
  switch (row) {
    case 'ready':
      return m?.readyMs === undefined ? none : { text: formatDuration(m.readyMs, language, t) };
    case 'hostMemory':
      if (m?.hostMemoryBytes === undefined) return none;
      // A VM's number is its QEMU process: guest RAM it touched plus the emulator, not the guest's use.
      return {
        text: formatBytes(m.hostMemoryBytes, language),
        ...(facts.kind === 'vm' && { note: t('measure.qemuRss') }),
      };
    case 'memoryLimit':
      if (m?.memoryLimitBytes !== undefined) return { text: formatBytes(m.memoryLimitBytes, language) };
      return facts.kind !== 'vm' && facts.running && m ? { text: t('measure.noLimit') } : none;
    case 'disk':
      return m?.disk === undefined
        ? none
        : {
            text: t('measure.diskValue', {
              shared: formatBytes(m.disk.sharedBytes, language),
              own: formatBytes(m.disk.ownBytes, language),
            }),
          };
    case 'processesInside':
      return facts.processesInside === undefined
        ? notProbed('processesInside')
        : {
            text: t('measure.processCount', { count: facts.processesInside.count }),
            note: commandList(facts.processesInside.commands),
          };
    case 'hostProcesses':
      return m?.hostProcesses === undefined
        ? none
        : {
            text: t('measure.processCount', { count: m.hostProcesses.count }),
            note: commandList(m.hostProcesses.commands),
          };
    case 'kernel':
      if (facts.kernel === undefined) return notProbed('kernel');
      if (!context.hostKernel) return { text: facts.kernel };
      return {
        text: facts.kernel,
        note: t(facts.kernel === context.hostKernel ? 'measure.sameKernel' : 'measure.ownKernel', {
          host: context.hostKernel,
        }),
      };
    case 'cpu':
      return m?.cpuPercent === undefined ? none : { text: formatPercent(m.cpuPercent, language) };
  }
}

/** The chart's numbers for one column: host memory in MiB and ready time in seconds. */
export function chartValues(m: GuestMeasurement | undefined): { memoryMiB: number; readySeconds: number } {
  return {
    memoryMiB: m?.hostMemoryBytes === undefined ? 0 : Math.round((m.hostMemoryBytes / 1024 / 1024) * 10) / 10,
    readySeconds: m?.readyMs === undefined ? 0 : Math.round(m.readyMs / 100) / 10,
  };
}
