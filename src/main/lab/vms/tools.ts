import { execFile } from 'node:child_process';
import { vmError } from './errors';

/** Debian package that provides each external program, for the "install it" advice. */
const packages = { 'qemu-img': 'qemu-utils', xorriso: 'xorriso', virsh: 'libvirt-clients' } as const;
export type ToolName = keyof typeof packages;

/** Runs a program with an argument array (no shell); a missing program or a failure becomes an ApiError. */
export function runTool(
  tool: ToolName,
  args: string[],
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      {
        timeout: options.timeoutMs ?? 120_000,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        ...(options.signal && { signal: options.signal }),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(vmError('toolMissing', { tool, package: packages[tool] }));
        }
        const detail = (stderr || error.message).trim().split('\n').slice(-3).join(' ');
        reject(Object.assign(vmError('toolFailed', { tool, detail }), { cause: error }));
      },
    );
  });
}
