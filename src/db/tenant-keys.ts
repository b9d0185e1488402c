import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A tenant row's key: the district (the distribution column, D§1) and the row's uuid. */
export interface TenantKey {
  districtCode: string;
  id: string;
}

/**
 * Restricts a query to rows whose (district_code, `column`) is one of `keys`: a batch of by-id
 * lookups in one statement, with the distribution column in the predicate.
 */
export function whereTenantKeysIn<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  column: string,
  keys: readonly TenantKey[],
): SelectQueryBuilder<T> {
  return qb.andWhere(tenantKeysCondition(qb.alias, column), tenantKeyValues(keys));
}

/** The condition of `whereTenantKeysIn`, with its values named `districts` and `ids`. */
export const tenantKeysCondition = (alias: string, column: string) =>
  `(${alias}.district_code, ${alias}.${column}) IN (SELECT * FROM unnest(:districts::varchar[], :ids::uuid[]))`;

export const tenantKeyValues = (keys: readonly TenantKey[]) => ({ districts: keys.map((k) => k.districtCode), ids: keys.map((k) => k.id) });

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses the key part of a tenant row's global ID, `<districtCode>:<uuid>`; anything else is a
 * key this API never issued. */
export function parseTenantKey(key: string): TenantKey | null {
  const [districtCode, id, extra] = key.split(':');
  if (extra !== undefined || !/^\d{12}$/.test(districtCode ?? '') || !UUID_PATTERN.test(id ?? '')) return null;
  return { districtCode, id };
}
