import { describe, expect, it } from 'vitest';
import { labPaths } from '../../../src/main/lab/paths';
import { vmStorage } from '../../../src/main/lab/vm-storage';
import { aclGrantsSearch } from '../../../src/main/lab/engines/libvirt/qemu-search-acl';

/** `getfacl --numeric --omit-header` of a 0700 home after `setfacl -m u:64055:x`, as on Debian 12. */
const grantedHome = ['user::rwx', 'user:64055:--x', 'group::---', 'mask::--x', 'other::---', ''].join('\n');

describe('a search-only ACL entry for QEMU', () => {
  it('is seen for the user it names', () => {
    expect(aclGrantsSearch(grantedHome, 64055)).toBe(true);
    expect(aclGrantsSearch(grantedHome, 1000)).toBe(false);
  });

  it('does not count when the mask takes x away', () => {
    const masked = grantedHome.replace('mask::--x', 'mask::r--');
    expect(aclGrantsSearch(masked, 64055)).toBe(false);
  });

  it('needs x in the entry, and reads past the effective-rights comment', () => {
    expect(aclGrantsSearch('user::rwx\nuser:64055:r--\nmask::r-x\nother::---\n', 64055)).toBe(false);
    expect(aclGrantsSearch('user:64055:--x\t#effective:--x\nmask::--x\n', 64055)).toBe(true);
  });

  it('is absent from a folder with mode bits only', () => {
    expect(aclGrantsSearch('user::rwx\ngroup::---\nother::---\n', 64055)).toBe(false);
  });
});

describe('where VM disks and images live', () => {
  const paths = labPaths({ XDG_DATA_HOME: '/home/ada/.local/share', XDG_CACHE_HOME: '/home/ada/.cache' });

  it('is /var/lib/twinlab for root on the system connection', () => {
    expect(vmStorage(paths, { uid: 0, libvirtUri: 'qemu:///system' })).toEqual({
      vms: '/var/lib/twinlab/vms',
      images: '/var/lib/twinlab/images',
    });
  });

  it("is the user's XDG folders for anyone else, and for a session connection", () => {
    const own = { vms: '/home/ada/.local/share/twinlab/vms', images: '/home/ada/.cache/twinlab/images' };
    expect(vmStorage(paths, { uid: 1000, libvirtUri: 'qemu:///system' })).toEqual(own);
    expect(vmStorage(paths, { uid: 0, libvirtUri: 'qemu:///session' })).toEqual(own);
  });
});
