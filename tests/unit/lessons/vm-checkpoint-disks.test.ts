import { describe, expect, it } from 'vitest';
import { parseWritableDisks } from '../../../src/main/lab/lessons/checkpoints/vm-checkpoint';

describe('the disks a VM checkpoint copies', () => {
  it('keeps file-backed disks, skips cdroms and empty drives, and reads a source path with spaces', () => {
    const output = [
      ' Type   Device   Target   Source',
      '-------------------------------------------------------------',
      ' file   disk     vda      /var/lib/twinlab/vms/a b/overlay.qcow2',
      ' file   cdrom    sda      /var/lib/twinlab/vms/a b/seed.iso',
      ' file   disk     hda      /var/lib/twinlab/vms/scratch-ide.img',
      ' block  disk     vdb      /dev/sdz',
      ' file   cdrom    sdb      -',
      '',
    ].join('\n');
    expect(parseWritableDisks(output)).toEqual([
      { target: 'vda', source: '/var/lib/twinlab/vms/a b/overlay.qcow2' },
      { target: 'hda', source: '/var/lib/twinlab/vms/scratch-ide.img' },
    ]);
  });

  it('finds none in a direct-kernel microVM without disks', () => {
    expect(parseWritableDisks(' Type   Device   Target   Source\n------------------------\n\n')).toEqual([]);
  });
});
