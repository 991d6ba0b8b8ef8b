import { cellText, type CompareReport } from './report';

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A fence longer than any run of backticks in the text, so output cannot close it early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text.replace(/\r/g, '').trimEnd()}\n${fence}`;
}

/** The comparison as a Markdown document: environment, the table, the chart's numbers, the probes. */
export function reportToMarkdown(report: CompareReport): string {
  const lines: string[] = [`# ${report.title}`, '', report.generatedLine, ''];
  for (const sentence of report.summary ?? []) lines.push(sentence, '');

  lines.push(`## ${report.headings.environment}`, '', row(['', '']), row(['---', '---']));
  for (const [label, value] of report.environment) lines.push(row([label, value]));
  lines.push('');

  lines.push(`## ${report.headings.measurements}`, '');
  lines.push(
    row([report.headings.measurement, ...report.columns.map((column) => `${column.label} (${column.name})`)]),
  );
  lines.push(row(['---', ...report.columns.map(() => '---')]));
  for (const each of report.rows) lines.push(row([each.label, ...each.cells.map(cellText)]));
  lines.push('', `**${report.headings.meaning}**`, '');
  for (const each of report.rows) lines.push(`- **${each.label}**: ${each.meaning}`);
  lines.push('');

  lines.push(`## ${report.headings.chart}`, '');
  for (const series of report.chart) {
    lines.push(`**${series.title}**`, '');
    for (const bar of series.bars) lines.push(`- ${bar.label}: ${bar.text}`);
    lines.push('');
  }

  if (report.probes) lines.push(`## ${report.headings.probes ?? ''}`, '');
  if (report.probes?.length === 0) lines.push(report.headings.noProbes ?? '', '');
  for (const probe of report.probes ?? []) {
    lines.push(`### ${probe.title}`, '', probe.explanation, '', `\`${probe.command}\``, '');
    probe.outputs.forEach((output, index) => {
      lines.push(`**${report.columns[index]?.label ?? ''}**`, '', fenced(output), '');
    });
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
