/**
 * Where a VM probe goes: through the VM's probe channel when it answers, else typed at an idle
 * prompt (an older domain without the port, or a guest that starts no probe shell), and then a
 * busy console says why the probe was typed at all. The channel itself is tested on a real VM
 * (tests/integration/vms/probe-channel.test.ts); here only the routing, with stand-ins.
 */
import { describe, expect, it } from 'vitest';
import type { ConsoleRunResult } from '../../../../src/shared/compare';
import { ExecRunner } from '../../../../src/main/lab/consoles/run/exec-runner';
import type { NoProbeChannel } from '../../../../src/main/lab/consoles/run/vm-probes';
import type { SideRunResult } from '../../../../src/main/lab/consoles/run/side-output';
import { twinMessage } from '../../../../src/main/lab/twins/errors';

const target = { kind: 'vm' as const, guestId: 'vm-1' };

function runner(channel: SideRunResult | NoProbeChannel, typed: ConsoleRunResult) {
  const calls: string[] = [];
  const exec = new ExecRunner({
    docker: () => {
      throw new Error('no docker in this test');
    },
    containers: { assertManaged: async () => undefined },
    vms: {
      sideRun: async (id, command) => {
        calls.push(`channel ${id} ${command}`);
        return channel;
      },
    },
    typing: {
      runOn: async (_target, command, _timeoutMs, options) => {
        calls.push(`typed ${command} idle=${String(options?.onlyWhenIdle)}`);
        return typed;
      },
    },
    env: {},
  });
  return { exec, calls };
}

const busy: ConsoleRunResult = {
  target,
  ok: false,
  error: twinMessage('consoleBusy'),
  output: '',
  durationMs: 1,
};

describe('VM probe routing', () => {
  it('answers from the probe channel and types nothing', async () => {
    const { exec, calls } = runner({ output: '6.1.0', exitCode: 0, timedOut: false }, busy);
    expect(await exec.runOn(target, 'uname -r', 5000)).toMatchObject({
      ok: true,
      output: '6.1.0',
      exitCode: 0,
    });
    expect(calls).toEqual(['channel vm-1 uname -r']);
  });

  it('reports a probe the guest stopped at the timeout', async () => {
    const { exec } = runner({ output: 'started', exitCode: null, timedOut: true }, busy);
    expect(await exec.runOn(target, 'sleep 9', 2000)).toMatchObject({
      ok: false,
      output: 'started',
      error: { key: 'twins.error.probeTimeout' },
    });
  });

  it.each<NoProbeChannel>(['no-device', 'silent'])(
    'without a channel (%s) types only at an idle prompt, and a busy console says why',
    async (why) => {
      const { exec, calls } = runner(why, busy);
      const result = await exec.runOn(target, 'hostname', 5000);
      expect(calls).toEqual(['channel vm-1 hostname', 'typed hostname idle=true']);
      expect(result).toMatchObject({ ok: false, error: { key: 'twins.error.consoleBusyNoProbeChannel' } });
    },
  );

  it('keeps an answer typed at an idle prompt as it is', async () => {
    const typed: ConsoleRunResult = { target, ok: true, output: 'twinlab-microvm', durationMs: 300 };
    const { exec } = runner('no-device', typed);
    expect(await exec.runOn(target, 'hostname', 5000)).toEqual(typed);
  });
});
