import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fixtureTemplatesDir } from '../support/fixtures';

/** CPU time a process has used, in seconds (utime + stime from /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return ((fields[11] ?? 0) + (fields[12] ?? 0)) / 100;
}

/** A request the server refuses and logs: a Host header that is not its own. */
function refusedRequest(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', headers: { Host: 'elsewhere.example' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

// The browser-mode server started from a terminal or a pipe whose reader then goes away: its log
// lines fail with EPIPE. That once became a loop (the failed line's error logged, and failing in
// turn) that kept a core busy and outlived SIGTERM.
describe('the browser-mode server once nobody reads its output', () => {
  it('stays quiet, keeps serving, and ends on SIGTERM', async () => {
    const child = spawn(process.execPath, ['out/main/serve.js', '--port', '0'], {
      env: {
        ...process.env,
        TWINLAB_TOKEN: randomBytes(16).toString('hex'),
        TWINLAB_EXTRA_TEMPLATES: fixtureTemplatesDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const match = /^Twinlab is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
          if (match?.[1]) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      child.stdout.destroy();
      child.stderr.destroy();
      // Refused requests are logged: each log line now meets a closed pipe.
      for (let i = 0; i < 3; i++) expect(await refusedRequest(port)).toBeGreaterThanOrEqual(400);

      const pid = child.pid ?? 0;
      const before = await cpuSeconds(pid);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const busy = ((await cpuSeconds(pid)) - before) / 3;
      // Idle, the server uses a few per cent of a core at most; the loop used a whole one's share.
      expect(busy).toBeLessThan(0.1);
      expect(await refusedRequest(port)).toBeGreaterThanOrEqual(400);

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
      ]);
      expect(ended).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
