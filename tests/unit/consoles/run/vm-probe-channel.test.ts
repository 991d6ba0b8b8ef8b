/**
 * VmProbeChannel over a real pty, with a local stand-in for the guest's probe shell (BusyBox sh
 * reading lines from its terminal as the guest's shell reads ttyS1) instead of `virsh console`:
 * runs one at a time in order, a silent channel (nothing answers) is reported before anything is
 * sent, and a channel whose program ended says so. The real VM is in tests/integration/vms.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ptyBackend } from '../../../../src/main/lab/consoles/backends/pty';
import { SILENT, VmProbeChannel } from '../../../../src/main/lab/consoles/run/vm-probe-channel';

/** A shell that reads and runs one line at a time from its terminal, like the guest's probe shell. */
const probeShell = 'stty -echo; while IFS= read -r line; do eval "$line"; done';
const channels: VmProbeChannel[] = [];

function channel(script: string): VmProbeChannel {
  const made = new VmProbeChannel(() =>
    ptyBackend('busybox', ['sh', '-c', script], { cols: 1000, rows: 50 }),
  );
  channels.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(channels.splice(0).map((made) => made.dispose()));
});

describe('VmProbeChannel', () => {
  it('runs commands one at a time, in order, each with its own output and exit code', async () => {
    const probes = channel(probeShell);
    const [first, second, third] = await Promise.all([
      probes.run('sleep 0.3; echo first', 5000),
      probes.run('echo second; exit 4', 5000),
      probes.run('echo "$((6*7))" >&2', 5000),
    ]);
    expect(first).toEqual({ output: 'first', exitCode: 0, timedOut: false });
    expect(second).toEqual({ output: 'second', exitCode: 4, timedOut: false });
    expect(third).toEqual({ output: '42', exitCode: 0, timedOut: false });
  });

  it.each([['dash'], ['busybox', 'sh']])(
    'works with an interactive %s that has the tty as its controlling terminal (job control on)',
    async (...shell) => {
      // A cloud image's probe service: sh on ttyS1, which becomes its controlling terminal.
      const [file = 'sh', ...args] = shell;
      const probes = new VmProbeChannel(() => ptyBackend(file, [...args, '-i'], { cols: 1000, rows: 50 }));
      channels.push(probes);
      expect(await probes.run('sleep 0.2; echo "$((6*7))"; exit 5', 5000)).toEqual({
        output: '42',
        exitCode: 5,
        timedOut: false,
      });
    },
  );

  it('stops a command at its timeout and goes on with the next', async () => {
    const probes = channel(probeShell);
    expect(await probes.run('echo started; sleep 30', 1000)).toEqual({
      output: 'started',
      exitCode: null,
      timedOut: true,
    });
    expect(await probes.run('echo next', 5000)).toMatchObject({ output: 'next', exitCode: 0 });
  });

  it('calls a channel nobody answers silent, without sending the command', async () => {
    const received = join(await mkdtemp(join(tmpdir(), 'tl-probe-channel-')), 'received');
    const probes = channel(`stty -echo; exec cat > ${received}`);
    const started = Date.now();
    expect(await probes.run('echo never', 800)).toBe(SILENT);
    expect(Date.now() - started).toBeLessThan(3000);
    const sent = await readFile(received, 'utf8');
    expect(sent).toMatch(/^printf 'TWLP-%s-pong\\n' [0-9a-f]+\n$/);
    await rm(dirname(received), { recursive: true });
  });

  it('says what the program printed when it ended (a domain that is not running)', async () => {
    const probes = channel("echo 'error: Requested operation is not valid: domain is not running'; exit 1");
    await expect(probes.run('echo never', 5000)).rejects.toThrow(/domain is not running/);
  });
});
