import type { ChartSeries, CompareReport } from './report';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

const barColors = ['#0ca678', '#f76707', '#4263eb', '#ae3ec9', '#1098ad'];

/** One series as horizontal bars in inline SVG: label, bar to scale, value at its end. */
export function seriesSvg(series: ChartSeries): string {
  const labelWidth = 190;
  const barArea = 300;
  const rowHeight = 30;
  const width = labelWidth + barArea + 110;
  const height = series.bars.length * rowHeight + 10;
  const top = Math.max(...series.bars.map((bar) => bar.value), 1e-9);
  const rows = series.bars.map((bar, index) => {
    const y = 5 + index * rowHeight;
    const length = Math.max(1, (Math.max(bar.value, 0) / top) * barArea);
    const color = barColors[index % barColors.length] ?? '#4263eb';
    return [
      `<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${length.toFixed(1)}" height="20" rx="3" fill="${color}"/>`,
      `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 19}">${escapeHtml(bar.text)}</text>`,
    ].join('');
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${escapeHtml(series.title)}" font-size="13" fill="currentColor">${rows.join('')}</svg>`
  );
}

const style = `
:root { color-scheme: light dark; --border: #d0d7de; --muted: #57606a; --code: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --border: #3d444d; --muted: #9198a1; --code: #161b22; } }
body { font: 15px/1.5 system-ui, sans-serif; max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--border); padding: 6px 10px; text-align: left; vertical-align: top; }
th { font-weight: 600; }
.meaning, .note, .generated { color: var(--muted); font-size: 0.9em; }
.summary { font-size: 1.2em; font-weight: 600; }
.note { display: block; }
.outputs { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; }
pre { background: var(--code); border: 1px solid var(--border); border-radius: 6px; padding: 8px; overflow-x: auto; margin: 4px 0; font-size: 13px; }
figure { margin: 0 0 1rem; }
figcaption { font-weight: 600; margin-bottom: 4px; }
`;

/** The probes section; none at all when the report has no probes (the density experiment's). */
function probesHtml(report: CompareReport): string {
  const h = escapeHtml;
  if (!report.probes) return '';
  const body =
    report.probes.length === 0
      ? `<p>${h(report.headings.noProbes ?? '')}</p>`
      : report.probes
          .map(
            (probe) =>
              `<section><h3>${h(probe.title)}</h3><p>${h(probe.explanation)}</p><p><code>${h(probe.command)}</code></p>` +
              `<div class="outputs">${probe.outputs
                .map(
                  (output, index) =>
                    `<div><strong>${h(report.columns[index]?.label ?? '')}</strong><pre>${h(output.replace(/\r/g, '').trimEnd())}</pre></div>`,
                )
                .join('')}</div></section>`,
          )
          .join('');
  return `<h2>${h(report.headings.probes ?? '')}</h2>${body}`;
}

/** The comparison as one standalone HTML page: inline CSS and SVG, no scripts, nothing fetched. */
export function reportToHtml(report: CompareReport, language: string): string {
  const h = escapeHtml;
  const environment = report.environment
    .map(([label, value]) => `<tr><th scope="row">${h(label)}</th><td>${h(value)}</td></tr>`)
    .join('');
  const head = report.columns
    .map((column) => `<th scope="col">${h(column.label)}<span class="note">${h(column.name)}</span></th>`)
    .join('');
  const rows = report.rows
    .map(
      (each) =>
        `<tr><th scope="row">${h(each.label)}<span class="note meaning">${h(each.meaning)}</span></th>` +
        each.cells
          .map(
            (cell) =>
              `<td>${h(cell.text)}${cell.note ? `<span class="note">${h(cell.note)}</span>` : ''}</td>`,
          )
          .join('') +
        '</tr>',
    )
    .join('');
  const chart = report.chart
    .map((series) => `<figure><figcaption>${h(series.title)}</figcaption>${seriesSvg(series)}</figure>`)
    .join('');
  const summary = (report.summary ?? []).map((sentence) => `<p class="summary">${h(sentence)}</p>`).join('');
  return [
    '<!doctype html>',
    `<html lang="${h(language)}"><head><meta charset="utf-8">`,
    `<title>${h(report.title)}</title><style>${style}</style></head><body>`,
    `<h1>${h(report.title)}</h1><p class="generated">${h(report.generatedLine)}</p>${summary}`,
    `<h2>${h(report.headings.environment)}</h2><table><tbody>${environment}</tbody></table>`,
    `<h2>${h(report.headings.measurements)}</h2>`,
    `<table><thead><tr><th scope="col">${h(report.headings.measurement)}</th>${head}</tr></thead><tbody>${rows}</tbody></table>`,
    `<h2>${h(report.headings.chart)}</h2>${chart}`,
    probesHtml(report),
    '</body></html>',
    '',
  ].join('\n');
}
