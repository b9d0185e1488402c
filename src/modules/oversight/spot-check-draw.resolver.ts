import { Arg, Args, Ctx, Field, FieldResolver, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Case } from '../case/case.entity';
import { SpotCheckDraw, SpotCheckPoolEntry } from './spot-check-draw.entity';
import { replayMatches } from './spot-check-draw.service';

@InputType('DrawSpotCheckSampleInput', { description: 'A spot-check draw of the district (抽查抽签), P4.3, D§3' })
class DrawSpotCheckSampleInput {
  @Field(() => CalendarDateScalar, {
    nullable: true,
    description:
      'Only cases filed on or before this day enter the pool, e.g. the last day of a month; by default all filed so far (备案截止日期)',
  })
  filedOnOrBefore?: string;
}

const DrawSpotCheckSamplePayload = payloadType<{ draw: SpotCheckDraw }>('DrawSpotCheckSample', 'The recorded draw (抽签记录)', {
  draw: { type: () => SpotCheckDraw, description: 'The draw with its seed, pool and sample (抽签)' },
});
const SpotCheckDrawConnection = ConnectionType(SpotCheckDraw, { name: 'SpotCheckDraw', items: 'spot-check draws', zh: '抽查抽签' });

@Resolver(() => SpotCheckDraw)
export class SpotCheckDrawResolver {
  @Command(
    DrawSpotCheckSamplePayload,
    'create',
    'SpotCheckDraw',
    "Draw the spot-check sample now (抽查抽签): a random seed is generated and recorded with the district's rate and the pool of filed cases in no earlier draw; kin-registered and complained-about cases are always in the sample. DISTRICT_OFFICER; P4.3, D§3.",
  )
  async drawSpotCheckSample(@Ctx() ctx: RequestContext, @Arg('input') input: DrawSpotCheckSampleInput) {
    return { draw: await ctx.services.spotCheckDraws.draw(ctx.caller, input) };
  }

  @ReadQuery(
    SpotCheckDrawConnection,
    'SpotCheckDraw',
    "The district's spot-check draws, newest first (抽查抽签记录); townships see none (P4.3, D§3).",
  )
  spotCheckDraws(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<SpotCheckDraw>> {
    return ctx.services.spotCheckDraws.list(ctx.caller, page);
  }

  @FieldResolver(() => [SpotCheckPoolEntry], {
    description: "The draw's pool in case order, with whether and why each case is in the sample (样本池)",
  })
  async pool(
    @Root() draw: SpotCheckDraw,
    @Ctx() ctx: RequestContext,
    @Arg('sampled', () => Boolean, { nullable: true, description: 'Only the sampled cases (true) or only the others (false) (是否抽中)' })
    sampled?: boolean,
  ): Promise<SpotCheckPoolEntry[]> {
    const pool = await ctx.loaders.poolByDrawKey.load(draw);
    return sampled === undefined || sampled === null ? pool : pool.filter((e) => e.sampled === sampled);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Replaying the recorded seed, rate and pool with the recorded algorithm gives exactly the recorded sample (复核抽样结果一致)',
  })
  async replayMatches(@Root() draw: SpotCheckDraw, @Ctx() ctx: RequestContext): Promise<boolean> {
    return replayMatches(draw, await ctx.loaders.poolByDrawKey.load(draw));
  }
}

@Resolver(() => SpotCheckPoolEntry)
export class SpotCheckPoolEntryResolver {
  @FieldResolver(() => Case, { nullable: true, description: 'The case, if the caller may read it (案件)' })
  case(@Root() entry: SpotCheckPoolEntry, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: entry.districtCode, id: entry.caseId });
  }
}
