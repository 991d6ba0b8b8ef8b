import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { mirrorConfigSchema, type MirrorConfig, type MirrorSource } from '@shared/mirrors';
import { mirrorError } from './mirror-messages';

export interface ActiveMirror {
  source: MirrorSource;
  /** The file it was read from, for the user's and the machine's setting. */
  file?: string;
  config: MirrorConfig;
}

const FILE_NAME = 'mirrors.yaml';

/**
 * The mirror setting in use. Sources, first found wins as a whole: the user's own file
 * ($XDG_CONFIG_HOME/twinlab/mirrors.yaml, written from the Host page), TWINLAB_MIRROR, then the
 * machine's file in $XDG_CONFIG_DIRS (default /etc/xdg/twinlab/mirrors.yaml) an instructor prepares.
 * Read on every use, so a change on the Host page or in the file applies to the next download.
 */
export class MirrorSettings {
  constructor(
    private readonly env: Record<string, string | undefined>,
    /** $XDG_CONFIG_HOME/twinlab */
    private readonly userConfigDir: string,
  ) {}

  get userFile(): string {
    return join(this.userConfigDir, FILE_NAME);
  }

  /** Candidate machine-wide files, most important first (the XDG base directory order). */
  get systemFiles(): string[] {
    const dirs = (this.env['XDG_CONFIG_DIRS'] || '/etc/xdg').split(':').filter((dir) => dir !== '');
    return dirs.map((dir) => join(dir, 'twinlab', FILE_NAME));
  }

  /** Throws a sentence naming the file (or variable) and the field when the setting in use is invalid. */
  async active(): Promise<ActiveMirror> {
    const user = await readOptional(this.userFile);
    if (user !== undefined)
      return { source: 'user', file: this.userFile, config: parseFile(user, this.userFile) };
    const variable = this.env['TWINLAB_MIRROR']?.trim();
    if (variable) return { source: 'env', config: parseEnv(variable) };
    for (const file of this.systemFiles) {
      const text = await readOptional(file);
      if (text !== undefined) return { source: 'system', file, config: parseFile(text, file) };
    }
    return { source: 'none', config: {} };
  }

  /** Saves the user's own setting; an empty one means "no mirror for me", whatever the machine says. */
  async save(config: MirrorConfig): Promise<void> {
    const valid = mirrorConfigSchema.parse(config);
    await mkdir(dirname(this.userFile), { recursive: true });
    const temporary = `${this.userFile}.${process.pid}.tmp`;
    await writeFile(temporary, `# Twinlab's mirror setting for this user (Host page).\n${stringify(valid)}`);
    await rename(temporary, this.userFile);
  }

  /** Forgets the user's setting: TWINLAB_MIRROR or the machine's file apply again. */
  async clear(): Promise<void> {
    await unlink(this.userFile).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw mirrorError('invalidFile', {
      file,
      field: 'the file',
      problem: `cannot be read (${(error as Error).message})`,
    });
  }
}

function parseFile(text: string, file: string): MirrorConfig {
  let value: unknown;
  try {
    value = parse(text) ?? {};
  } catch (error) {
    throw mirrorError('invalidFile', {
      file,
      field: 'the file',
      problem: `is not YAML (${(error as Error).message.split('\n')[0] ?? ''})`,
    });
  }
  const parsed = mirrorConfigSchema.safeParse(value);
  if (!parsed.success)
    throw mirrorError('invalidFile', { file, ...describeIssue(parsed.error) });
  return parsed.data;
}

/** `TWINLAB_MIRROR=http://host:8787` (the HTTP mirror alone) or the file's fields as YAML flow, `{http: …, registry: …}`. */
export function parseEnv(value: string): MirrorConfig {
  let candidate: unknown;
  if (/^https?:\/\//i.test(value)) candidate = { http: value };
  else {
    try {
      candidate = parse(value);
    } catch {
      candidate = value;
    }
  }
  const parsed = mirrorConfigSchema.safeParse(candidate);
  if (!parsed.success)
    throw mirrorError('invalidEnv', describeIssue(parsed.error));
  return parsed.data;
}

function describeIssue(error: z.ZodError): { field: string; problem: string } {
  const issue = error.issues[0];
  if (!issue) return { field: 'the setting', problem: 'is not valid' };
  if (issue.code === 'unrecognized_keys')
    return {
      field: `“${issue.keys.join('”, “')}”`,
      problem: 'is not a mirror field (use http and registry)',
    };
  if (issue.path.length === 0)
    return { field: 'the setting', problem: 'must be a mapping with http and registry' };
  return { field: `“${issue.path.join('.')}”`, problem: issue.message };
}
