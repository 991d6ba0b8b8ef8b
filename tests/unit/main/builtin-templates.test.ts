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
      'alpine-cloud-twin',
      'alpine-cloud-vm',
      'alpine-system',
      'alpine-twin',
      'busybox',
      'busybox-twin',
      'cirros-vm',
      'debian',
      'debian-12-cloud-vm',
      'debian-12-system',
      'debian-12-twin',
      'debian-twin',
      'fedora',
      'fedora-42-twin',
      'fedora-cloud-vm',
      'nginx',
      'ubuntu',
      'ubuntu-2404-cloud-vm',
      'ubuntu-2404-system',
      'ubuntu-2404-twin',
      'ubuntu-twin',
    ]);
    for (const { template } of catalog.entries) {
      expect(template.i18n?.['zh-CN']?.name, template.id).toBeTruthy();
      expect(template.i18n?.ko?.name, template.id).toBeTruthy();
    }
  });

  it("has distro twins whose VM side is the same distribution's cloud-image template, beside its container image", async () => {
    const catalog = await loadCatalog([
      { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
    ]);
    const byId = new Map(catalog.entries.map((entry) => [entry.template.id, entry.template]));
    const pairs = [
      ['debian-12-twin', 'debian-12-cloud-vm', 'debian:bookworm-slim'],
      ['ubuntu-2404-twin', 'ubuntu-2404-cloud-vm', 'ubuntu:24.04'],
      ['alpine-cloud-twin', 'alpine-cloud-vm', 'alpine:3.20'],
      ['fedora-42-twin', 'fedora-cloud-vm', 'fedora:42'],
    ] as const;
    for (const [twinId, cloudVmId, image] of pairs) {
      const twin = byId.get(twinId);
      expect(twin?.tags, twinId).toEqual(['twin', 'distribution', 'cloud-image']);
      expect(twin?.container?.image, twinId).toBe(image);
      expect(twin?.vm, twinId).toEqual(byId.get(cloudVmId)?.vm);
      expect(twin?.vm?.cloudInit?.user, twinId).toBe('learner');
    }
  });

  it('has system containers for Alpine, Debian and Ubuntu from the linuxcontainers image server', async () => {
    const catalog = await loadCatalog([
      { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
    ]);
    const systems = catalog.entries.filter((entry) => entry.template.system);
    expect(systems.map((entry) => [entry.template.id, entry.template.system?.image])).toEqual([
      ['alpine-system', 'alpine/3.22'],
      ['debian-12-system', 'debian/12'],
      ['ubuntu-2404-system', 'ubuntu/24.04'],
    ]);
    for (const { template } of systems) {
      expect(template.system?.remote, template.id).toBe('images');
      expect(template.container ?? template.vm, template.id).toBeUndefined();
    }
  });

  it('has same-userland twins for BusyBox, Alpine, Debian and Ubuntu, each booting its container image with a verified kernel', async () => {
    const catalog = await loadCatalog([
      { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
    ]);
    const twins = catalog.entries.filter((entry) => entry.template.vm?.userland);
    expect(twins.map((entry) => entry.template.container?.image).sort()).toEqual([
      'alpine:3.20',
      'busybox:1.36',
      'debian:bookworm-slim',
      'ubuntu:24.04',
    ]);
    for (const { template } of twins) {
      const kernel = template.vm?.userland?.kernel;
      expect(kernel?.url, template.id).toMatch(/^https:\/\/cloud-images\.ubuntu\.com\/.*vmlinuz-generic$/);
      expect(kernel?.checksums, template.id).toMatch(/SHA256SUMS$/);
      expect(template.vm?.readyPattern, template.id).toBe('TWINLAB-READY');
    }
  });
});
