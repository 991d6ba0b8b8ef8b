import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { z } from 'zod';
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

const manifestSchema = z.array(z.looseObject({ RepoTags: z.array(z.string()).nullish() }));

/**
 * The names a `docker save` archive carries (manifest.json's RepoTags), read before loading it:
 * `docker load` moves each of those names onto the archive's image, whatever they named before.
 * tar-stream reads the archive once (gzip unpacked on the fly), skipping the layers' data.
 */
export async function archiveRepoTags(file: string): Promise<string[]> {
  const reader = extract();
  const raw = createReadStream(file);
  raw.on('error', (error) => reader.destroy(error));
  ((await isGzip(file)) ? raw.pipe(createGunzip()).on('error', (error) => reader.destroy(error)) : raw).pipe(
    reader,
  );
  let tags: string[] = [];
  for await (const entry of reader) {
    if (entry.header.name.replace(/^\.\//, '') !== 'manifest.json') {
      entry.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const manifest = manifestSchema.parse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    tags = manifest.flatMap((image) => image.RepoTags ?? []);
  }
  return tags;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}
