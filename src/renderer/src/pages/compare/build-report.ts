import type { CompareEnvironment } from '@shared/compare';
import { formatBytes } from '../../lib/format/bytes';
import { formatDateTime, formatDuration } from '../../lib/format/time';
import type { CompareColumn } from './columns-facts';
import { chartValues, measureCell, measureRowIds, type MeasureContext } from './measurements';
import { probeById } from './probes';
import type { CompareReport } from './report';
import type { ProbeRun } from './use-probe-runs';

interface ReportInput {
  title: string;
  columns: readonly CompareColumn[];
  environment: CompareEnvironment | undefined;
  runs: readonly ProbeRun[];
  now: Date;
  context: MeasureContext;
}

/** The comparison on screen as a report: every text in the UI language, every number formatted. */
export function buildReport({ title, columns, environment, runs, now, context }: ReportInput): CompareReport {
  const { t, language } = context;
  const env = environment;
  const environmentRows: [string, string][] = env
    ? [
        [t('exportReport.env.hostKernel'), env.hostKernel],
        [t('exportReport.env.hostOs'), env.hostOs],
        [t('exportReport.env.cpu'), `${env.cpuModel} × ${env.cpus}`],
        [t('exportReport.env.memory'), formatBytes(env.memoryBytes, language)],
        [t('exportReport.env.accelerator'), t(`exportReport.accelerator.${env.accelerator}`)],
        [t('exportReport.env.docker'), env.docker ?? '—'],
        [t('exportReport.env.libvirt'), env.libvirt ?? '—'],
        [t('exportReport.env.qemu'), env.qemu ?? '—'],
        [t('exportReport.env.sandboxes'), env.sandboxRuntimes.join(', ') || '—'],
      ]
    : [];
  const bars = (pick: (column: CompareColumn) => { value: number; text: string }) =>
    columns.map((column) => ({ label: column.label, ...pick(column) }));
  return {
    title,
    generatedLine: t('exportReport.generated', { date: formatDateTime(now.toISOString(), language) }),
    headings: {
      environment: t('exportReport.environment'),
      measurements: t('exportReport.measurements'),
      measurement: t('measure.measurement'),
      meaning: t('exportReport.meaning'),
      chart: t('measure.chartTitle'),
      probes: t('exportReport.probes'),
      noProbes: t('compare.noProbes'),
    },
    environment: environmentRows,
    columns: columns.map((column) => ({ label: column.label, name: column.guest.name })),
    rows: measureRowIds.map((row) => ({
      label: t(`measure.row.${row}.label`),
      meaning: t(`measure.row.${row}.meaning`),
      cells: columns.map((column) => measureCell(row, column.facts, context)),
    })),
    chart: [
      {
        title: t('measure.chartMemory'),
        bars: bars((column) => {
          const bytes = column.facts.measurement?.hostMemoryBytes;
          return {
            value: chartValues(column.facts.measurement).memoryMiB,
            text: bytes === undefined ? '—' : formatBytes(bytes, language),
          };
        }),
      },
      {
        title: t('measure.chartReady'),
        bars: bars((column) => {
          const ms = column.facts.measurement?.readyMs;
          return {
            value: chartValues(column.facts.measurement).readySeconds,
            text: ms === undefined ? '—' : formatDuration(ms, language, t),
          };
        }),
      },
    ],
    probes: runs.map((run) => {
      const probe = probeById(run.probe);
      return {
        title: t(probe.titleKey),
        explanation: t(probe.explanationKey),
        command: probe.command,
        outputs: columns.map((column) => {
          const result = run.results.find((each) => each.target.guestId === column.guest.id);
          if (!result) return '';
          return result.ok
            ? result.output
            : `${t(result.error.key, { defaultValue: result.error.message })}\n${result.output}`;
        }),
      };
    }),
  };
}
