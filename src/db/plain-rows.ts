import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows of a query builder's main entity read from its raw result, without TypeORM's entity
 * transformer: each is an object on the entity's prototype (so getters such as `nodeId` work) with
 * only the columns asked for. A page of fifty cases read as full entities built fifty 40-column
 * objects through a generic transformer for a page that shows four fields; this reads what the
 * caller's selection needs. Values are hydrated as TypeORM would (dates, decimals, transformers).
 */
export interface PlainSelect<T extends ObjectLiteral> {
  /** The builder, selecting the chosen columns under its alias. */
  qb: SelectQueryBuilder<T>;
  /** One raw result row as an entity-shaped row. */
  toRow: (raw: Record<string, unknown>) => T;
}

/** Which columns a kept statement reads: `properties` of the built query, decided by what `shape` names. */
export interface KeptColumns<T extends ObjectLiteral> {
  shape: string;
  properties: (qb: SelectQueryBuilder<T>) => ReadonlySet<string> | undefined;
}

export function selectPlain<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, properties?: ReadonlySet<string>): PlainSelect<T> {
  const { metadata, name: alias } = qb.expressionMap.mainAlias!;
  // Join columns without a property of their own are not the entity's to hold.
  const columns = metadata.columns.filter(
    (column) => !column.isVirtual && (!properties || column.isPrimary || properties.has(column.propertyName)),
  );
  const driver = qb.expressionMap.mainAlias!.metadata.dataSource.driver;
  const reads = columns.map((column) => ({ key: `${alias}_${column.databaseName}`, column }));
  qb.select(columns.map((column) => `${alias}.${column.propertyPath}`));
  const prototype = (metadata.target as { prototype: object }).prototype;
  return {
    qb,
    toRow: (raw) => {
      const row = Object.create(prototype) as Record<string, unknown>;
      for (const { key, column } of reads) row[column.propertyName] = driver.prepareHydratedValue(raw[key], column);
      return row as T;
    },
  };
}

/** The entity properties a set of GraphQL fields reads, or undefined (every column) when one of
 * them is not a column and its needs are not listed in `needs`. */
export function propertiesFor(
  qb: SelectQueryBuilder<ObjectLiteral>,
  fields: ReadonlySet<string> | undefined,
  needs: Readonly<Record<string, readonly string[]>>,
  always: readonly string[],
): Set<string> | undefined {
  if (!fields) return undefined;
  const metadata = qb.expressionMap.mainAlias!.metadata;
  const properties = new Set(always);
  for (const field of fields) {
    if (field.startsWith('__')) continue;
    const needed = needs[field] ?? (metadata.findColumnWithPropertyName(field) ? [field] : undefined);
    if (!needed) return undefined;
    for (const property of needed) properties.add(property);
  }
  return properties;
}

/** Every row of `qb` (a builder without joined relations) as plain rows of all its columns. */
export async function plainMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const select = selectPlain(qb);
  return (await select.qb.getRawMany<Record<string, unknown>>()).map(select.toRow);
}
