import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Leftovers } from '@shared/vms';
import { UUID_PATTERN, type Domains } from './domains';
import type { VmFiles } from './vm-files';

/** What crashes leave behind: Twinlab domains missing their files, and data-dir folders no domain owns. */
export class VmLeftovers {
  constructor(
    private readonly domains: Domains,
    private readonly files: VmFiles,
  ) {}

  async find(): Promise<Leftovers> {
    const { domains, files } = this;
    const known = new Set<string>();
    const brokenDomains: Leftovers['brokenDomains'] = [];
    for (const domain of await domains.all()) {
      const facts = await domains.facts(domain).catch(() => undefined);
      if (!facts) continue;
      known.add(facts.uuid.toLowerCase());
      if (!facts.metadata || domains.busy.has(facts.uuid)) continue;
      // Only VMs whose files live in this data dir: on a shared qemu:///system another user's
      // Twinlab VMs are visible too, and their files are theirs to judge.
      const paths = facts.metadata.files.map((file) => file.path);
      if (paths.length === 0 || !paths.every((path) => files.inside(path))) continue;
      const missingFiles: string[] = [];
      for (const path of paths) {
        if (await isMissing(path)) missingFiles.push(path);
      }
      if (missingFiles.length > 0) brokenDomains.push({ id: facts.uuid, name: facts.name, missingFiles });
    }
    const orphanFolders: Leftovers['orphanFolders'] = [];
    for (const entry of await readDirSafe(files.dataDir)) {
      if (!UUID_PATTERN.test(entry) || known.has(entry.toLowerCase()) || domains.busy.has(entry)) continue;
      const path = join(files.dataDir, entry);
      if (!(await stat(path)).isDirectory()) continue;
      orphanFolders.push({ path, files: (await readDirSafe(path)).map((name) => join(path, name)) });
    }
    return { brokenDomains, orphanFolders };
  }

  /** Removes what find() reports now (it looks again rather than trusting an old report). */
  async cleanup(): Promise<Leftovers> {
    const leftovers = await this.find();
    for (const broken of leftovers.brokenDomains) {
      const { domain, name, uuid, metadata } = await this.domains.managed(broken.id);
      await domain.destroy().catch(() => undefined);
      await this.domains.call(name, () => domain.undefine());
      await this.files.remove(
        uuid,
        metadata.files.map((file) => file.path),
      );
    }
    for (const orphan of leftovers.orphanFolders) {
      // Only UUID-named folders directly in the data dir are ever listed as orphans.
      await rm(orphan.path, { recursive: true, force: true });
    }
    return leftovers;
  }
}

/** Gone for sure (ENOENT); a file we may not read is not "missing". */
async function isMissing(path: string): Promise<boolean> {
  try {
    await stat(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

async function readDirSafe(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
