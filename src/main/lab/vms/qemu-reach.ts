import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { grantQemuSearch, qemuMaySearch } from '../engines/libvirt/qemu-search-acl';
import { capabilitiesXml, isSystemUri, parseDacLabel } from '../engines/libvirt/virsh-queries';
import type { Logger } from '../log';
import { vmError } from './errors';
import { firstBlockedFolder, foldersOnTheWay } from './host-capacity';

/** The user and group QEMU processes run as (qemu:///system runs them as libvirt-qemu on Debian). */
export interface QemuIdentity {
  user: string;
  uid: number;
  gid: number;
}

/**
 * Under qemu:///system QEMU is another user; a folder it cannot enter fails only at start, with a
 * cryptic error. A folder of ours on the way to Twinlab's own storage (a private home above the
 * XDG folders) gets a search-only ACL entry for QEMU's user (see qemu-search-acl.ts); any other
 * folder, e.g. one holding a template's own kernel, is left as it is and reported with the fix.
 */
export class QemuReach {
  #identity: Promise<QemuIdentity | undefined> | undefined;

  constructor(
    private readonly uri: () => string,
    /** Twinlab's own storage (VM folders, image cache): folders above these may be opened to QEMU. */
    private readonly storage: () => string[],
    private readonly log?: Logger,
  ) {}

  async assert(path: string): Promise<void> {
    const identity = await (this.#identity ??= this.#loadIdentity());
    if (!identity) return;
    const folders = await foldersOnTheWay(path);
    const storage = this.storage().map((dir) => resolve(dir));
    for (;;) {
      const blocked = firstBlockedFolder(folders, identity);
      if (!blocked) return;
      const index = folders.findIndex((entry) => entry.path === blocked);
      const mayGrant =
        folders[index]?.uid === process.getuid?.() &&
        storage.some((dir) => dir === blocked || dir.startsWith(blocked + sep));
      if (!(await qemuMaySearch(blocked, identity.uid))) {
        if (!mayGrant || !(await grantQemuSearch(blocked, identity.uid)))
          throw vmError('folderNotReachable', { qemuUser: identity.user, path, blocked });
        this.log?.info(`let ${identity.user} search ${blocked} (ACL u:${identity.uid}:x)`);
      }
      folders.splice(index, 1);
    }
  }

  async #loadIdentity(): Promise<QemuIdentity | undefined> {
    if (!isSystemUri(this.uri())) return undefined; // session: QEMU runs as the user
    try {
      const label = parseDacLabel(await capabilitiesXml(this.uri()));
      if (!label) return undefined;
      const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
      const user = passwd
        .split('\n')
        .find((line) => line.split(':')[2] === String(label.uid))
        ?.split(':')[0];
      return { ...label, user: user ?? String(label.uid) };
    } catch {
      return undefined;
    }
  }
}
