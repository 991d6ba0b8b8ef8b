import { execFile } from 'node:child_process';
import { vmError, vmErrorWith } from '../../vms/errors';

/** Debian package that provides each external program, for the "install it" advice. */
const packages = {
  'qemu-img': 'qemu-utils',
  xorriso: 'xorriso',
  virsh: 'libvirt-clients',
  prlimit: 'util-linux',
} as const;
export type ToolName = keyof typeof packages;

/** prlimit(1) options, e.g. `--as=1073741824`: the program runs under these resource limits. */
export type ResourceLimits = string[];

/**
 * Runs a program with an argument array (no shell); a missing program or a failure becomes an
 * ApiError. With `limits` it runs under prlimit, which execs it with those limits set.
 */
export function runTool(
  tool: ToolName,
  args: string[],
  options: { timeoutMs?: number; signal?: AbortSignal; limits?: ResourceLimits } = {},
): Promise<string> {
  const [program, argv] = options.limits
    ? (['prlimit', [...options.limits, '--', tool, ...args]] as const)
    : ([tool, args] as const);
  return new Promise((resolve, reject) => {
    execFile(
      program,
      argv,
      {
        timeout: options.timeoutMs ?? 120_000,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        ...(options.signal && { signal: options.signal }),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(vmError('toolMissing', { tool: program, package: packages[program] }));
        }
        // prlimit ran but found no such program to exec.
        if (program === 'prlimit' && /prlimit: failed to execute .*No such file/.test(stderr)) {
          return reject(vmError('toolMissing', { tool, package: packages[tool] }));
        }
        const detail = (stderr || error.message).trim().split('\n').slice(-3).join(' ');
        reject(vmErrorWith({ cause: error }, 'toolFailed', { tool, detail }));
      },
    );
  });
}
