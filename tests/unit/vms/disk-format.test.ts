import { describe, expect, it } from 'vitest';
import { diskFormatOf } from '../../../src/main/lab/images/file-kinds';
import { parseImageInfo } from '../../../src/main/lab/engines/libvirt/qemu-img';

const header = (bytes: string | Buffer, size = 4096) => {
  const buffer = Buffer.alloc(size);
  (typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes).copy(buffer);
  return buffer;
};

describe('disk format from the first bytes', () => {
  it('names qcow2 v2/v3, older qcow, other formats and raw disks; nothing else is a disk', () => {
    const qcow = (version: number) =>
      header(Buffer.concat([Buffer.from('QFI\xfb', 'latin1'), Buffer.from([0, 0, 0, version])]));
    expect(diskFormatOf(qcow(3), 4096)).toBe('qcow2');
    expect(diskFormatOf(qcow(2), 4096)).toBe('qcow2');
    expect(diskFormatOf(qcow(1), 4096)).toBe('qcow');
    expect(diskFormatOf(header('# Disk DescriptorFile\nRW 1 FLAT "/etc/shadow" 0'), 4096)).toBe('vmdk');
    expect(diskFormatOf(header('KDMV'), 4096)).toBe('vmdk');
    expect(diskFormatOf(header('vhdxfile'), 4096)).toBe('vhdx');
    expect(diskFormatOf(header('conectix'), 4096)).toBe('vpc');
    const mbr = header('');
    mbr.writeUInt16LE(0xaa55, 510);
    expect(diskFormatOf(mbr, 4096)).toBe('raw');
    expect(diskFormatOf(header('hello\n'), 4096)).toBeUndefined();
  });
});

describe('qemu-img info', () => {
  it('reports a qcow2 external data file and a backing file', () => {
    const info = parseImageInfo(
      JSON.stringify({
        format: 'qcow2',
        'virtual-size': 1048576,
        'backing-filename': '/base.raw',
        'format-specific': {
          type: 'qcow2',
          data: { compat: '1.1', 'data-file': '/host/secret.raw', 'data-file-raw': true },
        },
      }),
    );
    expect(info).toMatchObject({ backingFile: '/base.raw', dataFile: '/host/secret.raw' });
    expect(parseImageInfo(JSON.stringify({ format: 'raw', 'virtual-size': 512 })).dataFile).toBeUndefined();
  });
});
