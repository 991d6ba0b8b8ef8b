import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import ko from '../../../src/renderer/src/i18n/locales/ko.json';
import zh from '../../../src/renderer/src/i18n/locales/zh-CN.json';
import { lessonTargets } from '../../../src/shared/lessons';

type Tree = { [key: string]: string | Tree };

/** Dotted keys, with plural suffixes folded (en has _one, zh-CN and ko only _other). */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(one|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

const evaluator = readFileSync(
  join(import.meta.dirname, '../../../src/main/lab/lessons/evaluate-checks.ts'),
  'utf8',
);
const reasonKeys = [...new Set([...evaluator.matchAll(/'lessons\.check\.([a-zA-Z]+)'/g)].map((m) => m[1]))];

describe('lesson texts in the catalogs', () => {
  it('has a sentence for every check reason the evaluators give, in every language', () => {
    expect(reasonKeys.length).toBeGreaterThanOrEqual(10);
    for (const catalog of [en, zh, ko]) {
      const check = (catalog.lessons as Tree)['check'] as Tree;
      for (const key of reasonKeys) expect(check[key as string], key).toEqual(expect.any(String));
    }
  });

  it('names every place a lesson types into (twin roles and the host), in every language', () => {
    for (const catalog of [en, zh, ko]) {
      const names = (catalog.lessons as Tree)['target'] as Tree;
      for (const target of lessonTargets) expect(names[target], target).toEqual(expect.any(String));
    }
  });

  it('has the same lessons keys in English, Chinese and Korean', () => {
    const english = [...new Set(keys(en.lessons as Tree))].sort();
    expect([...new Set(keys(zh.lessons as Tree))].sort()).toEqual(english);
    expect([...new Set(keys(ko.lessons as Tree))].sort()).toEqual(english);
  });
});
