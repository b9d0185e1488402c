import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller';
import type { Services } from '../../services';
import type { Household, Person } from './household.entity';
import type { TenantKey } from '../../db/tenant-keys';

export const tenantKeyOf = (key: TenantKey) => `${key.districtCode}:${key.id}`;

/** Per-request batches over the caller's scoped queries (one statement per batch). */
export function createHouseholdLoaders(caller: Caller, services: Services) {
  return {
    householdByKey: new DataLoader<TenantKey, Household | null, string>(
      async (keys) => {
        const found = new Map((await services.households.findByKeys(caller, keys)).map((h) => [tenantKeyOf(h), h] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    membersByHouseholdKey: new DataLoader<TenantKey, Person[], string>(
      async (keys) => {
        const members = await services.households.membersOf(caller, keys);
        return keys.map((key) => members.filter((m) => m.districtCode === key.districtCode && m.householdId === key.id));
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    personByKey: new DataLoader<TenantKey, Person | null, string>(
      async (keys) => {
        const found = new Map((await services.households.findPersonsByKeys(caller, keys)).map((p) => [tenantKeyOf(p), p] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
  };
}
