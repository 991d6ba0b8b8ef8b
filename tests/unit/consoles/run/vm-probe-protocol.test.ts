/**
 * The probe channel's framing, run through the shells the guests have (BusyBox ash as in the
 * microVM's initramfs, dash as Debian's /bin/sh) reading lines from a pipe, as the guest's probe
 * shell reads them from its serial port.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseProbeAnswer,
  partialProbeOutput,
  pingLine,
  pongSeen,
  probeLines,
} from '../../../../src/main/lab/consoles/run/vm-probe-protocol';

const shells = [['busybox', 'sh'], ['dash']].filter(
  ([file]) => existsSync(`/usr/bin/${file}`) || existsSync(`/bin/${file}`),
);

/** Feeds `lines` to a shell and returns everything it printed once `done` holds (or it ended). */
function throughShell(shell: string[], lines: string[], done: (out: string) => boolean): Promise<string> {
  const [file = 'sh', ...args] = shell;
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no answer; got ${JSON.stringify(out)}`));
    }, 15_000);
    const check = () => {
      if (!done(out)) return;
      clearTimeout(timer);
      child.stdin.end();
      resolve(out);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    for (const line of lines) child.stdin.write(line);
  });
}

describe.each(shells)('the probe protocol through %s', (...shell) => {
  it('answers a ping', async () => {
    const out = await throughShell(shell, [pingLine('a1')], (text) => pongSeen(text, 'a1'));
    expect(pongSeen(out, 'a1')).toBe(true);
    expect(pongSeen(pingLine('a1'), 'a1')).toBe(false); // the echoed line is no answer
  });

  it('returns output in order, the exit code, and quotes nothing', async () => {
    const command = `echo "it's \\"quoted\\" \\$HOME"; echo to-stderr >&2; printf 'no newline'; exit 3`;
    const lines = probeLines({ id: 'b2', command, timeoutSeconds: 5 });
    const out = await throughShell(shell, lines, (text) => parseProbeAnswer(text, 'b2') !== undefined);
    expect(parseProbeAnswer(out, 'b2')).toEqual({
      output: `it's "quoted" $HOME\nto-stderr\nno newline`,
      exitCode: 3,
      timedOut: false,
    });
    // The lines echoed back (before stty -echo takes effect) hold no marker.
    expect(parseProbeAnswer(lines.join(''), 'b2')).toBeUndefined();
  });

  it('carries a command longer than a tty line in chunks', async () => {
    const long = `echo ${'x'.repeat(9000)} | wc -c`;
    const lines = probeLines({ id: 'c3', command: long, timeoutSeconds: 5 });
    expect(lines.length).toBeGreaterThan(3);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(4096);
    const out = await throughShell(shell, lines, (text) => parseProbeAnswer(text, 'c3') !== undefined);
    expect(parseProbeAnswer(out, 'c3')).toMatchObject({
      output: expect.stringMatching(/^\s*9001$/),
      exitCode: 0,
    });
  });

  it('kills a command at the timeout with what it started, and says so', async () => {
    const started = Date.now();
    const lines = probeLines({ id: 'd4', command: 'echo started; sleep 30; echo never', timeoutSeconds: 1 });
    const out = await throughShell(shell, lines, (text) => parseProbeAnswer(text, 'd4') !== undefined);
    expect(parseProbeAnswer(out, 'd4')).toEqual({ output: 'started', exitCode: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(partialProbeOutput('noise\r\nTWLP-e5-begin\r\npart one\r\n', 'e5')).toBe('part one');
  });
});

describe('probe answers', () => {
  it('ignores output of other runs and reads CRLF from the serial line', () => {
    const received =
      'late output\r\nTWLP-old1-end-0\r\nTWLP-new2-begin\r\nline 1\r\n\r\nline 3\r\n\r\nTWLP-new2-end-0\r\nafter';
    expect(parseProbeAnswer(received, 'new2')).toEqual({
      output: 'line 1\n\nline 3',
      exitCode: 0,
      timedOut: false,
    });
    expect(parseProbeAnswer(received, 'old1')).toBeUndefined();
    expect(parseProbeAnswer('TWLP-x-begin\nhalf', 'x')).toBeUndefined();
  });
});
