import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * virsh, for what @unraid/libvirt has no API for (library/daemon version, networks, later
 * consoles and memory stats). Arguments are passed as an array: no shell is involved.
 */
export async function virsh(uri: string, args: string[], timeoutMs = 10_000): Promise<string> {
  const { stdout } = await run('virsh', ['-c', uri, ...args], { timeout: timeoutMs, encoding: 'utf8' });
  return stdout;
}

/** "Running against daemon: 9.0.0" → "9.0.0" */
export function parseDaemonVersion(output: string): string | undefined {
  return /Running against daemon:\s*(\S+)/.exec(output)?.[1];
}
