/**
 * The pty backend with a real /bin/sh on this host: the path a VM's `virsh console` and the host
 * shell take. Needs no engine, so it never skips.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ptyBackend } from '../../../src/main/lab/consoles/backends/pty';
import type { ConnectBackend } from '../../../src/main/lab/consoles/backends/types';
import { Harness } from './console-harness';

const harness = new Harness();
const hostShell: ConnectBackend = async ({ cols, rows }) =>
  ptyBackend('/bin/sh', [], {
    cols,
    rows,
    cwd: '/tmp',
    env: { PATH: process.env['PATH'], HOME: '/tmp', PS1: '$ ', LANG: 'C.UTF-8' },
  });

afterAll(() => harness.closeAll());

describe('pty backend: /bin/sh on this host', () => {
  it('runs what is typed', async () => {
    const viewer = await harness.open(hostShell);
    await viewer.run('echo hello-$((6*7))', 'hello-42');
    expect(harness.manager.info(viewer.id).state).toBe('open');
  });

  it('passes the size at start and on resize', async () => {
    const viewer = await harness.open(hostShell, 'size', 91, 27);
    await viewer.run('stty size', '27 91');
    harness.manager.resize(viewer.id, 132, 43);
    await viewer.run('stty size', '43 132');
  });

  it('carries UTF-8 both ways', async () => {
    const viewer = await harness.open(hostShell);
    await viewer.run("printf '%s-%s\\n' 漢字 한국어", '漢字-한국어');
  });

  it('goes disconnected when the shell exits and starts a new one on reconnect, same id', async () => {
    const viewer = await harness.open(hostShell);
    viewer.type('exit 3\r');
    const detail = await harness.waitForState(viewer.id, 'disconnected');
    expect(detail).toEqual({ reason: 'exited', exitCode: 3 });
    await viewer.waitFor('[the shell ended with exit code 3]');
    await harness.manager.reconnect(viewer.id);
    await viewer.run('echo again-$((1+1))', 'again-2');
  });

  it('ends the shell when the session closes', async () => {
    const viewer = await harness.open(hostShell);
    const out = await viewer.run('echo pid=$$', /pid=(\d+)/);
    const pid = Number(/pid=(\d+)/.exec(out)?.[1]);
    expect(() => process.kill(pid, 0)).not.toThrow();
    await harness.manager.close(viewer.id);
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
