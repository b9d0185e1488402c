import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { fromGlobalIdOrThrow, Node } from '../../graphql/node';
import { notFound } from '../../errors';
import { parseTenantKey, TenantKey } from '../household/household.service';

/** How each type with a global ID is fetched: through the same scoped loaders as its lists. */
const FETCHERS: Record<string, (ctx: RequestContext, key: string) => Promise<Node | null>> = {
  Region: (ctx, code) => (/^\d{12}$/.test(code) ? ctx.loaders.regionByCode.load(code) : Promise.resolve(null)),
  Account: (ctx, id) => (UUID.test(id) ? ctx.loaders.accountById.load(id) : Promise.resolve(null)),
  ApiKey: (ctx, id) => (UUID.test(id) ? ctx.services.accounts.findApiKey(ctx, id) : Promise.resolve(null)),
  Household: (ctx, key) => tenant(key, (k) => ctx.loaders.householdByKey.load(k)),
  Person: (ctx, key) => tenant(key, (k) => ctx.loaders.personByKey.load(k)),
  Case: (ctx, key) => tenant(key, (k) => ctx.loaders.caseByKey.load(k)),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tenant(key: string, load: (key: TenantKey) => Promise<Node | null>): Promise<Node | null> {
  const parsed = parseTenantKey(key);
  return parsed ? load(parsed) : Promise.resolve(null);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { description: 'Any object by its global ID (按全局标识查询); NOT_FOUND when it does not exist or lies outside the caller\'s scope.' })
  @SignedIn('Each type is fetched through its own scoped read; nothing is returned that the caller could not list.')
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node> {
    const { type, key } = fromGlobalIdOrThrow(id);
    const fetch = FETCHERS[type];
    if (!fetch) throw notFound('Object');
    const found = await fetch(ctx, key);
    if (!found) throw notFound('Object');
    return found;
  }
}
