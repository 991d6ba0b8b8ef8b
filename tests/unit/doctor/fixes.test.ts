import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../src/shared/host';
import { shellQuote } from '../../../src/main/lab/doctor/fixes';
import { reportsOfAllScenarios } from './scenarios';

const DISTROS: Distro[] = ['debian', 'fedora', 'arch'];

describe('fix commands', () => {
  it('every failing check has a fix for debian, fedora and arch', async () => {
    const reports = await reportsOfAllScenarios();
    const failing = reports.flatMap(({ name, report }) =>
      report.checks
        .filter((check) => check.status === 'fail' && check.summaryKey !== 'host.check.probeError')
        .map((check) => ({ name, check })),
    );
    expect(failing.length).toBeGreaterThan(5);
    for (const { name, check } of failing) {
      expect(check.fix, `${name}: ${check.id}`).toBeDefined();
      for (const distro of DISTROS)
        expect(check.fix?.commands[distro].length, `${name}: ${check.id} ${distro}`).toBeGreaterThan(0);
    }
  });

  it('every fix offered names commands for all three distros, without placeholders', async () => {
    const reports = await reportsOfAllScenarios();
    const fixes = reports.flatMap(({ report }) =>
      report.checks.flatMap((check) => (check.fix ? [check.fix] : [])),
    );
    expect(fixes.length).toBeGreaterThan(10);
    for (const fix of fixes) {
      expect(fix.key).toMatch(/^host\.fix\.[a-z][A-Za-z]+$/);
      for (const distro of DISTROS) {
        expect(fix.commands[distro].length).toBeGreaterThan(0);
        for (const command of fix.commands[distro]) {
          expect(command.trim()).not.toBe('');
          expect(command).not.toMatch(/undefined|\{\{/);
        }
      }
    }
  });
});

describe('shellQuote', () => {
  it('leaves plain paths and URIs alone', () => {
    expect(shellQuote('/home/ada/.cache')).toBe('/home/ada/.cache');
    expect(shellQuote('qemu:///system')).toBe('qemu:///system');
  });

  it('quotes spaces and single quotes', () => {
    expect(shellQuote("/home/o'neil/my lab")).toBe(`'/home/o'\\''neil/my lab'`);
  });
});
