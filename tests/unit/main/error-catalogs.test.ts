import { describe, expect, it } from 'vitest';
import { consoleErrorsEnglish } from '../../../src/main/lab/consoles/errors';
import { lessonErrorsEnglish } from '../../../src/main/lab/lessons/errors';
import { checkpointErrorsEnglish } from '../../../src/main/lab/lessons/checkpoints/errors';
import { twinErrorsEnglish } from '../../../src/main/lab/twins/errors';
import { flatten, rendererCatalog } from '../../support/catalogs';

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));

/** The domains whose sentences no other test compares with the renderer's catalogs. */
describe.each([
  ['twins', twinErrorsEnglish()],
  ['lessons', lessonErrorsEnglish()],
  ['checkpoints', checkpointErrorsEnglish()],
  ['console', consoleErrorsEnglish()],
])('the %s error catalog', (_domain, english: Record<string, string>) => {
  it('is what en.json holds under the same keys', () => {
    const shipped = flatten(rendererCatalog('en'));
    for (const [key, text] of Object.entries(english)) expect(shipped.get(key), key).toBe(text);
  });

  it('is translated in zh-CN and ko with the same placeholders', () => {
    for (const locale of ['zh-CN', 'ko'] as const) {
      const catalog = flatten(rendererCatalog(locale));
      for (const [key, text] of Object.entries(english)) {
        expect(catalog.has(key), `${locale}: ${key}`).toBe(true);
        expect(placeholders(catalog.get(key) ?? ''), `${locale}: ${key}`).toEqual(placeholders(text));
      }
    }
  });
});
