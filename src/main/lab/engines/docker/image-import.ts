import type { ImportedImage, ImportImageInput } from '@shared/containers';

export type { ImportedImage, ImportImageInput };
import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { z } from 'zod';
import { ApiError } from '@shared/errors';
import { describeDockerError, engineApiError } from './docker-errors';
import { archiveRepoTags, detectArchiveKind, type ArchiveKind } from './image-archive';
import { parseImageReference } from '@shared/image-reference';
import { imageLabels } from './images';
import { readJsonLines } from './json-lines';
import { isTwinlabImage, labelChanges, twinlabImageLabels } from './labels';
import { containerError } from './messages';
import { asReadable } from './readable';
import { NotATarError } from './tar-scanner';
import { tarOf } from './tar-writer';

export interface ImportOptions {
  signal?: AbortSignal;
  now?: () => Date;
}

/** One line of Docker's load, import and build output streams. */
const outputLineSchema = z.looseObject({
  stream: z.string().optional(),
  status: z.string().optional(),
  aux: z.looseObject({ ID: z.string().optional() }).optional().catch(undefined),
  error: z.string().optional(),
  errorDetail: z.looseObject({ message: z.string().optional() }).optional().catch(undefined),
});
type OutputLine = z.output<typeof outputLineSchema>;

class OutputError extends Error {}

/**
 * Imports a tarball as one of Twinlab's images, offline. A `docker save` archive is loaded as it
 * is and then given Twinlab's labels (a one-step build adding LABEL, since loading cannot add
 * labels); a root filesystem is imported with the labels as `--change LABEL …`.
 */
export async function importImageArchive(
  docker: Docker,
  input: ImportImageInput,
  options: ImportOptions = {},
): Promise<ImportedImage> {
  const { signal, now = () => new Date() } = options;
  const file = input.file;
  try {
    await access(file, constants.R_OK);
  } catch {
    throw containerError('image.importFileMissing', { file });
  }
  // A FIFO or a device would block the reader (or never end): only a regular file can be an archive.
  if (!(await stat(file)).isFile()) throw containerError('image.importNotTar', { file });
  if (input.repoTag !== undefined && parseImageReference(input.repoTag) === undefined) {
    throw containerError('validate.imageInvalid', { image: input.repoTag });
  }
  let kind: ArchiveKind;
  try {
    kind = await detectArchiveKind(file);
  } catch (error) {
    if (error instanceof NotATarError) throw containerError('image.importNotTar', { file });
    throw containerError('image.importFileMissing', { file });
  }
  const labels = twinlabImageLabels({
    templateId: input.templateId ?? 'imported',
    createdAt: now().toISOString(),
  });
  try {
    return kind === 'rootfs'
      ? await importRootfs(docker, input, labels, signal)
      : await loadSaved(docker, input, labels, signal);
  } catch (error) {
    if (signal?.aborted) throw containerError('image.importCancelled', { file });
    if (error instanceof ApiError) throw error;
    const failure = describeDockerError(error);
    throw engineApiError(failure) ?? containerError('image.importFailed', { file, detail: failure.detail });
  }
}

