import { Arg, Ctx, Int, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ReadQuery } from '../../graphql/guards';
import { TownshipMonthFigures } from './statistics.types';

@Resolver()
export class StatisticsResolver {
  @ReadQuery(
    [TownshipMonthFigures],
    'Statistics',
    "Figures per township and month of a year, for charts (统计数据): the district's view of every township (DISTRICT_OFFICER, P4.3), a township's of itself (P4.2). Each figure is computed in SQL over only the rows the caller may read: no row outside the caller's scope contributes.",
  )
  districtStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { description: 'Calendar year (年度)' }) year: number,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
  ): Promise<TownshipMonthFigures[]> {
    return ctx.services.statistics.monthly(ctx.caller, { year, townshipCode });
  }
}
