import { describe, expect, it } from 'vitest';
import {
  metadataElement,
  readDomainType,
  readTwinlabMetadata,
} from '../../../src/main/lab/engines/libvirt/domain-metadata';
import { renderXml } from '../../../src/main/lab/engines/libvirt/xml-writer';

/** Shaped like `virsh dumpxml` output after libvirt re-formatted our metadata. */
const libvirtXml = (metadata: string) => `<domain type='qemu' id='3'>
  <name>demo</name>
  <uuid>7d3c1a52-9b1e-4c57-8d2a-0f4c5e6a7b81</uuid>
  <metadata>
${metadata}
  </metadata>
  <memory unit='KiB'>262144</memory>
</domain>`;

describe('readTwinlabMetadata', () => {
  it('reads what libvirt gives back, including escaped text and double quotes', () => {
    const xml = libvirtXml(`    <twinlab:domain xmlns:twinlab="https://twinlab.dev/xmlns/domain/1">
      <twinlab:managed>true</twinlab:managed>
      <twinlab:template>fixture &amp; co</twinlab:template>
      <twinlab:created>2026-01-02T03:04:05.000Z</twinlab:created>
      <twinlab:files>
        <twinlab:file role="overlay">/data/vms/x/disk.qcow2</twinlab:file>
        <twinlab:file role="seed">/data/vms/x/seed.iso</twinlab:file>
      </twinlab:files>
    </twinlab:domain>`);
    expect(readTwinlabMetadata(xml)).toEqual({
      templateId: 'fixture & co',
      createdAt: '2026-01-02T03:04:05.000Z',
      files: [
        { role: 'overlay', path: '/data/vms/x/disk.qcow2' },
        { role: 'seed', path: '/data/vms/x/seed.iso' },
      ],
    });
    expect(readDomainType(xml)).toBe('qemu');
  });

  it('keeps the cloud-init login written by metadataElement', () => {
    const meta = {
      templateId: 't',
      createdAt: 'c',
      files: [{ role: 'seed' as const, path: '/d/seed.iso' }],
      login: { user: 'learner', password: 'kq7m-x3vt-9h<a' },
    };
    const xml = libvirtXml(renderXml(metadataElement(meta)));
    expect(readTwinlabMetadata(xml)).toEqual(meta);
    const withoutPassword = { ...meta, login: { user: 'learner' } };
    expect(readTwinlabMetadata(libvirtXml(renderXml(metadataElement(withoutPassword))))).toEqual(
      withoutPassword,
    );
  });

  it('finds the element by namespace URI, whatever the prefix', () => {
    const xml =
      libvirtXml(`<tl:domain xmlns:tl='https://twinlab.dev/xmlns/domain/1'><tl:managed>true</tl:managed>
      <tl:template>t</tl:template><tl:twin>tw</tl:twin><tl:created>c</tl:created><tl:files/></tl:domain>`);
    expect(readTwinlabMetadata(xml)).toEqual({ templateId: 't', twinId: 'tw', createdAt: 'c', files: [] });
  });

  it('is undefined for domains that are not Twinlab-managed', () => {
    expect(readTwinlabMetadata(libvirtXml(''))).toBeUndefined();
    expect(readTwinlabMetadata("<domain type='kvm'><name>x</name></domain>")).toBeUndefined();
    // another tool's metadata that merely looks similar
    expect(
      readTwinlabMetadata(
        libvirtXml(
          `<twinlab:domain xmlns:twinlab="https://example.org/other"><twinlab:managed>true</twinlab:managed></twinlab:domain>`,
        ),
      ),
    ).toBeUndefined();
    // managed must be exactly true
    expect(
      readTwinlabMetadata(
        libvirtXml(
          `<t:domain xmlns:t="https://twinlab.dev/xmlns/domain/1"><t:managed>false</t:managed><t:template>x</t:template><t:created>c</t:created></t:domain>`,
        ),
      ),
    ).toBeUndefined();
  });

  it('rejects relative file paths rather than guessing where they point', () => {
    const xml =
      libvirtXml(`<t:domain xmlns:t="https://twinlab.dev/xmlns/domain/1"><t:managed>true</t:managed><t:template>x</t:template>
      <t:created>c</t:created><t:files><t:file role="overlay">../../etc/passwd</t:file></t:files></t:domain>`);
    expect(readTwinlabMetadata(xml)).toBeUndefined();
  });
});
