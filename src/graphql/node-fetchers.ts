import type { RequestContext } from './context';
import type { Node } from './node';
import { parseTenantKey, TenantKey } from '../db/tenant-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tenant(key: string, load: (key: TenantKey) => Promise<Node | null>): Promise<Node | null> {
  const parsed = parseTenantKey(key);
  return parsed ? load(parsed) : Promise.resolve(null);
}

/**
 * How each type with a global ID is fetched by its key: through the same scoped loaders as its
 * lists, so `node`, explanations and every other by-id path see exactly what a list would.
 */
export const NODE_FETCHERS: Record<string, (ctx: RequestContext, key: string) => Promise<Node | null>> = {
  Region: (ctx, code) => (/^\d{12}$/.test(code) ? ctx.loaders.regionByCode.load(code) : Promise.resolve(null)),
  Account: (ctx, id) => (UUID.test(id) ? ctx.loaders.accountById.load(id) : Promise.resolve(null)),
  ApiKey: (ctx, id) => (UUID.test(id) ? ctx.services.accounts.findApiKey(ctx, id) : Promise.resolve(null)),
  Household: (ctx, key) => tenant(key, (k) => ctx.loaders.householdByKey.load(k)),
  Person: (ctx, key) => tenant(key, (k) => ctx.loaders.personByKey.load(k)),
  Case: (ctx, key) => tenant(key, (k) => ctx.loaders.caseByKey.load(k)),
};

/** The object a global ID's type and key name, through its scoped fetcher; null for unknown types. */
export function fetchNode(ctx: RequestContext, type: string, key: string): Promise<Node | null> {
  return Object.hasOwn(NODE_FETCHERS, type) ? NODE_FETCHERS[type](ctx, key) : Promise.resolve(null);
}
