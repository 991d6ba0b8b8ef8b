import { readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { reportsOfAllScenarios } from './scenarios';

/** The English texts handed to the catalogs (flat keys); this test keeps them and the checks in step. */
const english = JSON.parse(readFileSync(new URL('./doctor-i18n-en.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;

interface Catalog {
  [segment: string]: string | Catalog;
}

/** The app's catalogs are nested by '.', so a key must never also be the prefix of another key. */
function nest(flat: Record<string, string>): Catalog {
  const root: Catalog = {};
  for (const [key, text] of Object.entries(flat)) {
    const segments = key.split('.');
    const last = segments.pop() ?? key;
    let node = root;
    for (const segment of segments) {
      const child = (node[segment] ??= {});
      if (typeof child === 'string') throw new Error(`${key} nests under the text key ${segment}`);
      node = child;
    }
    if (node[last] !== undefined) throw new Error(`${key} collides with another key`);
    node[last] = text;
  }
  return root;
}

/** Configured like the renderer's i18next: nested catalog, default separators, no HTML escaping. */
async function translator() {
  const i18n = createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: nest(english) } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

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
