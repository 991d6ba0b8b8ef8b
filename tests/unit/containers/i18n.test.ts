import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  containerMessages,
  formatMessage,
  type ContainerMessageKey,
} from '../../../src/main/lab/engines/docker/messages';

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

const keys = Object.keys(containerMessages) as ContainerMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');

describe('container i18n keys', () => {
  it('nest into the renderer’s catalog shape', () => {
    expect(() => nest(containerMessages)).not.toThrow();
    for (const key of keys) expect(key).toMatch(/^containers(\.[a-zA-Z]+){1,2}$/);
  });

  it('read the same through i18next as the English message Twinlab sends along', async () => {
    const i18n = createInstance();
    await i18n.init({
      lng: 'en',
      resources: { en: { translation: nest(containerMessages) } },
      interpolation: { escapeValue: false },
    });
    for (const key of keys) {
      const params = Object.fromEntries(
        placeholders(containerMessages[key]).map((name) => [name, `<${name}>`]),
      );
      const message = formatMessage(key, params);
      expect(message).not.toMatch(/\{\{|\}\}/);
      expect(i18n.t(key, params)).toBe(message);
    }
  });

  it('are sentences', () => {
    for (const key of keys) {
      const text = containerMessages[key];
      expect(text, key).toMatch(/^\S/);
      expect(text, key).toMatch(/[.:}]$/);
    }
  });
});
