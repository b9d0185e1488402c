import type { RequestContext } from './context';
import type { Node } from './node';
import { parseTenantKey, TenantKey, UUID_PATTERN } from '../db/tenant-keys';


function tenant(key: string, load: (key: TenantKey) => Promise<Node | null>): Promise<Node | null> {
  const parsed = parseTenantKey(key);
  return parsed ? load(parsed) : Promise.resolve(null);
}

/**
 * How each type with a global ID is fetched by its key: through the same scoped loaders as its
 * lists, so `node`, explanations and every other by-id path see exactly what a list would.
 */
const NODE_FETCHERS: Record<string, (ctx: RequestContext, key: string) => Promise<Node | null>> = {
  Region: (ctx, code) => (/^\d{12}$/.test(code) ? ctx.loaders.regionByCode.load(code) : Promise.resolve(null)),
  Account: (ctx, id) => (UUID_PATTERN.test(id) ? ctx.loaders.accountById.load(id) : Promise.resolve(null)),
  ApiKey: (ctx, id) => (UUID_PATTERN.test(id) ? ctx.services.accounts.findApiKey(ctx, id) : Promise.resolve(null)),
  Household: (ctx, key) => tenant(key, (k) => ctx.loaders.householdByKey.load(k)),
  Person: (ctx, key) => tenant(key, (k) => ctx.loaders.personByKey.load(k)),
  Case: (ctx, key) => tenant(key, (k) => ctx.loaders.caseByKey.load(k)),
};

/** Fetches the object a global ID names (its type and key) through that type's scoped fetcher;
 * null when the type is unknown or the object is not visible to the caller. */
export function fetchNode(ctx: RequestContext, type: string, key: string): Promise<Node | null> {
  return Object.hasOwn(NODE_FETCHERS, type) ? NODE_FETCHERS[type](ctx, key) : Promise.resolve(null);
}
