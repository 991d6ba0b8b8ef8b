import { describe, expect, it } from 'vitest';
import {
  densityChartRows,
  memoryAxisTicks,
  withProgressPoint,
} from '../../../../src/renderer/src/pages/density/chart-data';
import { MiB, result } from './fixtures';

describe('density chart rows', () => {
  it('has a row per guest count from the origin, each kind in MiB, absent past its last guest', () => {
    expect(densityChartRows(result.kinds)).toEqual([
      { guests: 0, container: 0, vm: 0 },
      { guests: 1, container: 2, vm: 200 },
      { guests: 2, container: 4, vm: 400 },
      { guests: 3, container: 6 },
    ]);
  });

  it('never draws a point below what the guests hold (the host freed memory meanwhile)', () => {
    const vm = { guests: 1, hostUsedBytes: -300 * MiB, guestsBytes: 239 * MiB, startMs: 1 };
    expect(densityChartRows([{ kind: 'vm', points: [vm] }])).toEqual([
      { guests: 0, vm: 0 },
      { guests: 1, vm: 239 },
    ]);
  });

  it('draws no line for a kind without points', () => {
    expect(densityChartRows([{ kind: 'vm', points: [] }])).toEqual([]);
  });
});

describe('live points from progress events', () => {
  const point = (guests: number) => ({ guests, hostUsedBytes: guests * MiB, guestsBytes: 0, startMs: 1 });

  it('adds each point to its kind, kinds in arrival order, a repeated count replaced', () => {
    let live = withProgressPoint([], { operationId: 'o', phase: 'measuring', kind: 'vm', point: point(1) });
    live = withProgressPoint(live, {
      operationId: 'o',
      phase: 'measuring',
      kind: 'container',
      point: point(1),
    });
    live = withProgressPoint(live, { operationId: 'o', phase: 'measuring', kind: 'vm', point: point(2) });
    live = withProgressPoint(live, { operationId: 'o', phase: 'measuring', kind: 'vm', point: point(2) });
    expect(live.map((each) => [each.kind, each.points.map((p) => p.guests)])).toEqual([
      ['vm', [1, 2]],
      ['container', [1]],
    ]);
  });

  it('keeps the picture for an event without a point (cleaning, done)', () => {
    const live = [{ kind: 'vm' as const, points: [point(1)] }];
    expect(withProgressPoint(live, { operationId: 'o', phase: 'cleaning' })).toEqual(live);
  });
});

describe('the memory axis', () => {
  it('ends on a round tick at or above the highest value', () => {
    expect(memoryAxisTicks(1024)).toEqual([0, 250, 500, 750, 1000, 1250]);
    expect(memoryAxisTicks(930)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(memoryAxisTicks(2048)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(memoryAxisTicks(6)).toEqual([0, 2, 4, 6]);
    expect(memoryAxisTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
