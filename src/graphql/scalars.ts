import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** Money and other exact decimals: at most two decimals, ten integer digits (the `numeric(12,2)`
 * columns). Sent as a string with exactly two decimals, so no client turns yuan into a float. */
const DECIMAL_PATTERN = /^-?\d{1,10}(\.\d{1,2})?$/;

function decimalOrThrow(value: unknown): number {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!DECIMAL_PATTERN.test(text)) {
    throw new GraphQLError(
      `Decimal must be a number with at most two decimals, e.g. "1234.50"; got ${JSON.stringify(value)?.slice(0, 40)}.`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return Number(text);
}

export const DecimalScalar = new GraphQLScalarType<number, string>({
  name: 'Decimal',
  description: 'An exact decimal with two places (金额，元), e.g. "1234.50". Accepted as a string or a number with at most two decimals.',
  serialize: (value) => {
    const number = typeof value === 'string' ? Number(value) : (value as number);
    if (typeof number !== 'number' || !Number.isFinite(number)) throw new GraphQLError('Decimal cannot represent a non-number.');
    return number.toFixed(2);
  },
  parseValue: decimalOrThrow,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) decimalOrThrow(undefined);
    return decimalOrThrow((ast as { value: string }).value);
  },
});

/** A calendar date that exists (2024-02-30 does not), kept as its `YYYY-MM-DD` text. */
function calendarDateOrThrow(value: unknown): string {
  const valid =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) {
    throw new GraphQLError(`Date must be a real calendar date YYYY-MM-DD; got ${JSON.stringify(value)?.slice(0, 40)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date (日期) `YYYY-MM-DD`, as in RFC 3339 full-date.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : calendarDateOrThrow(value)),
  parseValue: calendarDateOrThrow,
  parseLiteral: (ast: ValueNode) => calendarDateOrThrow(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Instants (时间): RFC 3339 date-time with offset, the graphql-scalars `DateTime`. */
export const DateTimeScalar = DateTimeResolver;
