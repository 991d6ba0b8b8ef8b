import { labPaths } from '../../src/main/lab/paths';
import { vmStorage } from '../../src/main/lab/vm-storage';

/**
 * Where a lab made by these tests keeps VM folders and images: /var/lib/twinlab as root, the XDG
 * folders as an ordinary user (the second CI pass), the same decision createLab makes.
 */
export const labVmStorage = vmStorage(labPaths(process.env), {
  uid: process.getuid?.(),
  libvirtUri: 'qemu:///system',
});
