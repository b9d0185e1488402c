import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { fromGlobalIdOrThrow, Node } from '../../graphql/node';
import { notFound } from '../../errors';

/** How each type with a global ID is fetched: through the same scoped loaders as its lists. */
const FETCHERS: Record<string, (ctx: RequestContext, key: string) => Promise<Node | null>> = {
  Region: (ctx, code) => ctx.loaders.regionByCode.load(code),
  Account: (ctx, id) => ctx.loaders.accountById.load(id),
  ApiKey: (ctx, id) => ctx.services.accounts.findApiKey(ctx, id),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { description: 'Any object by its global ID (按全局标识查询); NOT_FOUND when it does not exist or lies outside the caller\'s scope.' })
  @SignedIn('Each type is fetched through its own scoped read; nothing is returned that the caller could not list.')
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node> {
    const { type, key } = fromGlobalIdOrThrow(id);
    const fetch = FETCHERS[type];
    if (!fetch || (type !== 'Region' && !UUID.test(key))) throw notFound('Object');
    const found = await fetch(ctx, key);
    if (!found) throw notFound('Object');
    return found;
  }
}
