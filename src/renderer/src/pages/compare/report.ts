import type { MeasureCell } from './measurements';

/**
 * A comparison as text, ready for export: every label already in the UI language, every number
 * already formatted. The exporters only lay it out, so they stay pure and easy to test. The
 * density experiment's export uses the same shape (kinds as columns, no probes).
 */
export interface CompareReport {
  title: string;
  /** "Exported on …", already formatted. */
  generatedLine: string;
  /** Sentences under the title that say what was found (the density ratio), each a paragraph. */
  summary?: string[];
  headings: {
    environment: string;
    measurements: string;
    measurement: string;
    meaning: string;
    chart: string;
    /** Both present when `probes` is. */
    probes?: string;
    noProbes?: string;
  };
  environment: [label: string, value: string][];
  columns: { label: string; name: string }[];
  rows: { label: string; meaning: string; cells: MeasureCell[] }[];
  /** Two series of bars, one bar per column. */
  chart: ChartSeries[];
  /** Absent: the report has no probes section at all. */
  probes?: ProbeReport[];
}

export interface ChartSeries {
  title: string;
  bars: { label: string; value: number; text: string }[];
}

export interface ProbeReport {
  title: string;
  explanation: string;
  command: string;
  /** One per column, in column order; an error is given as its sentence. */
  outputs: string[];
}

/** A cell as one line of text: its value, then its note in brackets. */
export function cellText(cell: MeasureCell): string {
  return cell.note ? `${cell.text} (${cell.note})` : cell.text;
}
