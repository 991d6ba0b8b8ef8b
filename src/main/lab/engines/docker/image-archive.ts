import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { NotATarError, TarEntryScanner } from './tar-scanner';

/** `docker save` output (manifest.json at the top) or a plain root filesystem. */
import type { ArchiveKind } from '@shared/containers';

export type { ArchiveKind };

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Tells how to import a tarball: `docker load` for a saved image, `docker import` for a root
 * filesystem. Reads tar headers only (gzip is unpacked on the fly) and stops at manifest.json.
 * Rejects with NotATarError for anything that is not a tar archive.
 */
export async function detectArchiveKind(file: string): Promise<ArchiveKind> {
  const handle = await open(file, 'r');
  let magic: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    magic = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const gzipped = magic.length === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
  const raw = createReadStream(file);
  const stream = gzipped ? raw.pipe(createGunzip()) : raw;

  return new Promise<ArchiveKind>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: ArchiveKind | Error) => {
      if (settled) return;
      settled = true;
      raw.destroy();
      stream.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const scanner = new TarEntryScanner((path) => {
      if (path === 'manifest.json') settle('docker-save');
    });
    stream.on('data', (chunk: Buffer) => {
      try {
        scanner.write(chunk);
        if (scanner.ended) settle('rootfs');
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
    stream.on('end', () =>
      settle(scanner.headersRead > 0 ? 'rootfs' : new NotATarError('the file holds no tar entries')),
    );
    const fail = (error: Error) =>
      settle(gzipped ? new NotATarError(`not readable gzip: ${error.message}`) : error);
    stream.on('error', fail);
    raw.on('error', (error) => settle(error));
  });
}
