import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller';
import type { Services } from '../../services';
import type { Region } from './region.entity';

/** Per-request batches: each runs one scoped query however many regions a response nests. */
export function createRegionLoaders(caller: Caller, services: Services) {
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) => {
      const found = new Map<string, Region>((await services.regions.findByCodes(caller, codes)).map((r) => [r.code, r]));
      return codes.map((code) => found.get(code) ?? null);
    }),
    regionsByParentCode: new DataLoader<string, Region[]>(async (parentCodes) => {
      const children = await services.regions.childrenOf(caller, parentCodes);
      return parentCodes.map((code) => children.filter((child) => child.parentCode === code));
    }),
  };
}
