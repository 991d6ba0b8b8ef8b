/**
 * Lessons 11 (app vs system container) and 12 (chroot to namespaces) on one real ladder twin:
 * fixture-ladder as an app container (Docker), a system container (LXD) and a microVM (libvirt),
 * the sandbox switched off. Every step in order, its runs typed first as the Run button does, then
 * its checks judged by the lesson evaluators through the router; every check must pass.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinUnderLesson } from '../../../src/main/lab/lessons/check-runner';
import type { TwinCreated } from '../../../src/shared/compare';
import type { CheckResult } from '../../../src/shared/lessons';
import type { Locale } from '../../../src/shared/locales';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { createLessonTwin, lessonSteps, type LessonSteps } from '../../support/lesson-twin';
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
  let steps: LessonSteps;

  beforeAll(async () => {
    ({ lab, client } = await startTwinLab(prefix));
    ({ created, twin } = await createLessonTwin(client, {
      templateId: 'fixture-ladder',
      name: prefix,
      sandbox: 'off',
      operationId: 'lesson-ladder',
    }));
    expect(created.leftOut).toBeUndefined();
    steps = lessonSteps(client, twin);
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

  const outcome = (result: CheckResult) =>
    result.status === 'pass' ? 'pass' : `${result.status}: ${result.reason.message}`;

  const walk = async (id: string, locale: Locale) => {
    const lesson = await client.call('lessons.get', { id, locale });
    expect(lesson.locale).toBe(locale);
    const results: Record<string, string> = {};
    for (const step of lesson.steps) {
      for (const block of step.blocks) if (block.type === 'run') await steps.typeRun(block);
      const checked = await steps.check(step);
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
    const results = await steps.check(services);
    expect(results.map((result) => [result.checkId, result.status])).toEqual([
      ['service-child-of-init', 'fail'],
      ['init-respawns', 'fail'],
    ]);
    expect(results[1]?.reason).toMatchObject({ key: 'lessons.check.noMatch', params: { target: 'system' } });
  }, 120_000);
});
