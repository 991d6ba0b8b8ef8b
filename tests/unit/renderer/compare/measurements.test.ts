import { describe, expect, it } from 'vitest';
import type { GuestMeasurement } from '../../../../src/shared/compare';
import {
  chartValues,
  measureCell,
  measureRowIds,
  type ColumnFacts,
  type MeasureContext,
} from '../../../../src/renderer/src/pages/compare/measurements';

// Unit words come from the catalog; the rest shows its key and parameters.
const units: Record<string, string> = { 'units.milliseconds': ' ms', 'units.seconds': ' s' };
const t: MeasureContext['t'] = (key, params) =>
  units[key] ? `${params?.['value']}${units[key]}` : params ? `${key} ${JSON.stringify(params)}` : key;
const context: MeasureContext = { language: 'en', hostKernel: '6.1.0-host', t };
const MiB = 1024 * 1024;

const container: GuestMeasurement = {
  guestId: 'c',
  kind: 'container',
  runtime: 'runc',
  at: '2026-01-01T00:00:00Z',
  readyMs: 412,
  hostMemoryBytes: 2.5 * MiB,
  memoryLimitBytes: 64 * MiB,
  cpuPercent: 0.4,
  disk: { sharedBytes: 2 * MiB, ownBytes: 4096 },
  hostProcesses: { count: 2, commands: ['/bin/sh', 'sh', 'ps', 'top', 'init', 'x'] },
};
const vm: GuestMeasurement = {
  ...container,
  guestId: 'v',
  kind: 'vm',
  runtime: 'qemu-tcg',
  readyMs: 3250,
  hostMemoryBytes: 210 * MiB,
  memoryLimitBytes: 256 * MiB,
  cpuPercent: 101.5,
};

const facts = (measurement: GuestMeasurement | undefined, extra: Partial<ColumnFacts> = {}): ColumnFacts => ({
  kind: measurement?.kind ?? 'container',
  running: true,
  ...(measurement && { measurement }),
  ...extra,
});

describe('measureCell', () => {
  it('formats times, sizes and percentages with their units', () => {
    expect(measureCell('ready', facts(container), context).text).toBe('412 ms');
    expect(measureCell('ready', facts(vm), context).text).toBe('3.3 s');
    expect(measureCell('hostMemory', facts(vm), context)).toEqual({
      text: '210 MiB',
      note: 'measure.qemuRss',
    });
    expect(measureCell('hostMemory', facts(container), context).text).toBe('2.5 MiB');
    expect(measureCell('memoryLimit', facts(vm), context).text).toBe('256 MiB');
    expect(measureCell('cpu', facts(vm), context).text).toBe('101.5%');
    expect(measureCell('disk', facts(container), context).text).toBe(
      'measure.diskValue {"shared":"2 MiB","own":"4 KiB"}',
    );
  });

  it('says "no limit" for a running container without one, and a dash when nothing is known', () => {
    const unlimited = { ...container, memoryLimitBytes: undefined };
    expect(measureCell('memoryLimit', facts(unlimited), context).text).toBe('measure.noLimit');
    for (const row of measureRowIds) {
      expect(measureCell(row, facts(undefined, { running: false }), context).text, row).toBe('—');
    }
  });

  it('lists the host’s processes briefly, by command name', () => {
    const cell = measureCell('hostProcesses', facts(container), context);
    expect(cell.text).toBe('measure.processCount {"count":2}');
    expect(cell.note).toBe('sh, ps, top, init, …');
  });

  it('compares the kernel inside with the host’s, once a probe ran', () => {
    expect(measureCell('kernel', facts(container), context).note).toBe('measure.runProbeHint');
    expect(measureCell('kernel', facts(container, { kernel: '6.1.0-host' }), context).note).toBe(
      'measure.sameKernel {"host":"6.1.0-host"}',
    );
    expect(measureCell('kernel', facts(container, { kernel: '4.4.0' }), context)).toEqual({
      text: '4.4.0',
      note: 'measure.ownKernel {"host":"6.1.0-host"}',
    });
    const inside = measureCell(
      'processesInside',
      facts(container, { processesInside: { count: 3, commands: ['sh', 'ps', 'sh'] } }),
      context,
    );
    expect(inside).toEqual({ text: 'measure.processCount {"count":3}', note: 'sh, ps' });
  });

  it('says why a probe did not answer instead of a dash', () => {
    const busy = { key: 'twins.error.consoleBusy', message: 'The console is busy…' };
    const failed = facts(vm, { probeFailures: { kernel: busy, processesInside: busy } });
    const expected = { text: 'twins.error.consoleBusy {"defaultValue":"The console is busy…"}' };
    expect(measureCell('kernel', failed, context)).toEqual(expected);
    expect(measureCell('processesInside', failed, context)).toEqual(expected);
  });
});

describe('chartValues', () => {
  it('gives MiB and seconds, zero when unknown', () => {
    expect(chartValues(vm)).toEqual({ memoryMiB: 210, readySeconds: 3.3 });
    expect(chartValues(undefined)).toEqual({ memoryMiB: 0, readySeconds: 0 });
  });
});
