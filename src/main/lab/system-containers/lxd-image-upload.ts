import { openAsBlob } from 'node:fs';
import { Agent, FormData, fetch } from 'undici';
import { LxdApiError, type LxdClient } from '../engines/lxd/client';

export interface SplitImageFiles {
  /** The metadata tarball (lxd.tar.xz: metadata.yaml and templates). */
  metadata: string;
  /** The root filesystem (squashfs or tarball). */
  rootfs: string;
}

/**
 * Imports a split image the way `lxc image import META ROOTFS` does: POST /1.0/images as
 * multipart/form-data, the part "metadata" before "rootfs" (LXD reads them in that order and
 * fingerprints both together). undici's fetch streams both files from disk over the unix socket,
 * which node:http would need a hand-written multipart encoder for. Returns the new fingerprint.
 */
export async function uploadSplitImage(
  client: LxdClient,
  files: SplitImageFiles,
  signal?: AbortSignal,
): Promise<string> {
  const agent = new Agent({ connect: { socketPath: client.socketPath } });
  let operation: string | undefined;
  try {
    const form = new FormData();
    form.append('metadata', await openAsBlob(files.metadata), 'metadata');
    form.append('rootfs', await openAsBlob(files.rootfs), 'rootfs');
    const response = await fetch('http://lxd/1.0/images', {
      method: 'POST',
      body: form,
      dispatcher: agent,
      ...(signal && { signal }),
    });
    const envelope = (await response.json()) as { type?: string; error?: string; operation?: string };
    if (envelope.type === 'error' || !response.ok)
      throw new LxdApiError(envelope.error || `HTTP ${response.status}`, response.status);
    operation = envelope.operation;
  } catch (error) {
    if (error instanceof LxdApiError || signal?.aborted) throw error;
    throw new LxdApiError(`POST /1.0/images: ${error instanceof Error ? error.message : String(error)}`, 0);
  } finally {
    await agent.close();
  }
  if (!operation) throw new LxdApiError('POST /1.0/images started no operation', 0);
  const done = await client.wait(operation, 600);
  const fingerprint = done.metadata?.['fingerprint'];
  if (typeof fingerprint !== 'string') throw new LxdApiError('the image import named no fingerprint', 0);
  return fingerprint;
}
