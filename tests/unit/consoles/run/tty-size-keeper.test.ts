/**
 * The VM terminal size command through BusyBox sh and dash against a real pty standing in for the
 * guest's ttyS0: it sets the size, puts it back when something resets it (a getty opening the
 * serial port afresh sets 24×80), a newer size replaces the keeper, and the stop command ends it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import * as pty from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import {
  stopSizeKeeperCommand,
  sttySizeCommand,
} from '../../../../src/main/lab/consoles/run/vm-probe-protocol';

const run = promisify(execFile);
const shells = [['busybox', 'sh'], ['dash']].filter(
  ([file]) => existsSync(`/usr/bin/${file}`) || existsSync(`/bin/${file}`),
);
const opened: pty.IPty[] = [];

afterEach(() => {
  for (const terminal of opened.splice(0)) terminal.kill();
});

/** A pty held open by a sleeping program, as a getty holds the guest's ttyS0; answers its name under /dev. */
async function heldTerminal(): Promise<string> {
  const terminal = pty.spawn('sh', ['-c', 'tty; exec sleep 60'], { cols: 80, rows: 24 });
  opened.push(terminal);
  const path = await new Promise<string>((resolve) => {
    let out = '';
    terminal.onData((data) => {
      out += data;
      const match = /\/dev\/(pts\/\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return path;
}

async function sizeOf(tty: string): Promise<string> {
  return (await run('stty', ['-F', `/dev/${tty}`, 'size'])).stdout.trim();
}

async function sizeBecomes(tty: string, wanted: string, withinMs: number): Promise<string> {
  const deadline = Date.now() + withinMs;
  let size = await sizeOf(tty);
  while (size !== wanted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    size = await sizeOf(tty);
  }
  return size;
}

describe.each(shells)('the VM terminal size keeper in %s', (file = 'sh', ...args) => {
  const sh = (command: string) => run(file, [...args, '-c', command], { timeout: 10_000 });

  it('sets the size, restores it after a reset, yields to a newer size and stops when told', async () => {
    const tty = await heldTerminal();
    await sh(sttySizeCommand(tty, 120, 40));
    expect(await sizeOf(tty)).toBe('40 120');

    await run('stty', ['-F', `/dev/${tty}`, 'rows', '24', 'cols', '80']);
    expect(await sizeBecomes(tty, '40 120', 5000)).toBe('40 120');

    await sh(sttySizeCommand(tty, 100, 30));
    await run('stty', ['-F', `/dev/${tty}`, 'rows', '24', 'cols', '80']);
    // Only the newer keeper is left: the size comes back as 30×100, never as the old 40×120.
    expect(await sizeBecomes(tty, '30 100', 5000)).toBe('30 100');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await sizeOf(tty)).toBe('30 100');

    await sh(stopSizeKeeperCommand(tty));
    await run('stty', ['-F', `/dev/${tty}`, 'rows', '24', 'cols', '80']);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await sizeOf(tty)).toBe('24 80');
  }, 30_000);

  it('fails when the terminal cannot be sized, and leaves no keeper behind', async () => {
    await expect(sh(sttySizeCommand('pts/does-not-exist', 120, 40))).rejects.toMatchObject({ code: 1 });
  });
});
