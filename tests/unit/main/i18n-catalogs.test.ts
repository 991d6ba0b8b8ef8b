import { describe, expect, it } from 'vitest';
import { containerMessages } from '../../../src/main/lab/engines/docker/messages';
import { flatten, rendererCatalog } from '../../support/catalogs';

const load = rendererCatalog;

/** Plural forms differ by language (English _one/_other, Chinese and Korean _other only). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));

const english = flatten(load('en'));

describe.each(['zh-CN', 'ko'] as const)('the %s catalog', (locale) => {
  const catalog = flatten(load(locale));

  it('has every English key, and no other', () => {
    const wanted = new Set([...english.keys()].map(base));
    const present = new Set([...catalog.keys()].map(base));
    expect([...wanted].filter((key) => !present.has(key))).toEqual([]);
    expect([...present].filter((key) => !wanted.has(key))).toEqual([]);
  });

  it('uses the same placeholders as English', () => {
    for (const [key, text] of catalog) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`) ?? english.get(base(key));
      expect(source, key).toBeDefined();
      expect(placeholders(text), key).toEqual(placeholders(source ?? ''));
    }
  });
});

describe('main-process message keys', () => {
  it('are in all three catalogs, the English text equal to what main sends', () => {
    for (const locale of ['en', 'zh-CN', 'ko'] as const) {
      const catalog = flatten(load(locale));
      for (const key of Object.keys(containerMessages))
        expect(catalog.has(key), `${locale}: ${key}`).toBe(true);
    }
    for (const [key, text] of Object.entries(containerMessages)) expect(english.get(key), key).toBe(text);
  });

  it('include the console errors', () => {
    for (const kind of [
      'noShell',
      'notRunning',
      'sessionLimit',
      'unknownSession',
      'sessionClosed',
      'badSize',
      'inputTooLarge',
    ]) {
      expect(english.has(`console.${kind}`), kind).toBe(true);
    }
  });
});
