import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { Field, Int } from 'type-graphql';
import { CalendarDateScalar, DecimalScalar } from '../graphql/scalars';
import { DecimalColumn } from './decimal-column';

// Decorators that declare a column and its GraphQL field together, so that an entity property reads
// as one line: `@Varchar(50, 'Name (姓名)') name: string;`. The argument after the column's own
// (length, enum) is the field's description; without one the column is not a GraphQL field. The
// column type fixes the field type (varchar → String, timestamptz → Date, numeric → Decimal …).
// Keys, relations, computed fields and one-off columns keep TypeORM's and type-graphql's decorators.

/** Where a column departs from the plain case. */
export interface Spec {
  /**
   * true: the column and the field may be null. 'field': the column is NOT NULL but the field may be
   * null, because a role that is not granted the field reads null there.
   */
  nullable?: boolean | 'field';
  default?: ColumnOptions['default'];
  unique?: boolean;
  /** Both false: the database writes the column (a trigger), never an INSERT or UPDATE from here. */
  insert?: false;
  update?: false;
}

/** The field's description (when the column is a field) and the spec, each optional. */
type Described = [description: string, spec?: Spec] | [spec?: Spec];

function persisted(
  type: () => object,
  column: (options: ColumnOptions) => PropertyDecorator,
  columnOptions: ColumnOptions,
  args: Described,
): PropertyDecorator {
  const [description, spec = {}] = typeof args[0] === 'string' ? [args[0], args[1]] : [undefined, args[0]];
  const { nullable, ...rest } = spec;
  const columnDecorator = column({ ...columnOptions, ...rest, ...(nullable === true && { nullable }) });
  const fieldDecorator = description === undefined ? undefined : Field(type, { description, ...(nullable && { nullable: true }) });
  // The field before the column: the order in which the `@Column` `@Field` pair this replaces ran.
  return (prototype, property) => {
    fieldDecorator?.(prototype, property);
    columnDecorator(prototype, property);
  };
}

/** A `varchar(length)` column, a String field. */
export function Varchar(length: number, ...args: Described): PropertyDecorator {
  return persisted(() => String, Column, { type: 'varchar', length }, args);
}

/** A `varchar(length)` column holding a member of a GraphQL enum (made with defineEnum or registerEnumType). */
export function Enum(values: object, length: number, ...args: Described): PropertyDecorator {
  return persisted(() => values, Column, { type: 'varchar', length }, args);
}

/** A `text` column, a String field. */
export function Text(...args: Described): PropertyDecorator {
  return persisted(() => String, Column, { type: 'text' }, args);
}

/** A `text[]` column, empty by default, a [String] field. */
export function TextArray(...args: Described): PropertyDecorator {
  return persisted(() => [String], Column, { type: 'text', array: true, default: () => "'{}'" }, args);
}

/** A `uuid` column: a row's key in another table, which the API serves as a global ID elsewhere. */
export function Uuid(spec?: Spec): PropertyDecorator {
  return persisted(() => String, Column, { type: 'uuid' }, [spec]);
}

/** A `uuid[]` column, empty by default. */
export function UuidArray(spec?: Spec): PropertyDecorator {
  return persisted(() => [String], Column, { type: 'uuid', array: true, default: () => "'{}'" }, [spec]);
}

/** A `boolean` column, a Boolean field. */
export function Bool(...args: Described): PropertyDecorator {
  return persisted(() => Boolean, Column, { type: 'boolean' }, args);
}

/** An `int` column, an Int field. */
export function Integer(...args: Described): PropertyDecorator {
  return persisted(() => Int, Column, { type: 'int' }, args);
}

/** A `numeric(12,2)` column of yuan (DecimalColumn), a Decimal field. */
export function Money(...args: Described): PropertyDecorator {
  return persisted(() => DecimalScalar, DecimalColumn, {}, args);
}

/** A `timestamptz` column, a Date field. */
export function Timestamp(...args: Described): PropertyDecorator {
  return persisted(() => Date, Column, { type: 'timestamptz' }, args);
}

/** The `timestamptz` column TypeORM sets when the row is inserted, a Date field. */
export function CreatedAt(...args: Described): PropertyDecorator {
  return persisted(() => Date, CreateDateColumn, { type: 'timestamptz' }, args);
}

/** The `timestamptz` column TypeORM sets on every save, a Date field. */
export function UpdatedAt(...args: Described): PropertyDecorator {
  return persisted(() => Date, UpdateDateColumn, { type: 'timestamptz' }, args);
}

/** A `date` column, a CalendarDate field (YYYY-MM-DD, no time zone). */
export function CalendarDate(...args: Described): PropertyDecorator {
  return persisted(() => CalendarDateScalar, Column, { type: 'date' }, args);
}

/** A `jsonb` column, a field of the given GraphQL type (an object type's list, or a JSON scalar). */
export function Json(type: () => object, ...args: Described): PropertyDecorator {
  return persisted(type, Column, { type: 'jsonb' }, args);
}
