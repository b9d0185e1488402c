import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { ReadQuery } from '../../graphql/guards';
import { Region } from '../region/region.entity';
import type { StaffingLine as Line } from './staffing.service';

@ObjectType('StaffingLine', { description: "One township's line of the staffing report (乡镇人员配备情况), P6.2, D§11" })
class StaffingLine implements Line {
  @Field(() => Region, { description: 'The township (乡镇)' }) township: Region;

  @Field(() => Int, {
    description: 'Civil-affairs staff P6.2 requires: 3 up to 30,000 residents, one more per further full 10,000 (应配民政工作人员)',
  })
  requiredCaseworkers: number;

  @Field(() => Int, { description: 'Active accounts holding TOWNSHIP_CASEWORKER for the township (实有民政工作人员)' }) caseworkers: number;
  @Field(() => Int, { description: 'Staff missing, 0 when the rule is met (缺员)' }) shortfall: number;

  @Field(() => [Region], { description: 'Villages of the township without an active designated assistant (未配备协理员的村/社区)' })
  villagesWithoutAssistant: Region[];
}

@Resolver(() => StaffingLine)
export class StaffingResolver {
  @ReadQuery(
    [StaffingLine],
    'StaffingReport',
    'The staffing compliance report (人员配备情况), P6.2, D§11: per township its population, required and actual civil-affairs staff, the shortfall and the villages without a designated assistant. The district sees every township, a township head its own.',
  )
  staffingReport(@Ctx() ctx: RequestContext): Promise<Line[]> {
    return ctx.services.staffing.report(ctx.caller);
  }

  @FieldResolver(() => Int, { description: 'Resident population the requirement is computed from (常住人口)' })
  population(@Root() line: Line): number {
    return line.township.population;
  }
}
