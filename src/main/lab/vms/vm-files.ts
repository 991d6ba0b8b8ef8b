import { rmdir, unlink } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Logger } from '../log';

/**
 * The files Twinlab made for its VMs (overlays and seeds), one folder per VM named by its UUID in
 * the data dir. Only paths inside the data dir are ever deleted, whatever a domain's metadata says,
 * so a base image never is.
 */
export class VmFiles {
  readonly dataDir: string;

  constructor(
    dataDir: string,
    private readonly log?: Logger,
  ) {
    this.dataDir = resolve(dataDir);
  }

  folderOf(uuid: string): string {
    return join(this.dataDir, uuid);
  }

  inside(path: string): boolean {
    return resolve(path).startsWith(this.dataDir + sep);
  }

  /** Deletes the VM's files and then its folder, if empty; a file already gone is fine. */
  async remove(uuid: string, files: string[]): Promise<void> {
    for (const file of files) {
      if (!this.inside(file)) {
        this.log?.warn(`not deleting ${file}: it is outside ${this.dataDir}`);
        continue;
      }
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
    await rmdir(this.folderOf(uuid)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') this.log?.warn(`kept ${this.folderOf(uuid)}: ${error.message}`);
    });
  }
}
