import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { TenantKey } from './tenant-keys';

/** Narrows a (scoped) builder to the one row of a tenant key, the distribution column first. */
export const whereKey = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, key: TenantKey): SelectQueryBuilder<T> =>
  qb.andWhere(`${qb.alias}.district_code = :d AND ${qb.alias}.id = :id`, { d: key.districtCode, id: key.id });

/**
 * Narrows a (scoped) list to the rows whose columns equal a filter's values, `{ column: value }`; a
 * value the filter leaves out (null, undefined or empty) does not narrow.
 */
export function whereEqual<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  equal: Readonly<Record<string, string | null | undefined>>,
): SelectQueryBuilder<T> {
  for (const [column, value] of Object.entries(equal)) {
    if (value) qb.andWhere(`${qb.alias}.${column} = :filter_${column}`, { [`filter_${column}`]: value });
  }
  return qb;
}
