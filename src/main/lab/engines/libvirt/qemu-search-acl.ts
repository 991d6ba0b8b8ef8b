import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Under qemu:///system QEMU runs as its own user (libvirt-qemu on Debian) and must pass every folder
 * on the way to a VM's kernel, disks and seed. A desktop user's home is private (0700 from adduser
 * on Debian 12, 0750 elsewhere), so a lab under the user's XDG folders is out of QEMU's reach.
 * Opening the home to everyone (chmod o+x) or moving the user's files out of it are both worse than
 * what virt-manager does, and Twinlab does the same: a POSIX ACL entry giving QEMU's user search (x)
 * only, on folders the user owns. QEMU can then open the files whose names libvirt hands it, and
 * can still neither list nor read anything else in the home.
 */

/** True when the folder's ACL lets `uid` search it: a named-user entry with x, not masked away. */
export function aclGrantsSearch(getfaclOutput: string, uid: number): boolean {
  const entries = new Map<string, string>();
  for (const line of getfaclOutput.split('\n')) {
    const [type, qualifier, perms] = (line.split('#')[0] ?? '').trim().split(':');
    if (type && perms !== undefined) entries.set(`${type}:${qualifier}`, perms);
  }
  const named = entries.get(`user:${uid}`);
  const mask = entries.get('mask:') ?? 'rwx'; // no mask: the named entry counts in full
  return named !== undefined && named.includes('x') && mask.includes('x');
}

/** Whether the folder's ACL already admits QEMU's user (false when ACLs cannot be read). */
export async function qemuMaySearch(folder: string, uid: number): Promise<boolean> {
  try {
    const { stdout } = await run('getfacl', ['--numeric', '--omit-header', '--absolute-names', folder], {
      timeout: 10_000,
    });
    return aclGrantsSearch(stdout, uid);
  } catch {
    return false;
  }
}

/** Grants QEMU's user search permission; false when the folder is not ours or ACLs are unavailable. */
export async function grantQemuSearch(folder: string, uid: number): Promise<boolean> {
  try {
    await run('setfacl', ['--modify', `u:${uid}:x`, folder], { timeout: 10_000 });
    return await qemuMaySearch(folder, uid);
  } catch {
    return false;
  }
}
