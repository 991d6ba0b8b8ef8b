import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fixtureTemplatesDir } from './fixtures';

export interface RunningServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The server process, for benchmarks that read its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the built browser-mode server (out/main/serve.js) the way a user does, and reads the
 * one line it prints. The fixture templates are loaded as extra templates.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const token = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, ['out/main/serve.js', '--port', '0'], {
    env: { ...process.env, TWINLAB_TOKEN: token, TWINLAB_EXTRA_TEMPLATES: fixtureTemplatesDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^Twinlab is running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before it was ready:\n${stderr}`)),
    );
    setTimeout(() => reject(new Error(`server did not print its URL in 30 s:\n${stderr}`)), 30_000).unref();
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    pid: child.pid ?? 0,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
