import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, readdir, stat, statfs } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { findGroup, parseGroupLine } from './groups';
import type { DeviceAccess, GroupEntry, HostProbe } from './probe';

const run = promisify(execFile);
const COMMAND_TIMEOUT_MS = 5_000;

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

async function canAccess(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}

async function deviceAccess(path: string): Promise<DeviceAccess> {
  try {
    await stat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { exists: false, readable: false, writable: false };
    throw error;
  }
  const [readable, writable] = await Promise.all([
    canAccess(path, constants.R_OK),
    canAccess(path, constants.W_OK),
  ]);
  return { exists: true, readable, writable };
}

/** Searches PATH itself instead of running `which`, which some minimal systems lack. */
async function which(tool: string): Promise<string | null> {
  const directories = (process.env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  for (const directory of directories) {
    const candidate = join(directory, tool);
    try {
      if ((await stat(candidate)).isFile() && (await canAccess(candidate, constants.X_OK))) return candidate;
    } catch {
      // Not in this directory; keep looking.
    }
  }
  return null;
}

/** `getent` also sees groups from LDAP/SSSD; /etc/group is the fallback where getent is missing. */
async function lookupGroup(name: string): Promise<GroupEntry | null> {
  try {
    const { stdout } = await run('getent', ['group', name], { timeout: COMMAND_TIMEOUT_MS });
    return parseGroupLine(stdout.split('\n')[0] ?? '');
  } catch (error) {
    const code = errorCode(error);
    // getent exits with 2 when the key is not found.
    if (code === 2) return null;
    if (code === 'ENOENT') return findGroup(await readFile('/etc/group', 'utf8'), name);
    throw error;
  }
}

export const realHostProbe: HostProbe = {
  readFile: (path) => readFile(path, 'utf8'),
  deviceAccess,
  listModules: () => readdir('/sys/module'),
  which,
  exists: (path) => canAccess(path, constants.F_OK),
  async freeBytes(path) {
    const stats = await statfs(path);
    // bavail, not bfree: the blocks reserved for root are not available to the lab.
    return stats.bavail * stats.bsize;
  },
  async user() {
    const { uid, gid, username } = userInfo();
    return { uid, gid, username };
  },
  async processGroups() {
    const { stdout } = await run('id', ['-Gn'], { timeout: COMMAND_TIMEOUT_MS });
    return stdout
      .trim()
      .split(/\s+/)
      .filter((name) => name !== '');
  },
  lookupGroup,
};
