import { Alert, Code, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsoleRunResult } from '@shared/compare';
import { useDescribeError } from '../../i18n/describe-error';
import { formatDuration } from '../../lib/format/time';
import type { CompareColumn } from './columns-facts';
import { probeById } from './probes';
import type { ProbeRun } from './use-probe-runs';

function Output({ column, result }: { column: CompareColumn; result: ConsoleRunResult | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} style={{ minWidth: 0 }} data-testid={`probe-output-${column.guest.name}`}>
      <Text size="xs" fw={650}>
        {column.label}
        {result && (
          <Text span size="xs" c="dimmed" fw={400} ml={6}>
            {formatDuration(result.durationMs, i18n.language, t)}
          </Text>
        )}
      </Text>
      {result && !result.ok && (
        <Text size="xs" c="red" role="note">
          {t(result.error.key, { defaultValue: result.error.message })}
        </Text>
      )}
      <ScrollArea.Autosize mah={220} type="auto">
        <Code block fz="xs" style={{ whiteSpace: 'pre' }}>
          {(result?.output ?? '').replace(/\r/g, '').trimEnd() || '—'}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** Each probe that ran, newest first: its explanation and the outputs side by side. */
export function ProbeResults({
  runs,
  columns,
  error,
}: {
  runs: readonly ProbeRun[];
  columns: readonly CompareColumn[];
  error: unknown;
}) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  return (
    <Stack gap="md">
      {error !== undefined && (
        <Alert color="red" variant="light" role="alert" title={t('compare.probeFailed')}>
          {describeError(error)}
        </Alert>
      )}
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('compare.noProbes')}
        </Text>
      ) : (
        runs.map((run) => {
          const probe = probeById(run.probe);
          return (
            <Paper key={run.probe} withBorder radius="md" p="md" data-testid={`probe-${run.probe}`}>
              <Stack gap="xs">
                <Title order={3} fz="md">
                  {t(probe.titleKey)}{' '}
                  <Code fz="xs" ml={4}>
                    {probe.command}
                  </Code>
                </Title>
                <Text size="sm" c="dimmed">
                  {t(probe.explanationKey)}
                </Text>
                <SimpleGrid cols={{ base: 1, md: Math.min(columns.length, 3) }} spacing="sm">
                  {columns.map((column) => (
                    <Output
                      key={column.guest.id}
                      column={column}
                      result={run.results.find((each) => each.target.guestId === column.guest.id)}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}
