import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/guards';
import { fromGlobalIdOrThrow, Node } from '../../graphql/node';
import { fetchNode } from '../../graphql/node-fetchers';
import { notFound } from '../../errors';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global ID (按全局标识查询); NOT_FOUND when it does not exist or lies outside the caller's scope.",
  })
  @SignedIn('Each type is fetched through its own scoped read; nothing is returned that the caller could not list.')
  async node(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Node> {
    const { type, key } = fromGlobalIdOrThrow(id);
    const found = await fetchNode(ctx, type, key);
    if (!found) {
      await ctx.services.audit.noteHiddenNode(ctx.caller, type, key);
      throw notFound('node.notFound', { type: 'Object' });
    }
    return found;
  }
}
