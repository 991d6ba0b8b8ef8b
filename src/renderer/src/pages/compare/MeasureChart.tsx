import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompareColumn } from './columns-facts';
import { chartValues } from './measurements';
import { formatNumber } from '../../lib/format/number';

/** The one chart: host memory (left axis, MiB) and time to ready (right axis, s) per guest. */
export function MeasureChart({ columns }: { columns: readonly CompareColumn[] }) {
  const { t, i18n } = useTranslation();
  const data = columns.map((column) => ({
    column: column.label,
    ...chartValues(column.facts.measurement),
  }));
  return (
    <Paper withBorder radius="md" p="md" component="figure" m={0} data-testid="measure-chart">
      <Text component="figcaption" fw={650} size="sm" mb="sm">
        {t('measure.chartTitle')}
      </Text>
      <BarChart
        h={260}
        data={data}
        dataKey="column"
        withLegend
        withRightYAxis
        withBarValueLabel
        valueFormatter={(value) => formatNumber(value, i18n.language, 1)}
        yAxisLabel={t('measure.chartMemoryAxis')}
        rightYAxisLabel={t('measure.chartReadyAxis')}
        series={[
          { name: 'memoryMiB', label: t('measure.chartMemory'), color: 'teal.6' },
          { name: 'readySeconds', label: t('measure.chartReady'), color: 'indigo.5', yAxisId: 'right' },
        ]}
        tickLine="y"
      />
    </Paper>
  );
}
