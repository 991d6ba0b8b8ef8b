import type { DensityKindResult, DensityResult } from '@shared/density';
import { formatBytes } from '../../lib/format/bytes';
import { formatNumber } from '../../lib/format/number';
import { formatDateTime, formatDuration } from '../../lib/format/time';
import type { MeasureCell } from '../compare/measurements';
import type { ChartSeries, CompareReport } from '../compare/report';
import { kindLabel, ratioSentence, stopText, workloadText, type Translate } from './density-text';

const MIB = 1024 * 1024;

interface DensityReportContext {
  t: Translate;
  language: string;
  now: Date;
}

const rowIds = ['guests', 'hostUsed', 'perGuest', 'fit', 'guestsOwn', 'start', 'stoppedBy'] as const;
type RowId = (typeof rowIds)[number];

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function cellOf(row: RowId, result: DensityKindResult, { t, language }: DensityReportContext): MeasureCell {
  const last = result.points.at(-1);
  const bytes = (value: number | undefined) => (value === undefined ? '—' : formatBytes(value, language));
  switch (row) {
    case 'guests':
      return { text: formatNumber(result.points.length, language) };
    case 'hostUsed':
      return { text: bytes(last?.hostUsedBytes) };
    case 'perGuest':
      return { text: bytes(result.perGuestBytes) };
    case 'fit':
      return { text: result.fitInBudget === undefined ? '—' : formatNumber(result.fitInBudget, language) };
    case 'guestsOwn':
      return { text: bytes(last?.guestsBytes) };
    case 'start': {
      const ms = mean(result.points.map((point) => point.startMs));
      return { text: ms === undefined ? '—' : formatDuration(ms, language, t) };
    }
    case 'stoppedBy':
      return { text: stopText(result.stoppedBy, t), ...(result.message && { note: result.message }) };
  }
}

function costSeries(result: DensityResult, { t, language }: DensityReportContext): ChartSeries[] {
  const perGuest: ChartSeries = {
    title: t('density.report.perGuestChart'),
    bars: result.kinds.map((each) => ({
      label: kindLabel(each.kind, t),
      value: (each.perGuestBytes ?? 0) / MIB,
      text: each.perGuestBytes === undefined ? '—' : formatBytes(each.perGuestBytes, language),
    })),
  };
  const fit: ChartSeries = {
    title: t('density.report.fitChart', { budget: formatBytes(result.budgetBytes, language) }),
    bars: result.kinds.map((each) => ({
      label: kindLabel(each.kind, t),
      value: each.fitInBudget ?? 0,
      text: each.fitInBudget === undefined ? '—' : formatNumber(each.fitInBudget, language),
    })),
  };
  // Every measured point, so the export holds the chart's data and not only its summary.
  const curves = result.kinds
    .filter((each) => each.points.length > 0)
    .map((each) => ({
      title: t('density.report.curveChart', { kind: kindLabel(each.kind, t) }),
      bars: each.points.map((point) => ({
        label: t('density.report.guestCount', { count: point.guests }),
        value: point.hostUsedBytes / MIB,
        text: formatBytes(point.hostUsedBytes, language),
      })),
    }));
  return [perGuest, fit, ...curves];
}

/** A density run as the Compare page's report shape, so the same exporters lay it out. */
export function buildDensityReport(result: DensityResult, context: DensityReportContext): CompareReport {
  const { t, language, now } = context;
  const host = result.host;
  const summary = [ratioSentence(result, t, language), t('density.seedClaim')];
  if (result.cancelled) summary.push(t('density.report.cancelled'));
  if (result.leftBehind.length > 0)
    summary.push(t('density.leftBehind', { names: result.leftBehind.join(', ') }));
  return {
    title: t('density.report.title', { template: result.templateName }),
    generatedLine: t('exportReport.generated', { date: formatDateTime(now.toISOString(), language) }),
    summary,
    headings: {
      environment: t('density.report.setup'),
      measurements: t('exportReport.measurements'),
      measurement: t('measure.measurement'),
      meaning: t('exportReport.meaning'),
      chart: t('density.report.chart'),
    },
    environment: [
      [t('density.report.template'), `${result.templateName} (${result.templateId})`],
      [t('density.report.workload'), workloadText(result.workload, t)],
      [t('density.report.budget'), formatBytes(result.budgetBytes, language)],
      [t('density.report.maxPerKind'), formatNumber(result.maxPerKind, language)],
      [t('exportReport.env.memory'), formatBytes(host.memTotalBytes, language)],
      [t('density.report.availableAtStart'), formatBytes(host.memAvailableAtStartBytes, language)],
      [t('exportReport.env.hostKernel'), host.kernel],
      [
        t('exportReport.env.accelerator'),
        t(`exportReport.accelerator.${host.accelerator}`, { defaultValue: host.accelerator }),
      ],
      [t('density.report.started'), formatDateTime(result.startedAt, language)],
      [t('density.report.finished'), formatDateTime(result.finishedAt, language)],
    ],
    columns: result.kinds.map((each) => ({
      label: kindLabel(each.kind, t),
      name: t('density.report.guestCount', { count: each.points.length }),
    })),
    rows: rowIds.map((row) => ({
      label: t(`density.report.row.${row}.label`),
      meaning: t(`density.report.row.${row}.meaning`),
      cells: result.kinds.map((each) => cellOf(row, each, context)),
    })),
    chart: costSeries(result, context),
  };
}
