import DataLoader from 'dataloader';
import type { Caller } from './auth/caller';
import type { Services } from './services';
import { createRegionLoaders } from './modules/region/region.loaders';
import { createHouseholdLoaders, tenantKeyOf } from './modules/household/household.loaders';
import { createCaseLoaders } from './modules/case/case.loaders';
import { createEnrolmentLoaders } from './modules/enrolment/enrolment.loaders';
import type { Delegation } from './modules/delegation/delegation.entity';
import type { TenantKey } from './db/tenant-keys';
import type { Account } from './modules/account/account.entity';
import type { SpotCheckPoolEntry } from './modules/oversight/spot-check-draw.entity';

/** Per-request DataLoaders. Each batch is one query with the caller's ability AND-ed in, so a
 * nested field can never reach a row its list query would not return. */
export function createLoaders(caller: Caller, services: Services) {
  return {
    ...createRegionLoaders(caller, services),
    ...createHouseholdLoaders(caller, services),
    ...createCaseLoaders(caller, services),
    ...createEnrolmentLoaders(caller, services),
    /** The pools of a page of spot-check draws (P4.3), in one scoped statement. */
    poolByDrawKey: new DataLoader<TenantKey, SpotCheckPoolEntry[], string>(
      async (keys) => {
        const byDraw = new Map<string, SpotCheckPoolEntry[]>();
        for (const entry of await services.spotCheckDraws.poolsOf(caller, keys)) {
          const key = tenantKeyOf({ districtCode: entry.districtCode, id: entry.drawId });
          byDraw.set(key, [...(byDraw.get(key) ?? []), entry]);
        }
        return keys.map((key) => byDraw.get(tenantKeyOf(key)) ?? []);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    /** The delegations a page of cases was decided under. */
    delegationByKey: new DataLoader<TenantKey, Delegation | null, string>(
      async (keys) => {
        const found = new Map((await services.delegations.findByKeys(caller, keys)).map((d) => [tenantKeyOf(d), d] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    accountById: new DataLoader<string, Account | null>(async (ids) => {
      const found = new Map<string, Account>((await services.accounts.findByIdsScoped(caller, ids)).map((a) => [a.id, a]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** The accounts of a district the caller may see, once per request (who may take a next step). */
    visibleAccountsByDistrict: new DataLoader<string, Account[]>((districts) =>
      Promise.all(districts.map((regionCode) => services.accounts.list(caller, { regionCode }))),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
