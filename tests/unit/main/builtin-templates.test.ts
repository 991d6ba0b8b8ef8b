import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/main/lab/catalog/load-templates';

describe('built-in templates', () => {
  it('all load without a problem, with names in every language', async () => {
    const catalog = await loadCatalog([
      { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
    ]);
    expect(catalog.problems).toEqual([]);
    expect(catalog.entries.map((entry) => entry.template.id).sort()).toEqual([
      'alpine',
      'alpine-cloud-vm',
      'busybox',
      'cirros-vm',
      'debian',
      'debian-12-cloud-vm',
      'fedora',
      'fedora-cloud-vm',
      'nginx',
      'ubuntu',
      'ubuntu-2404-cloud-vm',
    ]);
    for (const { template } of catalog.entries) {
      expect(template.i18n?.['zh-CN']?.name, template.id).toBeTruthy();
      expect(template.i18n?.ko?.name, template.id).toBeTruthy();
    }
  });
});
