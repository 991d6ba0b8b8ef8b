import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { densityKinds, type DensityKind } from '@shared/density';
import { formatNumber } from '../../lib/format/number';
import { densityChartRows, memoryAxisTicks, type KindPoints } from './chart-data';
import { kindLabel } from './density-text';

const MIB = 1024 * 1024;
export const kindColors: Record<DensityKind, string> = {
  container: 'teal.6',
  sandbox: 'grape.6',
  system: 'orange.6',
  vm: 'indigo.5',
};

/** Guests (x) against the host memory they took (y), a line per kind, the budget as a ceiling. */
export function DensityChart({ kinds, budgetBytes }: { kinds: readonly KindPoints[]; budgetBytes?: number }) {
  const { t, i18n } = useTranslation();
  const measured = kinds.filter((each) => each.points.length > 0);
  const budgetMiB = budgetBytes === undefined ? undefined : budgetBytes / MIB;
  const rows = densityChartRows(measured);
  const highest = Math.max(
    budgetMiB ?? 0,
    ...rows.flatMap((row) => densityKinds.map((kind) => row[kind] ?? 0)),
  );
  // The budget line stays in view even before a kind comes near it.
  const ticks = memoryAxisTicks(highest);
  return (
    <Paper withBorder radius="md" p="md" component="figure" m={0} data-testid="density-chart">
      <Text component="figcaption" fw={650} size="sm" mb="sm">
        {t('density.chart.title')}
      </Text>
      <LineChart
        h={300}
        data={rows}
        dataKey="guests"
        series={measured.map(({ kind }) => ({
          name: kind,
          label: kindLabel(kind, t),
          color: kindColors[kind],
        }))}
        connectNulls
        withLegend
        curveType="linear"
        xAxisLabel={t('density.chart.xAxis')}
        yAxisLabel={t('density.chart.yAxis')}
        xAxisProps={{ type: 'number', domain: [0, 'dataMax'], allowDecimals: false }}
        yAxisProps={{ domain: [0, ticks.at(-1) ?? 'auto'], ticks }}
        valueFormatter={(value) => formatNumber(value, i18n.language, 1)}
        referenceLines={
          budgetMiB === undefined
            ? []
            : [
                {
                  y: budgetMiB,
                  label: t('density.chart.budget'),
                  color: 'red.6',
                  labelPosition: 'insideTopLeft',
                },
              ]
        }
        gridAxis="xy"
      />
    </Paper>
  );
}
