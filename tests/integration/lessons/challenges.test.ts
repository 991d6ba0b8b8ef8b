import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import { stepChecks, stepHints, type StepCheckOutcome } from '../../../src/shared/lessons';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startTwinLab, stopTwinLab } from '../../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const prefix = `tl-challenge-${process.pid}`;

/**
 * The cgroup file that limits a process's memory, found from the host the way the kernel names it in
 * /proc/PID/cgroup: cgroup v1's memory controller, else the v2 unified hierarchy.
 */
async function memoryLimitFile(pid: number): Promise<string> {
  const lines = (await readFile(`/proc/${pid}/cgroup`, 'utf8')).split('\n');
  const v1 = lines
    .map((line) => line.split(':'))
    .find(([, controllers]) => controllers?.split(',').includes('memory'));
  if (v1?.[2]) return join('/sys/fs/cgroup/memory', v1[2], 'memory.limit_in_bytes');
  const v2 = lines.find((line) => line.startsWith('0::'));
  if (!v2) throw new Error(`no memory cgroup for process ${pid}`);
  return join('/sys/fs/cgroup', v2.slice(3), 'memory.max');
}

/**
 * The two built-in challenges on a real fixture-twin: their checks fail on a fresh twin, and pass once
 * the goal is reached by a route the hints do not give (the cgroup file written from the host instead
 * of docker update; /proc/sys/kernel/hostname instead of the hostname command).
 */
describe.skipIf(gate.skip)('lesson challenges on fixture-twin, on real dockerd and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated;
  const check = (lessonId: string, stepId: string): Promise<StepCheckOutcome> =>
    client.call('lessons.check', { lessonId, stepId, twinId: created.twinId, locale: 'en' });
  const guest = (kind: 'container' | 'vm') => {
    const found = created.guests.find((candidate) => candidate.kind === kind);
    if (!found) throw new Error(`fixture-twin made no ${kind}`);
    return found;
  };

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    created = await client.call('twins.create', {
      templateId: 'fixture-twin',
      name: prefix,
      operationId: 'challenge-twin',
    });
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === guest('vm').id),
      'the VM to boot',
      120_000,
    );
  }, 180_000);
  afterAll(() => stopTwinLab(prefix, { lab, client }, created?.guests ?? []), 60_000);

  it('each built-in challenge has hints, checks that say what is missing, and no run block, in every language', async () => {
    for (const locale of ['en', 'zh-CN', 'ko'] as const) {
      for (const [lessonId, stepId] of [
        ['cgroups', 'cap-32mib'],
        ['isolation', 'rename-vm'],
      ] as const) {
        const lesson = await client.call('lessons.get', { id: lessonId, locale });
        const step = lesson.steps.find((candidate) => candidate.id === stepId);
        expect({ locale, lessonId, challenge: step?.challenge }).toEqual({
          locale,
          lessonId,
          challenge: true,
        });
        if (!step) continue;
        expect(stepHints(step).length).toBeGreaterThanOrEqual(2);
        expect(step.blocks.some((block) => block.type === 'run')).toBe(false);
        for (const each of stepChecks(step)) expect(each.type === 'check' && each.missing).toBeTruthy();
      }
    }
  });

  it('cgroups: fails while the container may use 64 MiB, passes once its cgroup is capped at 32 MiB from the host', async () => {
    const before = await check('cgroups', 'cap-32mib');
    expect(before.state).toBe('failed');
    expect(before.results.map((result) => [result.checkId, result.status])).toEqual([
      ['capped-at-32mib', 'fail'],
      ['hog-killed', 'fail'],
    ]);
    expect(before.results[0]?.reason.message).toMatch(/"limit 67108864"/);
    expect(before.results[1]?.reason.message).toMatch(/"exit 0"/);

    const { stdout } = await run('docker', ['inspect', '-f', '{{.State.Pid}}', guest('container').id]);
    const file = await memoryLimitFile(Number(stdout.trim()));
    await writeFile(file, String(32 * 1024 * 1024));

    const after = await check('cgroups', 'cap-32mib');
    expect(after.results.map((result) => [result.checkId, result.status, result.reason.message])).toEqual([
      ['capped-at-32mib', 'pass', 'Printed container: "capped at 33554432".'],
      ['hog-killed', 'pass', expect.stringMatching(/exit 137/)],
    ]);
    expect(after.state).toBe('done');
  }, 90_000);

  it('isolation: fails while the VM has its first hostname, passes once /proc/sys/kernel/hostname says twin-vm', async () => {
    const before = await check('isolation', 'rename-vm');
    expect(before.state).toBe('failed');
    expect(before.results[0]?.reason.message).not.toMatch(/twin-vm"/);

    const vm = guest('vm');
    const [answer] = await client.call('console.run', {
      targets: [{ kind: 'vm', guestId: vm.id }],
      command: 'echo twin-vm > /proc/sys/kernel/hostname',
      timeoutMs: 30_000,
    });
    expect(answer).toMatchObject({ ok: true });

    const after = await check('isolation', 'rename-vm');
    expect(after).toEqual({
      stepId: 'rename-vm',
      state: 'done',
      results: [
        {
          checkId: 'vm-renamed',
          status: 'pass',
          reason: expect.objectContaining({ message: 'Printed vm: "twin-vm".' }),
        },
      ],
    });
  }, 90_000);
});
