/**
 * A reopened VM console redraws its prompt by a size change alone (brief s5/h4 item 2): the size
 * command with `redraw` makes the kernel signal SIGWINCH to the terminal's shell even when the size
 * is already right, and leaves the same size behind; without it the same size sends nothing. A real
 * pty stands in for the guest's ttyS0, its shell reporting each SIGWINCH.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as pty from 'node-pty';
import { afterEach, expect, it } from 'vitest';
import {
  stopSizeKeeperCommand,
  sttySizeCommand,
} from '../../../../src/main/lab/consoles/run/vm-probe-protocol';

const run = promisify(execFile);
let terminal: pty.IPty | undefined;
let ttyName: string | undefined;

afterEach(async () => {
  if (ttyName) await run('sh', ['-c', stopSizeKeeperCommand(ttyName)]);
  terminal?.kill();
});

it('signals the shell for a redraw at the same size, and not without redraw', async () => {
  terminal = pty.spawn('sh', ['-c', 'trap "echo WINCH" WINCH; tty; while :; do sleep 0.1; done'], {
    cols: 100,
    rows: 30,
  });
  let out = '';
  terminal.onData((data) => (out += data));
  const until = async (done: () => boolean) => {
    for (let waited = 0; !done() && waited < 5000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
  };
  await until(() => /\/dev\/pts\/\d+/.test(out));
  ttyName = /\/dev\/(pts\/\d+)/.exec(out)?.[1] ?? '';
  const winches = () => out.split('WINCH').length - 1;

  await run('sh', ['-c', sttySizeCommand(ttyName, 100, 30)]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(winches()).toBe(0);

  await run('sh', ['-c', sttySizeCommand(ttyName, 100, 30, true)]);
  await until(() => winches() > 0);
  expect(winches()).toBeGreaterThan(0);
  expect((await run('stty', ['-F', `/dev/${ttyName}`, 'size'])).stdout.trim()).toBe('30 100');
});
