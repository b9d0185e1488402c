import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller';
import type { Services } from '../../services';
import type { Household, Person } from './household.entity';
import type { TenantKey } from '../../db/tenant-keys';

export const tenantKeyOf = (key: TenantKey) => `${key.districtCode}:${key.id}`;

/** One loader per selection of fields (see `objectFields`), made when first asked for: the items of a
 * page share one selection, so their batch is one statement reading only the columns it needs. */
function perSelection<L>(make: (fields?: ReadonlySet<string>) => L): (fields?: ReadonlySet<string>) => L {
  const made = new Map<ReadonlySet<string> | undefined, L>();
  return (fields) => {
    let loader = made.get(fields);
    if (!loader) {
      loader = make(fields);
      made.set(fields, loader);
    }
    return loader;
  };
}

/** Per-request batches over the caller's scoped queries (one statement per batch). */
export function createHouseholdLoaders(caller: Caller, services: Services) {
  const households = (fields?: ReadonlySet<string>) =>
    new DataLoader<TenantKey, Household | null, string>(
      async (keys) => {
        const found = new Map((await services.households.findByKeys(caller, keys, fields)).map((h) => [tenantKeyOf(h), h] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    );
  const members = (fields?: ReadonlySet<string>) =>
    new DataLoader<TenantKey, Person[], string>(
      async (keys) => {
        const byHousehold = new Map<string, Person[]>();
        for (const member of await services.households.membersOf(caller, keys, fields)) {
          const key = tenantKeyOf({ districtCode: member.districtCode, id: member.householdId });
          const list = byHousehold.get(key);
          if (list) list.push(member);
          else byHousehold.set(key, [member]);
        }
        return keys.map((key) => byHousehold.get(tenantKeyOf(key)) ?? []);
      },
      { cacheKeyFn: tenantKeyOf },
    );
  const householdsSelecting = perSelection(households);
  return {
    /** Households by key with every column: the loader of a selection that cannot be told, so both share one batch. */
    householdByKey: householdsSelecting(undefined),
    /** Households by key with the columns a GraphQL selection on them needs. */
    householdsSelecting,
    /** Members by household key, with the columns a GraphQL selection on them needs (all without one). */
    membersSelecting: perSelection(members),
    personByKey: new DataLoader<TenantKey, Person | null, string>(
      async (keys) => {
        const found = new Map((await services.households.findPersonsByKeys(caller, keys)).map((p) => [tenantKeyOf(p), p] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
  };
}
