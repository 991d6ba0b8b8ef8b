import { hostBytesAt, type DensityKind, type DensityPoint, type DensityProgress } from '@shared/density';

const MIB = 1024 * 1024;

export interface KindPoints {
  kind: DensityKind;
  points: readonly DensityPoint[];
}

/** One row per guest count: each kind's host memory in MiB at that count (absent past its last guest). */
export type DensityChartRow = { guests: number } & Partial<Record<DensityKind, number>>;

/**
 * Each kind's line starts at 0 guests and 0 MiB: host memory is counted from the kind's own start,
 * so that point holds by definition and shows the slope from the origin. Each point is hostBytesAt:
 * never below what the guests hold, so a host that freed memory meanwhile draws no dip below zero.
 */
export function densityChartRows(kinds: readonly KindPoints[]): DensityChartRow[] {
  const rows = new Map<number, DensityChartRow>();
  for (const { kind, points } of kinds) {
    if (points.length === 0) continue;
    const origin = rows.get(0) ?? { guests: 0 };
    origin[kind] = 0;
    rows.set(0, origin);
    for (const point of points) {
      const row = rows.get(point.guests) ?? { guests: point.guests };
      row[kind] = Math.round((hostBytesAt(point) / MIB) * 10) / 10;
      rows.set(point.guests, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.guests - b.guests);
}

/** The live picture during a run: a progress event's point added to its kind (kinds in arrival order). */
export function withProgressPoint(live: readonly KindPoints[], progress: DensityProgress): KindPoints[] {
  const { kind, point } = progress;
  if (!kind || !point) return [...live];
  const known = live.some((each) => each.kind === kind);
  if (!known) return [...live, { kind, points: [point] }];
  return live.map((each) =>
    each.kind === kind
      ? { kind, points: [...each.points.filter((old) => old.guests !== point.guests), point] }
      : each,
  );
}

/**
 * The memory axis: about five steps of a round size (1, 2, 2.5 or 5 × 10^k MiB) from 0 to at
 * least `maxMiB`, so each tick reads as a round number and the budget line is in view.
 */
export function memoryAxisTicks(maxMiB: number): number[] {
  const top = Math.max(maxMiB, 1);
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((each) => each * power >= rough) ?? 10) * power;
  const count = Math.ceil(top / step);
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}