async function importRootfs(
  docker: Docker,
  input: ImportImageInput,
  labels: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<ImportedImage> {
  if (input.repoTag === undefined) throw containerError('image.importNeedsName', { file: input.file });
  await refuseUsersNames(docker, [input.repoTag], input.file);
  const { repo, tag } = splitRepoTag(input.repoTag);
  const changes = [
    ...labelChanges(labels),
    ...(input.command ? [`CMD ${JSON.stringify(input.command)}`] : []),
  ];
  const stream = await docker.importImage(createReadStream(input.file), {
    repo,
    tag,
    changes,
    ...(signal && { abortSignal: signal }),
  });
  const lines = await readOutput(stream, signal);
  // docker import answers with the new image's ID as its status line.
  const id = lines.map((line) => line.status).find((status) => status?.startsWith('sha256:'));
  if (id === undefined) throw new OutputError('Docker did not report the new image');
  return { kind: 'rootfs', tags: [`${repo}:${tag}`], id };
}

async function loadSaved(
  docker: Docker,
  input: ImportImageInput,
  labels: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<ImportedImage> {
  await refuseUsersNames(
    docker,
    [...(await archiveRepoTags(input.file)), ...(input.repoTag !== undefined ? [input.repoTag] : [])],
    input.file,
  );
  const stream = await docker.loadImage(createReadStream(input.file), signal ? { abortSignal: signal } : {});
  const lines = await readOutput(stream, signal);
  const loaded = lines.flatMap((line) => {
    const match = /^Loaded image(?: ID)?: (\S+)/.exec(line.stream ?? '');
    return match?.[1] ? [match[1]] : [];
  });
  const tagged = loaded.filter((reference) => !reference.startsWith('sha256:'));
  // The archive's own names win: a given name only names an archive saved by image ID.
  const targets = tagged.length > 0 ? tagged : input.repoTag !== undefined ? [input.repoTag] : undefined;
  const source = tagged[0] ?? loaded[0];
  if (source === undefined) throw new OutputError('Docker loaded no image from the archive');
  if (targets === undefined) throw containerError('image.importUntagged', { file: input.file });

  let id = '';
  for (const target of targets) {
    const from = tagged.includes(target) ? target : source;
    const existing = await imageLabels(docker, from);
    // A saved Twinlab image keeps its labels; anything else gets a labelled copy under the same name.
    if (existing && isTwinlabImage(existing) && from === target) {
      id = (await docker.getImage(target).inspect()).Id;
      continue;
    }
    id = await buildLabelled(docker, from, target, labels, signal);
  }
  return { kind: 'docker-save', tags: targets, id };
}

/**
 * Loading or importing under a name moves that name, and relabelling would then make the user's
 * name look like Twinlab's (and removable by it). A name already on an image Twinlab did not add
 * is refused before anything is loaded; Twinlab's own names may be replaced.
 */
async function refuseUsersNames(docker: Docker, names: string[], file: string): Promise<void> {
  for (const name of names) {
    const labels = await imageLabels(docker, name);
    if (labels !== undefined && !isTwinlabImage(labels))
      throw containerError('image.importNameTaken', { file, image: name });
  }
}

/** `FROM source` + `LABEL …`, tagged as target: adds labels without a layer, offline. */
async function buildLabelled(
  docker: Docker,
  source: string,
  target: string,
  labels: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const label = Object.entries(labels)
    .map(([key, value]) => `${JSON.stringify(key)}=${JSON.stringify(value)}`)
    .join(' ');
  const context = tarOf([{ name: 'Dockerfile', content: `FROM ${source}\nLABEL ${label}\n` }]);
  const stream = await docker.buildImage(Readable.from([context]), {
    t: target,
    rm: true,
    forcerm: true,
    ...(signal && { abortSignal: signal }),
  });
  const lines = await readOutput(stream, signal);
  const id = lines.map((line) => line.aux?.ID).find((value) => value !== undefined);
  return id ?? (await docker.getImage(target).inspect()).Id;
}

async function readOutput(
  stream: NodeJS.ReadableStream,
  signal: AbortSignal | undefined,
): Promise<OutputLine[]> {
  const readable = asReadable(stream);
  const stop = () => readable.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  const lines: OutputLine[] = [];
  try {
    await readJsonLines(readable, (raw) => {
      const line = outputLineSchema.safeParse(raw);
      if (!line.success) return;
      if (line.data.error !== undefined)
        throw new OutputError(line.data.errorDetail?.message ?? line.data.error);
      lines.push(line.data);
    });
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) throw new OutputError('cancelled');
  return lines;
}

export function splitRepoTag(repoTag: string): { repo: string; tag: string } {
  const colon = repoTag.lastIndexOf(':');
  return colon > repoTag.lastIndexOf('/')
    ? { repo: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) }
    : { repo: repoTag, tag: 'latest' };
}
