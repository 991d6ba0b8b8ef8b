import { describe, expect, it } from 'vitest';
import type { Catalog, Template } from '@shared/template';
import { templateById } from '../../../src/main/lab/catalog/catalog';

const template = { id: 'busybox', name: 'BusyBox' } as Template;
const catalog: Catalog = {
  entries: [{ template, source: 'builtin', file: '/t/busybox.yaml' }],
  problems: [],
};

describe('templateById', () => {
  it('finds a template by its id', () => {
    expect(templateById(catalog, 'busybox')).toBe(template);
  });

  it('refuses an id the catalog does not hold with the one sentence that says what to do next', () => {
    expect(() => templateById(catalog, 'gone')).toThrow(
      expect.objectContaining({
        code: 'not-found',
        key: 'twins.error.templateNotFound',
        message: 'There is no template "gone". Refresh the template list and pick one of them.',
      }),
    );
  });
});
