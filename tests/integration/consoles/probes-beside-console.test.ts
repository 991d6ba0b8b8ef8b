/**
 * Issue #14 item 1: probes (Measure inside, the Compare page's probes, lesson checks) never type
 * into the learner's console. With `cat` running in a container's console and a half-typed line in
 * a sandbox's, every probe the Compare page offers answers through console.probe; afterwards
 * neither console shows a probe or a Ctrl+C, cat still echoes, and the half line runs when finished.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
/** The Compare page's probes (src/renderer/src/pages/compare/probes.ts, which this project cannot import). */
const probes = [
  { id: 'kernel', command: 'uname -r' },
  { id: 'processes', command: 'ps -e -o pid,comm' },
  { id: 'memory', command: 'head -2 /proc/meminfo' },
  { id: 'cpus', command: 'grep -c ^processor /proc/cpuinfo' },
  { id: 'mounts', command: 'head -12 /proc/mounts' },
  { id: 'network', command: 'cat /proc/net/dev' },
  { id: 'hostname', command: 'hostname' },
  {
    id: 'cgroup',
    command: 'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes',
  },
  { id: 'users', command: 'cat /proc/self/uid_map' },
];
const prefix = `tl-it-probe-${process.pid.toString(36)}`;

describe.skipIf(gate.skip)('probes beside the learner’s console', () => {
  let lab: Lab;
  let client: LabClient;
  beforeAll(async () => {
    // A token in the lab's environment, as browser mode has one: a host probe must not see it.
    ({ lab, client } = await startTestLab('docker', { TWINLAB_TOKEN: 'probe-test-token-not-for-the-shell' }));
  }, 60_000);
  afterAll(async () => {
    await run('docker', ['rm', '-f', `${prefix}-runc`, `${prefix}-runsc`, `${prefix}-slow`]).catch(
      () => undefined,
    );
    client?.close();
    await lab?.dispose();
  });

  async function containerWithConsole(runtime: 'runc' | 'runsc') {
    const guest = await client.call('containers.create', {
      spec: {
        image: 'twinlab-fixture/busybox:1',
        name: `${prefix}-${runtime}`,
        templateId: 'fixture-busybox',
        runtime,
        memoryMiB: 64,
      },
      operationId: `${prefix}-${runtime}`,
    });
    const target = { kind: 'container' as const, guestId: guest.id };
    const session = await client.call('console.open', { target, cols: 100, rows: 30 });
    await client.call('console.attach', { sessionId: session.id });
    // BusyBox ash asks where the cursor is (ESC[6n) at each prompt and waits: answer as xterm.js does.
    let answered = 0;
    const type = async (data: string) => {
      const asked = client.output(session.id).split('\x1b[6n').length - 1;
      // ash drops whatever arrives in the same read as the answer: answer first, type after a pause.
      for (; answered < asked; answered++) {
        await client.call('console.write', { sessionId: session.id, data: '\x1b[1;5R' });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await client.call('console.write', { sessionId: session.id, data });
    };
    const prompts = () => client.output(session.id).split('\x1b[6n').length - 1;
    await type('echo READY-$((6*7))\r');
    await client.waitFor(
      () => client.output(session.id).includes('READY-42'),
      `the ${runtime} shell`,
      30_000,
    );
    return { target, sessionId: session.id, type, prompts };
  }

  it('answers every probe while cat runs in one console and a line is half typed in the other', async () => {
    const container = await containerWithConsole('runc');
    const sandbox = await containerWithConsole('runsc');

    await client.waitFor(() => container.prompts() >= 1, 'the container prompt');
    await client.waitFor(() => sandbox.prompts() >= 1, 'the sandbox prompt');
    await container.type('cat\r');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await container.type('first line\r');
    await client.waitFor(
      () => client.output(container.sessionId).split('first line').length >= 3,
      'cat to echo its first line back',
    );
    await sandbox.type('echo half-typed');
    await client.waitFor(() => client.output(sandbox.sessionId).includes('echo half-typed'), 'the half line');
    const before = {
      container: client.output(container.sessionId).length,
      sandbox: client.output(sandbox.sessionId).length,
    };

    const started = Date.now();
    for (const probe of probes) {
      const results = await client.call('console.probe', {
        targets: [container.target, sandbox.target],
        command: probe.command,
        timeoutMs: 10_000,
      });
      for (const result of results) {
        expect(result, `${probe.id} in ${result.target.guestId}`).toMatchObject({
          ok: true,
          exitCode: expect.any(Number),
        });
        expect(result.output.trim(), probe.id).not.toBe('');
      }
    }
    const [kernel] = await client.call('console.probe', {
      targets: [sandbox.target],
      command: 'uname -r',
      timeoutMs: 10_000,
    });
    // gVisor reports its own kernel version, not the host's: the probe ran in the sandbox.
    expect(kernel?.ok && kernel.output).toBe(
      (await run('docker', ['exec', `${prefix}-runsc`, 'uname', '-r'])).stdout.trim(),
    );
    console.log(`${probes.length} probes in both consoles took ${Date.now() - started} ms`);

    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterProbes = {
      container: client.output(container.sessionId).slice(before.container),
      sandbox: client.output(sandbox.sessionId).slice(before.sandbox),
    };
    expect(afterProbes).toEqual({ container: '', sandbox: '' });

    // cat still runs and echoes; Ctrl+D ends it and the shell answers again.
    await container.type('still here\r');
    await client.waitFor(
      () => client.output(container.sessionId).slice(before.container).split('still here').length >= 3,
      'cat to echo the next line',
    );
    expect(client.output(container.sessionId)).not.toContain('^C');

    // The half line is intact: typing the rest runs the whole command.
    await sandbox.type(' and-finished\r');
    await client.waitFor(
      () => client.output(sandbox.sessionId).slice(before.sandbox).includes('\nhalf-typed and-finished'),
      'the finished line to run',
    );
    expect(client.output(sandbox.sessionId)).not.toContain('^C');
  }, 120_000);

  it('runs a host probe as a process beside the host terminal, without the browser token', async () => {
    const target = { kind: 'host' as const, guestId: 'host' as const };
    const session = await client.call('console.open', { target, cols: 100, rows: 30 });
    await client.call('console.attach', { sessionId: session.id });
    await client.waitFor(() => /[#$] $/.test(client.output(session.id)), 'the host prompt');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = client.output(session.id).length;
    const [answer] = await client.call('console.probe', {
      targets: [target],
      command: 'echo "token=${TWINLAB_TOKEN:-none}"; echo to-stderr >&2; exit 2',
      timeoutMs: 5000,
    });
    expect(answer).toMatchObject({ ok: true, exitCode: 2 });
    expect(answer?.output.split('\n').sort()).toEqual(['to-stderr', 'token=none']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.output(session.id).slice(before)).toBe('');
  });

  it('stops a probe that runs too long, inside the container too, and says when the guest is stopped', async () => {
    const guest = await client.call('containers.create', {
      spec: {
        image: 'twinlab-fixture/busybox:1',
        name: `${prefix}-slow`,
        templateId: 'fixture-busybox',
        memoryMiB: 64,
      },
      operationId: `${prefix}-slow`,
    });
    const [slow] = await client.call('console.probe', {
      targets: [{ kind: 'container', guestId: guest.id }],
      command: 'echo started; sleep 30',
      timeoutMs: 1000,
    });
    expect(slow).toMatchObject({ ok: false, output: 'started', error: { key: 'twins.error.probeTimeout' } });
    // The timed-out probe was killed inside the container, not left sleeping.
    const { stdout } = await run('docker', ['exec', `${prefix}-slow`, 'ps', '-o', 'args']);
    expect(stdout).not.toContain('sleep 30');

    await client.call('containers.action', { id: guest.id, action: 'stop' });
    const [stopped] = await client.call('console.probe', {
      targets: [{ kind: 'container', guestId: guest.id }],
      command: 'uname -r',
      timeoutMs: 5000,
    });
    expect(stopped).toMatchObject({ ok: false, error: { key: 'twins.error.runNotOpen' } });
  }, 60_000);
});
