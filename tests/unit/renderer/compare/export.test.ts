import { describe, expect, it } from 'vitest';
import { reportToHtml, seriesSvg } from '../../../../src/renderer/src/pages/compare/export-html';
import { reportToMarkdown } from '../../../../src/renderer/src/pages/compare/export-markdown';
import type { CompareReport } from '../../../../src/renderer/src/pages/compare/report';

const report: CompareReport = {
  title: 'Twin · BusyBox <twin>',
  generatedLine: 'Exported on 1 Jan 2026',
  headings: {
    environment: 'Environment',
    measurements: 'Measurements',
    measurement: 'Measurement',
    meaning: 'What the rows mean',
    chart: 'Chart',
    probes: 'Probes',
    noProbes: 'No probe was run.',
  },
  environment: [
    ['Host kernel', '6.1.0-host'],
    ['Accelerator', 'TCG'],
    ['Docker', '20.10.24'],
  ],
  columns: [
    { label: 'Container · runc', name: 't-container' },
    { label: 'VM · QEMU (TCG)', name: 't-vm' },
  ],
  rows: [
    { label: 'Ready in', meaning: 'Start to first prompt.', cells: [{ text: '412 ms' }, { text: '3.3 s' }] },
    {
      label: 'Kernel',
      meaning: 'uname -r | inside',
      cells: [
        { text: '6.1.0-host', note: 'same as the host' },
        { text: '6.1.0-40-cloud-amd64', note: 'its own' },
      ],
    },
  ],
  chart: [
    {
      title: 'Host memory',
      bars: [
        { label: 'Container · runc', value: 2.5, text: '2.5 MiB' },
        { label: 'VM · QEMU (TCG)', value: 210, text: '210 MiB' },
      ],
    },
  ],
  probes: [
    {
      title: 'Kernel',
      explanation: 'The container shares the host kernel.',
      command: 'uname -r',
      outputs: ['6.1.0-host\r\n', '```\n6.1.0-40-cloud-amd64'],
    },
  ],
};

describe('reportToMarkdown', () => {
  const markdown = reportToMarkdown(report);

  it('has the environment, one table column per guest and every row with its values', () => {
    expect(markdown).toMatch(/^# Twin · BusyBox <twin>\n/);
    expect(markdown).toContain('| Host kernel | 6.1.0-host |');
    expect(markdown).toContain('| Measurement | Container · runc (t-container) | VM · QEMU (TCG) (t-vm) |');
    expect(markdown).toContain('| Ready in | 412 ms | 3.3 s |');
    expect(markdown).toContain('| Kernel | 6.1.0-host (same as the host) | 6.1.0-40-cloud-amd64 (its own) |');
    expect(markdown).toContain('- **Kernel**: uname -r | inside');
    expect(markdown).toContain('- VM · QEMU (TCG): 210 MiB');
  });

  it('fences probe outputs so that backticks inside cannot close them', () => {
    expect(markdown).toContain('### Kernel');
    expect(markdown).toContain('````text\n```\n6.1.0-40-cloud-amd64\n````');
    expect(markdown).toContain('```text\n6.1.0-host\n```');
    expect(markdown).not.toContain('\r');
  });

  it('escapes pipes inside table cells', () => {
    const piped = reportToMarkdown({
      ...report,
      rows: [{ label: 'a|b', meaning: '', cells: [{ text: 'x|y' }, { text: 'z' }] }],
    });
    expect(piped).toContain('| a\\|b | x\\|y | z |');
  });

  it('says when no probe was run', () => {
    expect(reportToMarkdown({ ...report, probes: [] })).toContain('## Probes\n\nNo probe was run.');
  });
});

describe('reportToHtml', () => {
  const html = reportToHtml(report, 'en');

  it('is one standalone page with inline style and no script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|href=|on\w+=/i);
    expect(html).toContain('prefers-color-scheme: dark');
  });

  it('escapes text and holds the table, the chart and the probe outputs', () => {
    expect(html).toContain('<title>Twin · BusyBox &lt;twin&gt;</title>');
    expect(html).not.toContain('<twin>');
    expect(html).toContain('<td>412 ms</td>');
    expect(html).toContain('<span class="note">same as the host</span>');
    expect(html).toContain('<pre>6.1.0-host</pre>');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('>210 MiB</text>');
  });
});

describe('seriesSvg', () => {
  it('draws bars to scale: the largest value gets the full length', () => {
    const [series] = report.chart;
    if (!series) throw new Error('the report has a chart');
    const svg = seriesSvg(series);
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBe(300);
    expect(widths[0]).toBeCloseTo((2.5 / 210) * 300, 0);
    expect(svg).toContain('aria-label="Host memory"');
  });
});
