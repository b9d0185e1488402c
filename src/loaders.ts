import DataLoader from 'dataloader';
import type { Caller } from './auth/caller';
import type { Services } from './services';
import { createRegionLoaders } from './modules/region/region.loaders';
import { createHouseholdLoaders } from './modules/household/household.loaders';
import { createCaseLoaders } from './modules/case/case.loaders';
import type { Account } from './modules/account/account.entity';

/** Per-request DataLoaders. Each batch is one query with the caller's ability AND-ed in, so a
 * nested field can never reach a row its list query would not return. */
export function createLoaders(caller: Caller, services: Services) {
  return {
    ...createRegionLoaders(caller, services),
    ...createHouseholdLoaders(caller, services),
    ...createCaseLoaders(caller, services),
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
