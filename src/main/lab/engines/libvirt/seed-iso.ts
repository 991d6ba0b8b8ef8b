import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMetaData, buildUserData, type SeedSettings } from '../../vms/cloud-init';
import { runTool } from './tools';

/** cloud-init's NoCloud data source finds its seed by this volume label. */
export const SEED_VOLUME_LABEL = 'cidata';

/** Writes the NoCloud seed ISO (user-data + meta-data, Joliet + Rock Ridge) to `isoPath`. */
export async function writeSeedIso(isoPath: string, settings: SeedSettings): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'twinlab-seed-'));
  try {
    const userData = join(staging, 'user-data');
    const metaData = join(staging, 'meta-data');
    await writeFile(userData, buildUserData(settings), { mode: 0o600 });
    await writeFile(metaData, buildMetaData(settings), { mode: 0o600 });
    await runTool(
      'xorriso',
      [
        '-as',
        'mkisofs',
        '-quiet',
        '-output',
        isoPath,
        '-volid',
        SEED_VOLUME_LABEL,
        '-joliet',
        '-rock',
        userData,
        metaData,
      ],
      {
        timeoutMs: 60_000,
      },
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
