import { twinRoles } from '@shared/twin-roles';
import { compareOperators, measureFields, type CompareOperand, type CompareOperator } from '@shared/lessons';

/**
 * A compare check's one comparison: `<operand> <operator> <operand>`, where an operand is a number
 * (optionally in KiB, MiB or GiB), `role.field`, or `number * role.field`:
 *   vm.hostMemoryBytes > 10 * container.hostMemoryBytes
 *   container.memoryLimitBytes == 64 MiB
 */
export interface CompareExpression {
  left: CompareOperand;
  operator: CompareOperator;
  right: CompareOperand;
}

const units: Record<string, number> = { KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
const number = String.raw`(\d+(?:\.\d+)?)\s*(KiB|MiB|GiB)?`;
const reference = String.raw`([a-z]+)\.([a-zA-Z.]+)`;
const operandPattern = new RegExp(String.raw`^(?:${number}\s*\*\s*${reference}|${reference}|${number})$`);

export function parseCompareExpression(text: string): CompareExpression | { error: string } {
  // Longest operators first, so ">=" is not read as ">" followed by "=".
  const operator = compareOperators.find((op) => text.includes(op));
  if (!operator) return { error: `use one of ${compareOperators.join(' ')} between two values` };
  const [leftText = '', rightText = '', ...extra] = text.split(operator);
  if (extra.length > 0) return { error: 'compare two values only' };
  const left = parseOperand(leftText.trim());
  if ('error' in left) return left;
  const right = parseOperand(rightText.trim());
  if ('error' in right) return right;
  if (!('role' in left) && !('role' in right)) return { error: 'compare at least one measured value' };
  return { left, operator, right };
}

function parseOperand(text: string): CompareOperand | { error: string } {
  const match = operandPattern.exec(text);
  if (!match) return { error: `cannot read "${text}": use a number, role.field or number * role.field` };
  const [, scale, scaleUnit, scaledRole, scaledField, role, field, value, valueUnit] = match;
  if (value !== undefined) return { value: Number(value) * unitOf(valueUnit) };
  const name = scaledRole ?? role ?? '';
  const path = scaledField ?? field ?? '';
  if (!isOneOf(twinRoles, name)) return { error: `unknown role "${name}": use ${twinRoles.join(', ')}` };
  if (!isOneOf(measureFields, path))
    return { error: `unknown field "${path}": use ${measureFields.join(', ')}` };
  return { factor: scale === undefined ? 1 : Number(scale) * unitOf(scaleUnit), role: name, field: path };
}

function unitOf(unit: string | undefined): number {
  return unit ? (units[unit] ?? 1) : 1;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
