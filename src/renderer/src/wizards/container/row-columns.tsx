import { Checkbox, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { monoInputStyles } from '../../components/mono-input';
import type { NumberField } from './container-values';
import type { RowColumn } from './RowListEditor';

/** What every kind of column is told: which field, its heading, width and per-row name. */
interface ColumnBase<Row, Value> {
  field: string;
  heading: string;
  width: string;
  /** The input's accessible name in row `number`. */
  label: (number: number) => string;
  value: (row: Row) => Value;
  patch: (value: Value) => Partial<Row>;
  /** Shows the field's problems under the input. */
  validated?: boolean;
}

/** A monospace text field (names, paths, values: what the user will type in a shell too). */
export function textColumn<Row>(column: ColumnBase<Row, string> & { placeholder: string }): RowColumn<Row> {
  return {
    ...column,
    cell: ({ row, number, set, error }) => (
      <TextInput
        aria-label={column.label(number)}
        placeholder={column.placeholder}
        styles={monoInputStyles}
        value={column.value(row)}
        onChange={(event) => set(column.patch(event.currentTarget.value))}
        error={column.validated ? error : undefined}
        spellCheck={false}
      />
    ),
  };
}

/** A port number, 1 to 65535, empty while not typed yet. */
export function portColumn<Row>(
  column: ColumnBase<Row, NumberField> & { placeholder: string },
): RowColumn<Row> {
  return {
    ...column,
    cell: ({ row, number, set, error }) => (
      <NumberInput
        aria-label={column.label(number)}
        placeholder={column.placeholder}
        min={1}
        max={65535}
        allowDecimal={false}
        allowNegative={false}
        value={column.value(row)}
        onChange={(value) => set(column.patch(typeof value === 'number' ? value : ''))}
        error={column.validated ? error : undefined}
      />
    ),
  };
}

/** A yes/no field, with a short visible label beside the box. */
export function checkColumn<Row>(column: ColumnBase<Row, boolean> & { text: string }): RowColumn<Row> {
  return {
    ...column,
    cell: ({ row, number, set, error }) => (
      <Checkbox
        mt={8}
        aria-label={column.label(number)}
        label={column.text}
        checked={column.value(row)}
        onChange={(event) => set(column.patch(event.currentTarget.checked))}
        error={column.validated ? error : undefined}
      />
    ),
  };
}

/** One of a few fixed values. */
export function selectColumn<Row, Value extends string>(
  column: ColumnBase<Row, Value> & { options: readonly { value: Value; label: string }[] },
): RowColumn<Row> {
  return {
    ...column,
    cell: ({ row, number, set }) => (
      <NativeSelect
        aria-label={column.label(number)}
        data={column.options}
        value={column.value(row)}
        onChange={(event) => {
          const chosen = column.options.find((option) => option.value === event.currentTarget.value);
          if (chosen) set(column.patch(chosen.value));
        }}
      />
    ),
  };
}
