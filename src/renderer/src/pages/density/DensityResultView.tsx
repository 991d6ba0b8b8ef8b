import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DensityKindResult, DensityResult } from '@shared/density';
import { useDescribeError } from '../../i18n/describe-error';
import { formatBytes } from '../../lib/format/bytes';
import { formatNumber } from '../../lib/format/number';
import { formatDateTime } from '../../lib/format/time';
import { DensityChart } from './DensityChart';
import { kindLabel, ratioNumber, ratioSentence, stopText } from './density-text';

/** The ratio in large type with the workload named, and the seed's claim beside it for contrast. */
function RatioPanel({ result }: { result: DensityResult }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Paper withBorder radius="md" p="lg" data-testid="density-ratio">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t('density.measuredHere')}
        </Text>
        <Text fz={44} fw={750} lh={1.15} c="teal.7" aria-hidden={result.ratio === undefined}>
          {result.ratio === undefined ? '—' : ratioNumber(result.ratio, i18n.language)}
        </Text>
        <Text size="sm" mt={4}>
          {ratioSentence(result, t, i18n.language)}
        </Text>
      </Paper>
      <Paper withBorder radius="md" p="lg" data-testid="density-claim">
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t('density.seedLabel')}
        </Text>
        <Text fz={44} fw={750} lh={1.15} c="dimmed">
          {t('density.seedRatio')}
        </Text>
        <Text size="sm" mt={4}>
          {t('density.seedClaim')}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

/** The engines' own count (cgroup memory, QEMU RSS) per guest at the last point. */
function ownPerGuest(result: DensityKindResult, language: string): string {
  const last = result.points.at(-1);
  return last && last.guests > 0 ? formatBytes(last.guestsBytes / last.guests, language) : '—';
}

/**
 * Per kind: guests measured, host memory per guest beside the engines' own count (MemAvailable
 * also moves with everything else on the host), how many fit, and why it stopped.
 */
function KindTable({ result }: { result: DensityResult }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const language = i18n.language;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder verticalSpacing="xs" data-testid="density-kinds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('density.table.kind')}</Table.Th>
            <Table.Th scope="col">{t('density.table.guests')}</Table.Th>
            <Table.Th scope="col">{t('density.table.perGuest')}</Table.Th>
            <Table.Th scope="col">{t('density.table.ownPerGuest')}</Table.Th>
            <Table.Th scope="col">
              {t('density.table.fit', { budget: formatBytes(result.budgetBytes, language) })}
            </Table.Th>
            <Table.Th scope="col">{t('density.table.stoppedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.kinds.map((each) => (
            <Table.Tr key={each.kind} data-testid={`density-kind-${each.kind}`}>
              <Table.Th scope="row">{kindLabel(each.kind, t)}</Table.Th>
              <Table.Td>{formatNumber(each.points.length, language)}</Table.Td>
              <Table.Td>
                {each.perGuestBytes === undefined ? '—' : formatBytes(each.perGuestBytes, language)}
              </Table.Td>
              <Table.Td>{ownPerGuest(each, language)}</Table.Td>
              <Table.Td>
                {each.fitInBudget === undefined ? '—' : formatNumber(each.fitInBudget, language)}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{stopText(each.stoppedBy, t)}</Text>
                {each.message && (
                  <Text size="xs" c="dimmed">
                    {each.messageKey
                      ? describe({ key: each.messageKey, message: each.message, params: each.messageParams })
                      : each.message}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A finished (or cancelled) run: the finding, the chart, the numbers behind it. */
export function DensityResultView({ result }: { result: DensityResult }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md" data-testid="density-result">
      <Title order={2} fz="lg">
        {t('density.resultTitle', { template: result.templateName })}
      </Title>
      {result.cancelled && (
        <Alert color="yellow" variant="light" title={t('density.cancelledTitle')}>
          {t('density.report.cancelled')}
        </Alert>
      )}
      {result.leftBehind.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('density.leftBehindTitle')}
        >
          {t('density.leftBehind', { names: result.leftBehind.join(', ') })}
        </Alert>
      )}
      <RatioPanel result={result} />
      <DensityChart kinds={result.kinds} budgetBytes={result.budgetBytes} />
      <KindTable result={result} />
      <Text size="xs" c="dimmed">
        {t('density.measuredOn', {
          date: formatDateTime(result.finishedAt, i18n.language),
          kernel: result.host.kernel,
          accelerator: t(`exportReport.accelerator.${result.host.accelerator}`, {
            defaultValue: result.host.accelerator,
          }),
        })}
      </Text>
    </Stack>
  );
}
