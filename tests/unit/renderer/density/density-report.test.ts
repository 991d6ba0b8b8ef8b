import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportToHtml } from '../../../../src/renderer/src/pages/compare/export-html';
import { reportToMarkdown } from '../../../../src/renderer/src/pages/compare/export-markdown';
import type { CompareReport } from '../../../../src/renderer/src/pages/compare/report';
import { buildDensityReport } from '../../../../src/renderer/src/pages/density/density-report';
import en from '../../../../src/renderer/src/i18n/locales/en.json';
import ko from '../../../../src/renderer/src/i18n/locales/ko.json';
import { result } from './fixtures';

const now = new Date('2026-12-04T15:02:00Z');

/** The app's catalog in a fresh i18next, as the renderer sets it up, making the report in `lng`. */
async function reportIn(lng: 'en' | 'ko'): Promise<CompareReport> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false },
  });
  return buildDensityReport(result, { t: (key, params) => i18n.t(key, params), language: lng, now });
}

describe('the density report, through the English and Korean catalogs', () => {
  let english: CompareReport;
  let korean: CompareReport;
  beforeAll(async () => {
    english = await reportIn('en');
    korean = await reportIn('ko');
  });

  it('leads with the ratio, the workload and the budget, then the seed claim', () => {
    expect(english.summary?.[0]).toBe('Containers fit 102.4× more than VMs in 1 GiB, workload: idle.');
    expect(english.summary?.[1]).toMatch(/^Seed 003: .*four to six times/);
    expect(english.summary?.[2]).toMatch(/cancelled/);
    expect(korean.summary?.[0]).toBe(
      '1 GiB 안에 컨테이너가 가상 머신보다 102.4× 더 들어갑니다. 워크로드: 유휴.',
    );
  });

  it('has the kinds as columns and their numbers as rows', () => {
    expect(english.columns).toEqual([
      { label: 'Container', name: '3 guests' },
      { label: 'VM', name: '2 guests' },
    ]);
    const row = (label: string) => english.rows.find((each) => each.label === label)?.cells;
    expect(row('Host memory per guest')).toEqual([{ text: '2 MiB' }, { text: '200 MiB' }]);
    expect(row('Fit in the budget')).toEqual([{ text: '512' }, { text: '5' }]);
    expect(row('Start time (mean)')).toEqual([{ text: '320 ms' }, { text: '2.2 s' }]);
    expect(row('Stopped')).toEqual([
      { text: 'Reached the count limit' },
      { text: 'Cancelled', note: 'Cancelled by the user.' },
    ]);
    expect(english.environment).toContainEqual(['Workload', 'idle']);
    expect(english.environment).toContainEqual(['VM accelerator', 'TCG (software emulation)']);
  });

  it('exports as Markdown with the ratio, the workload, every point and no probes section', () => {
    const markdown = reportToMarkdown(english);
    expect(markdown).toMatch(/^# How many fit\? · BusyBox twin \(offline fixture\)\n/);
    expect(markdown).toContain('\nContainers fit 102.4× more than VMs in 1 GiB, workload: idle.\n');
    expect(markdown).toContain('| Workload | idle |');
    expect(markdown).toContain('| Host memory budget | 1 GiB |');
    expect(markdown).toContain('| Measurement | Container (3 guests) | VM (2 guests) |');
    expect(markdown).toContain(
      '**VM: host memory used after each guest**\n\n- 1 guest: 200 MiB\n- 2 guests: 400 MiB',
    );
    expect(markdown).not.toContain('Probes');
  });

  it('exports as HTML with the ratio as a summary and no probes section', () => {
    const html = reportToHtml(korean, 'ko');
    expect(html).toContain(
      '<p class="summary">1 GiB 안에 컨테이너가 가상 머신보다 102.4× 더 들어갑니다. 워크로드: 유휴.</p>',
    );
    expect(html).toContain('<th scope="row">워크로드</th><td>유휴</td>');
    expect(html).not.toContain('class="outputs"');
  });
});
