import { Box } from '@mantine/core';
import { useId } from 'react';

interface SparklineProps {
  values: number[];
  /** Top of the scale; defaults to the largest value (at least 1). */
  max?: number;
  /** How many points the width stands for, so a short history starts at the right edge. */
  capacity: number;
  color: string;
  /** The text alternative: what the line shows, with its latest and peak values. */
  label: string;
  height?: number;
}

/**
 * A small live line chart drawn as inline SVG (no chart library): one line and a soft area,
 * newest value at the right. It is an image with a text alternative for screen readers.
 */
export function Sparkline({ values, max, capacity, color, label, height = 48 }: SparklineProps) {
  // React's ids hold characters that url(#…) does not take.
  const gradientId = `sparkline-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const width = 240;
  const top = Math.max(max ?? Math.max(...values, 0), 1e-9);
  const step = width / Math.max(capacity - 1, 1);
  const start = width - (values.length - 1) * step;
  const coordinates = values.map((value, index) => ({
    x: start + index * step,
    y: height - 3 - (Math.min(Math.max(value, 0), top) / top) * (height - 6),
  }));
  const points = coordinates.map(({ x, y }) => `${x.toFixed(1)},${y.toFixed(1)}`);
  const last = coordinates.at(-1);
  const line = points.join(' ');
  const area = points.length > 1 ? `${start.toFixed(1)},${height} ${line} ${width},${height}` : '';
  return (
    <Box
      component="svg"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      w="100%"
      h={height}
      role="img"
      aria-label={label}
      display="block"
      data-points={values.length}
    >
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0%" stopColor={color} stopOpacity={0.28} />
          <stop offset="100%" stopColor={color} stopOpacity={0.02} />
        </linearGradient>
      </defs>
      <line
        x1={0}
        y1={height - 0.5}
        x2={width}
        y2={height - 0.5}
        stroke="var(--mantine-color-default-border)"
        strokeWidth={1}
      />
      {area && <polygon points={area} fill={`url(#${gradientId})`} />}
      {/* The newest value as a dot, so even the first sample shows. */}
      {/* A zero-length line with round caps: stays round although the chart is stretched. */}
      {last && (
        <line
          x1={last.x}
          y1={last.y}
          x2={last.x}
          y2={last.y}
          stroke={color}
          strokeWidth={6}
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      )}
      {points.length > 1 && (
        <polyline
          points={line}
          fill="none"
          stroke={color}
          strokeWidth={2}
          strokeLinejoin="round"
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      )}
    </Box>
  );
}
