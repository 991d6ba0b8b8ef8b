import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/main/lab/catalog/load-templates';
import { fileNameOf } from '../../../src/main/lab/images/checksums';

const ids = ['alpine-cloud-vm', 'cirros-vm', 'debian-12-cloud-vm', 'fedora-cloud-vm', 'ubuntu-2404-cloud-vm'];

describe('built-in cloud-image VM templates', async () => {
  const catalog = await loadCatalog([
    { dir: join(import.meta.dirname, '../../../resources/templates'), source: 'builtin' },
  ]);
  const vms = ids.map((id) => {
    const template = catalog.entries.find((entry) => entry.template.id === id)?.template;
    if (!template?.vm?.image) throw new Error(`${id} is missing or has no image`);
    return { id, vm: template.vm, image: template.vm.image };
  });

  it('name a checksum file on the same server, never a literal hash nobody could check here', () => {
    for (const { id, image } of vms) {
      expect(image.sha256, id).toBeUndefined();
      const url = new URL(image.url ?? '');
      const checksums = new URL(image.checksums ?? '');
      expect(url.protocol, id).toBe('https:');
      expect(checksums.host, id).toBe(url.host);
      // Beside the image: a SUMS file in its folder, or Alpine's per-image `<image>.sha512`.
      expect(checksums.pathname.slice(0, checksums.pathname.lastIndexOf('/')), id).toBe(
        url.pathname.slice(0, url.pathname.lastIndexOf('/')),
      );
      expect(fileNameOf(image.url ?? ''), id).toMatch(/\.(qcow2|img)$/);
    }
  });

  it('log in on the serial console: a cloud-init user, "login:" as the ready pattern, memory that fits', () => {
    for (const { id, vm } of vms) {
      expect(vm.readyPattern, id).toBe('login:');
      expect(vm.cloudInit, id).toBeDefined();
      const small = id === 'alpine-cloud-vm' || id === 'cirros-vm';
      if (small) expect(vm.memoryMiB, id).toBeLessThanOrEqual(512);
      else expect(vm.memoryMiB, id).toBeGreaterThanOrEqual(1024);
    }
    // CirrOS ignores cloud-config users: its own documented login, not a generated one.
    const cirros = vms.find((entry) => entry.id === 'cirros-vm')?.vm.cloudInit;
    expect(cirros).toMatchObject({ user: 'cirros', password: 'gocubsgo' });
    for (const { id, vm } of vms.filter((entry) => entry.id !== 'cirros-vm')) {
      expect(vm.cloudInit?.user, id).toBe('learner');
      expect(vm.cloudInit?.password, id).toBeUndefined(); // generated per VM at create
    }
  });
});
