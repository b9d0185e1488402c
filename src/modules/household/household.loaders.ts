import DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context';
import type { Household, Person } from './household.entity';
import type { TenantKey } from '../../db/tenant-keys';

export const tenantKeyOf = (key: TenantKey) => `${key.districtCode}:${key.id}`;

/** Per-request batches over the caller's scoped queries (one statement per batch). */
export function createHouseholdLoaders(ctx: RequestContext) {
  return {
    householdByKey: new DataLoader<TenantKey, Household | null, string>(async (keys) => {
      const found = new Map((await ctx.services.households.findByKeys(ctx.caller, keys)).map((h) => [tenantKeyOf(h), h] as const));
      return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
    }, { cacheKeyFn: tenantKeyOf }),
    membersByHouseholdKey: new DataLoader<TenantKey, Person[], string>(async (keys) => {
      const members = await ctx.services.households.membersOf(ctx.caller, keys);
      return keys.map((key) => members.filter((m) => m.districtCode === key.districtCode && m.householdId === key.id));
    }, { cacheKeyFn: tenantKeyOf }),
    personByKey: new DataLoader<TenantKey, Person | null, string>(async (keys) => {
      const found = new Map((await ctx.services.households.findPersonsByKeys(ctx.caller, keys)).map((p) => [tenantKeyOf(p), p] as const));
      return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
    }, { cacheKeyFn: tenantKeyOf }),
  };
}
