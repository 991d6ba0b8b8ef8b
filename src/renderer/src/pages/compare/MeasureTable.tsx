import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompareColumn } from './columns-facts';
import { measureCell, measureRowIds, type MeasureContext } from './measurements';

/** The one table: a column per guest, a row per measurement with what it means. */
export function MeasureTable({
  columns,
  hostKernel,
}: {
  columns: readonly CompareColumn[];
  hostKernel?: string;
}) {
  const { t, i18n } = useTranslation();
  const context: MeasureContext = {
    language: i18n.language,
    ...(hostKernel && { hostKernel }),
    t: (key, params) => t(key, params),
  };
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing="xs"
        layout="fixed"
        data-testid="measure-table"
        captionSide="top"
      >
        <Table.Caption style={{ textAlign: 'start' }}>{t('measure.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="30%">
              {t('measure.measurement')}
            </Table.Th>
            {columns.map((column) => (
              <Table.Th scope="col" key={column.guest.id} data-testid={`measure-col-${column.guest.name}`}>
                <Group gap={8} wrap="nowrap">
                  <span
                    className="state-dot"
                    aria-hidden="true"
                    style={{ background: `var(--mantine-color-${column.color}-6)`, flex: 'none' }}
                  />
                  <Text span fw={650} size="sm">
                    {column.label}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" ff="monospace" truncate>
                  {column.guest.name}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measureRowIds.map((row) => (
            <Table.Tr key={row} data-testid={`measure-row-${row}`}>
              <Table.Th scope="row" fw={500}>
                <Text size="sm" fw={600}>
                  {t(`measure.row.${row}.label`)}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t(`measure.row.${row}.meaning`)}
                </Text>
                {row === 'hostMemory' && (
                  <Anchor component={Link} to="/density" size="xs" fw={500}>
                    {t('measure.densityLink')}
                  </Anchor>
                )}
              </Table.Th>
              {columns.map((column) => {
                const cell = measureCell(row, column.facts, context);
                return (
                  <Table.Td
                    key={column.guest.id}
                    data-column={column.guest.name}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    <Text size="sm" ff="monospace" data-testid="measure-value">
                      {cell.text}
                    </Text>
                    {cell.note && (
                      <Text size="xs" c="dimmed">
                        {cell.note}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
