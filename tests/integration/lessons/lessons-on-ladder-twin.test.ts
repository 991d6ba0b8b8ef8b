/**
 * Lessons 11 (app vs system container) and 12 (chroot to namespaces) on one real ladder twin:
 * fixture-ladder as an app container (Docker), a system container (LXD) and a microVM (libvirt),
 * the sandbox switched off. Every step in order, its runs typed first as the Run button does, then
 * its checks judged by the lesson evaluators through the router; every check must pass.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { runStepChecks, type TwinUnderLesson } from '../../../src/main/lab/lessons/check-runner';
import { twinFacts } from '../../../src/main/lab/lessons/twin-facts';
import { twinRoleOf, type TwinCreated } from '../../../src/shared/compare';
import type { ConsoleTarget } from '../../../src/shared/consoles';
import type { CheckResult, RunBlock } from '../../../src/shared/lessons';
import type { Locale } from '../../../src/shared/locales';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { startTwinLab, stopTwinLab } from '../../support/twin';

const gate = await engineGate(['docker', 'libvirt', 'lxd']);
const prefix = `tl-lessonladder-${process.pid}`;

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxcDelete = (name: string) =>
  new Promise<void>((resolve) => {
    execFile('lxc', ['delete', '--force', name], { timeout: 60_000 }, () => resolve()).stdin?.end();
  });

/** Every check of both lessons, as `step/check`: all of them apply to the ladder twin with a VM. */
const expected: Record<string, string[]> = {
  'app-vs-system': [
    'pid-1/app-pid-1-is-the-program',
    'pid-1/system-pid-1-is-init',
    'one-kernel/system-shares-kernel',
    'one-kernel/app-shares-kernel',
    'processes/both-few',
    'services/service-child-of-init',
    'services/init-respawns',
    'uid-map/app-identity-map',
    'uid-map/system-shifted-map',
    'host-view/app-processes-on-host',
    'host-view/system-processes-on-host',
    'host-view/host-sees-shifted-init',
    'vm/vm-pid-1-is-init',
    'vm/vm-own-kernel',
    'vm/vm-is-one-process',
  ],
  'chroot-to-namespaces': [
    'new-root/only-the-jail',
    'shared/same-hostname',
    'shared/same-network',
    'shared/same-processes',
    'escape/escaped',
    'escape/container-cannot-mount',
    'namespaces/own-pid-1',
    'namespaces/hostname-unchanged',
    'namespaces/own-network',
    'together/escape-closed',
    'app-container/container-no-unshare',
    'system/system-nests',
  ],
};

describe.skipIf(gate.skip)('lessons 11 and 12 on the ladder twin, on real dockerd, LXD and libvirtd', () => {
  let lab: Lab;
  let client: LabClient;
  let created: TwinCreated | undefined;
  let twin: TwinUnderLesson;

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    created = await client.call('twins.create', {
      templateId: 'fixture-ladder',
      name: prefix,
      sandbox: 'off',
      operationId: 'lesson-ladder',
    });
    expect(created.leftOut).toBeUndefined();
    const vm = created.guests.find((guest) => guest.kind === 'vm');
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === vm?.id),
      'the VM to boot',
      120_000,
    );
    const template = (await client.call('templates.list', {})).entries.find(
      (entry) => entry.template.id === 'fixture-ladder',
    );
    if (!template) throw new Error('fixture-ladder is not in the catalog; run scripts/setup-lxd.sh');
    twin = {
      facts: twinFacts(created.guests, template.template),
      guests: Object.fromEntries(created.guests.map((guest) => [twinRoleOf(guest), guest])),
    };
  }, 180_000);

  afterAll(async () => {
    for (const guest of created?.guests.filter((candidate) => candidate.kind === 'system') ?? [])
      await client?.call('systems.action', { id: guest.id, action: 'remove' }).catch(() => undefined);
    await stopTwinLab(
      prefix,
      { lab, client },
      created?.guests.filter((guest) => guest.kind !== 'system') ?? [],
    );
    await lxcDelete(`${prefix}-system`);
  }, 120_000);

  /** Types a run block line by line into each of its targets the twin has, as the Run button does. */
  const typeRun = async (block: RunBlock) => {
    const targets = block.targets.flatMap((target): ConsoleTarget[] => {
      if (target === 'host') return [{ kind: 'host', guestId: 'host' }];
      const guest = twin.guests[target];
      return guest ? [{ kind: guest.kind, guestId: guest.id }] : [];
    });
    for (const command of block.lines) {
      const answers = await client.call('console.run', { targets, command, timeoutMs: 30_000 });
      for (const answer of answers) expect({ command, ...answer }).toMatchObject({ command, ok: true });
    }
  };

  const outcome = (result: CheckResult) =>
    result.status === 'pass' ? 'pass' : `${result.status}: ${result.reason.message}`;

  const walk = async (id: string, locale: Locale) => {
    const lesson = await client.call('lessons.get', { id, locale });
    expect(lesson.locale).toBe(locale);
    const results: Record<string, string> = {};
    for (const step of lesson.steps) {
      for (const block of step.blocks) if (block.type === 'run') await typeRun(block);
      const checked = await runStepChecks(step, twin, {
        run: (input) => client.call('console.run', input),
        measure: (guestIds) => client.call('compare.measure', { guestIds }),
      });
      for (const result of checked) results[`${step.id}/${result.checkId}`] = outcome(result);
    }
    return results;
  };

  const allPass = (id: string) => Object.fromEntries((expected[id] ?? []).map((check) => [check, 'pass']));

  it('has the roles and features both lessons use', () => {
    expect(twin.facts.roles).toEqual(['container', 'system', 'vm']);
    expect(twin.facts.features).toEqual(expect.arrayContaining(['container', 'system', 'vm', 'vm-kernel']));
  });

  it('completes lesson 11 "app-vs-system" in English with every check green', async () => {
    expect(await walk('app-vs-system', 'en')).toEqual(allPass('app-vs-system'));
  }, 300_000);

  it('completes lesson 12 "chroot-to-namespaces" in Korean with every check green', async () => {
    expect(await walk('chroot-to-namespaces', 'ko')).toEqual(allPass('chroot-to-namespaces'));
  }, 300_000);

  it('turns the respawn check red when no service is there to respawn', async () => {
    const lesson = await client.call('lessons.get', { id: 'app-vs-system', locale: 'en' });
    const services = lesson.steps.find((step) => step.id === 'services');
    if (!services) throw new Error('no services step');
    const system = twin.guests.system;
    if (!system) throw new Error('no system container');
    // Take the service out of the inittab and stop it: init has nothing to start again.
    for (const command of [
      "sed -i '/syslogd/d' /etc/inittab",
      'kill -HUP 1',
      'sleep 1',
      'kill $(pidof syslogd)',
      'sleep 2',
    ]) {
      const [answer] = await client.call('console.run', {
        targets: [{ kind: system.kind, guestId: system.id }],
        command,
        timeoutMs: 20_000,
      });
      expect({ command, ...answer }).toMatchObject({ command, ok: true });
    }
    const results = await runStepChecks(services, twin, {
      run: (input) => client.call('console.run', input),
      measure: (guestIds) => client.call('compare.measure', { guestIds }),
    });
    expect(results.map((result) => [result.checkId, result.status])).toEqual([
      ['service-child-of-init', 'fail'],
      ['init-respawns', 'fail'],
    ]);
    expect(results[1]?.reason).toMatchObject({ key: 'lessons.check.noMatch', params: { target: 'system' } });
  }, 120_000);
});
