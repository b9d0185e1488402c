import { Column } from 'typeorm';

/**
 * A `numeric(12,2)` column: money in yuan, served as the `Decimal` scalar. pg returns numeric as a
 * string; twelve digits are well within a double's fifteen, so each value round-trips as a number.
 */
export function DecimalColumn(options: { nullable?: boolean } = {}): PropertyDecorator {
  return Column({
    type: 'numeric',
    precision: 12,
    scale: 2,
    ...options,
    transformer: { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) },
  });
}
