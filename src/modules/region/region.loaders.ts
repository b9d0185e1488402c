import DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context';
import type { Region } from './region.entity';

/** Per-request batches: each runs one scoped query however many regions a response nests. */
export function createRegionLoaders(ctx: RequestContext) {
  return {
    regionByCode: new DataLoader<string, Region | null>(async (codes) => {
      const found = new Map<string, Region>((await ctx.services.regions.findByCodes(ctx.caller, codes)).map((r) => [r.code, r]));
      return codes.map((code) => found.get(code) ?? null);
    }),
    regionsByParentCode: new DataLoader<string, Region[]>(async (parentCodes) => {
      const children = await ctx.services.regions.childrenOf(ctx.caller, parentCodes);
      return parentCodes.map((code) => children.filter((child) => child.parentCode === code));
    }),
  };
}
