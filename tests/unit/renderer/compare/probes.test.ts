import { describe, expect, it } from 'vitest';
import { consoleRunSchema } from '../../../../src/shared/compare';
import {
  kernelOf,
  measureInsideProbes,
  outputLines,
  probeById,
  probeIds,
  probes,
  processesOf,
} from '../../../../src/renderer/src/pages/compare/probes';
import { withoutTerminalReports } from '../../../../src/renderer/src/pages/compare/terminal-reports';
import en from '../../../../src/renderer/src/i18n/locales/en.json';

const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);

describe('probe definitions', () => {
  it('has every probe the menu lists, each once, with a title and an explanation in the catalog', () => {
    expect(probes.map((probe) => probe.id)).toEqual([...probeIds]);
    expect(probeIds).toEqual(
      expect.arrayContaining([
        'kernel',
        'processes',
        'memory',
        'cpus',
        'mounts',
        'network',
        'hostname',
        'cgroup',
      ]),
    );
    for (const probe of probes) {
      expect(typeof lookup(probe.titleKey), probe.titleKey).toBe('string');
      expect(typeof lookup(probe.explanationKey), probe.explanationKey).toBe('string');
    }
  });

  it('types short one-line commands that console.run accepts, without bash-only syntax', () => {
    for (const probe of probes) {
      const parsed = consoleRunSchema.safeParse({
        targets: [{ kind: 'container', guestId: 'x' }],
        command: probe.command,
      });
      expect(parsed.success, probe.id).toBe(true);
      expect(probe.command.length, probe.id).toBeLessThanOrEqual(100);
      expect(probe.command, probe.id).not.toMatch(/\[\[|\$\(\(|<\(|&>/);
    }
    expect(probeById('kernel').command).toBe('uname -r');
    expect(measureInsideProbes).toEqual(['kernel', 'processes']);
  });
});

describe('reading probe output', () => {
  it('drops carriage returns and blank lines', () => {
    expect(outputLines('a\r\n\r\n  b  \r\n')).toEqual(['a', '  b']);
  });

  it('finds the kernel release, not the echoed command', () => {
    expect(kernelOf('uname -r\r\n4.4.0\r\n')).toBe('4.4.0');
    expect(kernelOf('6.1.0-40-cloud-amd64\n')).toBe('6.1.0-40-cloud-amd64');
    expect(kernelOf('sh: uname: not found')).toBeUndefined();
  });

  it('counts the processes ps listed under its header', () => {
    const output = 'PID   COMMAND\n    1 sh\n    7 ps\n';
    expect(processesOf(output)).toEqual({ count: 2, commands: ['sh', 'ps'] });
    expect(processesOf('ps: command not found')).toBeUndefined();
  });
});

describe('withoutTerminalReports', () => {
  it('keeps what the user typed and drops what the terminal answered its shell', () => {
    expect(withoutTerminalReports('uname -r\r')).toBe('uname -r\r');
    expect(withoutTerminalReports('\x1b[16;5R')).toBe('');
    expect(withoutTerminalReports('a\x1b[?1;2cb\x1b[>0;276;0c\x1b[I')).toBe('ab');
    // Arrow keys and Ctrl+C are typing, not reports.
    expect(withoutTerminalReports('\x1b[A\x1b[D\x03')).toBe('\x1b[A\x1b[D\x03');
  });
});
