import { describe, expect, it } from 'vitest';
import type { Catalog, Template } from '../../../src/shared/template';
import { vmAvailability, type VmAvailabilityDeps } from '../../../src/main/lab/vms/vm-availability';

const sha = 'a'.repeat(64);
const template = (id: string, vm: Record<string, unknown>): Template =>
  ({ id, name: id, vm: { vcpus: 1, memoryMiB: 256, ...vm } }) as unknown as Template;
const catalog: Catalog = {
  entries: [
    {
      template: template('cached', {
        image: { url: 'https://cloud.example/a.qcow2', sha256: sha, format: 'qcow2' },
      }),
    },
    {
      template: template('debian', {
        image: { url: 'https://cloud.debian.org/d.qcow2', sha256: sha, format: 'qcow2' },
      }),
    },
    {
      template: template('fedora', {
        image: { url: 'http://dl.fedora:8080/f.qcow2', sha256: sha, format: 'qcow2' },
      }),
    },
    { template: template('imported', { image: { sha256: sha, format: 'qcow2' } }) },
    { template: template('microvm', { boot: { kernel: '/k', cmdline: '' } }) },
  ],
} as unknown as Catalog;

function deps(answering: string[], mirror?: string) {
  const probed: string[] = [];
  const d: VmAvailabilityDeps = {
    catalog: async () => catalog,
    images: {
      cached: async (image) =>
        image.url?.includes('cloud.example')
          ? { path: '/c', digest: { algorithm: 'sha256', hex: sha } }
          : undefined,
    },
    httpMirror: async () => mirror,
    reach: async ({ host, port }) => {
      probed.push(`${host}:${port}`);
      return answering.includes(host);
    },
  };
  return { d, probed };
}

describe('whether a VM template image can be had now', () => {
  it('is cached, downloadable from its server, or not; kernel templates are not listed', async () => {
    const { d, probed } = deps(['cloud.debian.org']);
    expect(await vmAvailability(d)).toEqual([
      { templateId: 'cached', state: 'cached' },
      { templateId: 'debian', state: 'reachable', source: { kind: 'upstream', host: 'cloud.debian.org' } },
      { templateId: 'fedora', state: 'unreachable', source: { kind: 'upstream', host: 'dl.fedora:8080' } },
      { templateId: 'imported', state: 'unreachable' },
    ]);
    expect(probed.sort()).toEqual(['cloud.debian.org:443', 'dl.fedora:8080']);
  });

  it('asks the mirror instead, once for all images, and names it when it is silent', async () => {
    const { d, probed } = deps([], 'http://127.0.0.1:8787');
    const result = await vmAvailability(d, ['debian', 'fedora']);
    expect(result.map((each) => each.state)).toEqual(['unreachable', 'unreachable']);
    expect(result[0]?.source).toEqual({ kind: 'mirror', host: '127.0.0.1:8787' });
    expect(probed).toEqual(['127.0.0.1:8787']);
  });
});
