import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { SideOutput, type SideRunResult } from './side-output';

/**
 * `sh -c <command>` on the host, from the home folder like the host terminal, without touching
 * that terminal. The browser-mode token is kept out of its environment, as for the terminal.
 */
export function hostSideRun(
  command: string,
  timeoutMs: number,
  env: Record<string, string | undefined>,
): Promise<SideRunResult> {
  const childEnv = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'TWINLAB_TOKEN'));
  const child = spawn('sh', ['-c', command], {
    cwd: homedir(),
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new SideOutput();
  child.stdout.on('data', (chunk: Buffer) => output.add('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => output.add('stderr', chunk));
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ output: output.text(), exitCode: timedOut ? null : code, timedOut });
    });
  });
}
