import { describe, expect, it } from 'vitest';
import { flatten, rendererCatalog, translatorFor } from '../../support/catalogs';
import { reportsOfAllScenarios } from './scenarios';

/** The Host page's English texts, from the catalog the app ships. */
const englishCatalog = rendererCatalog('en');
const english = Object.fromEntries(
  [...flatten(englishCatalog)].filter(
    ([key]) => key.startsWith('host.check.') || key.startsWith('host.fix.'),
  ),
);
const translator = () => translatorFor(englishCatalog);

describe('doctor i18n keys', () => {
  it('every key a report uses has English text with all placeholders filled', async () => {
    const i18n = await translator();
    const reports = await reportsOfAllScenarios();
    for (const { report } of reports) {
      for (const check of report.checks) {
        const texts = [i18n.t(check.titleKey), i18n.t(check.summaryKey, check.params)];
        if (check.fix) texts.push(i18n.t(check.fix.key, check.fix.params));
        for (const text of texts) {
          expect(text, check.id).not.toMatch(/^host\./);
          expect(text, check.id).not.toMatch(/\{\{/);
        }
      }
    }
  });

  it('picks the reason-specific TCG sentence', async () => {
    const i18n = await translator();
    expect(i18n.t('host.check.kvmUsable.tcg', { reason: 'pvm', context: 'pvm' })).toMatch(/PVM/);
    expect(i18n.t('host.check.kvmUsable.tcg', { reason: 'future', context: 'future' })).toBe(
      english['host.check.kvmUsable.tcg'],
    );
  });

  it('every English text is used by some report', async () => {
    const reports = await reportsOfAllScenarios();
    const used = new Set<string>();
    for (const { report } of reports) {
      for (const check of report.checks) {
        used.add(check.titleKey);
        const context = check.params?.context;
        used.add(context === undefined ? check.summaryKey : `${check.summaryKey}_${context}`);
        if (check.fix) used.add(check.fix.key);
      }
    }
    used.add('host.check.kvmUsable.tcg');
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });
});
