import { describe, expect, it } from 'vitest';
import {
  containerMessages,
  formatMessage,
  type ContainerMessageKey,
} from '../../../src/main/lab/engines/docker/messages';
import { nest, translatorFor } from '../../support/catalogs';

const keys = Object.keys(containerMessages) as ContainerMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');

describe('container i18n keys', () => {
  it('nest into the renderer’s catalog shape', () => {
    expect(() => nest(containerMessages)).not.toThrow();
    for (const key of keys) expect(key).toMatch(/^containers(\.[a-zA-Z]+){1,2}$/);
  });

  it('read the same through i18next as the English message Twinlab sends along', async () => {
    const i18n = await translatorFor(nest(containerMessages));
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
