import { ActionIcon, Box, Button, Fieldset, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';

/** What a column's cell gets to draw its field of one row. */
export interface RowCell<Row> {
  row: Row;
  /** 1-based, for accessible names ("Host port, row 2"). */
  number: number;
  set: (patch: Partial<Row>) => void;
  /** The problems of this field, joined, or undefined. */
  error: string | undefined;
}

export interface RowColumn<Row> {
  /** The row's field this column edits: the form field name in problems, part of React keys. */
  field: string;
  /** Shown once above the rows (each input also carries its own label); '' for none. */
  heading: string;
  /** The column's CSS grid track, e.g. "minmax(120px, 1fr)". */
  width: string;
  cell: (cell: RowCell<Row>) => ReactNode;
}

interface RowListEditorProps<Row extends { key: string }> {
  testId: string;
  legend: string;
  description: string;
  addLabel: string;
  /** Shown instead of the grid while the list is empty. */
  empty: string;
  removeLabel: (number: number) => string;
  rows: readonly Row[];
  columns: readonly RowColumn<Row>[];
  onAdd: () => void;
  /** `field` names the form field being edited, e.g. "host" of row 0. */
  onChange: (index: number, field: string, row: Row) => void;
  onRemove: (index: number) => void;
  errorFor: (index: number, field: string) => string | undefined;
}

function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={onClick} mt={1}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

/**
 * One editable list of rows (ports, volumes, ...) as a titled fieldset: a grid with one column per
 * field and a remove button per row, and an Add button below. The rows and their fields are the
 * caller's; this only lays them out and reports edits.
 */
export function RowListEditor<Row extends { key: string }>(props: RowListEditorProps<Row>) {
  const { rows, columns } = props;
  const template = [...columns.map((column) => column.width), '36px'].join(' ');
  return (
    <Fieldset legend={props.legend} radius="md" data-testid={props.testId}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {props.description}
        </Text>
        {rows.length > 0 ? (
          <Box
            style={{ display: 'grid', gridTemplateColumns: template, gap: '6px 10px', alignItems: 'start' }}
          >
            {[...columns.map((column) => column.heading), ''].map((heading, index) => (
              <Text key={index} size="xs" fw={600} c="dimmed" aria-hidden>
                {heading}
              </Text>
            ))}
            {rows.map((row, index) => (
              <Fragment key={row.key}>
                {columns.map((column) => (
                  <Fragment key={column.field}>
                    {column.cell({
                      row,
                      number: index + 1,
                      set: (patch) => props.onChange(index, column.field, { ...row, ...patch }),
                      error: props.errorFor(index, column.field),
                    })}
                  </Fragment>
                ))}
                <RemoveRow label={props.removeLabel(index + 1)} onClick={() => props.onRemove(index)} />
              </Fragment>
            ))}
          </Box>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {props.empty}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={props.onAdd}
          style={{ alignSelf: 'flex-start' }}
        >
          {props.addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}
