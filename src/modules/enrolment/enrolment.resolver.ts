import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { badInput } from '../../errors';
import { Case, Programme } from '../case/case.entity';
import { Household } from '../household/household.entity';
import { Enrolment } from './enrolment.entity';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Query(() => [Enrolment], { description: 'Beneficiary enrolments the caller may see (救助对象), newest first.' })
  @Needs('read', 'Enrolment')
  enrolments(@Ctx() ctx: RequestContext,
    @Arg('programme', () => Programme, { nullable: true }) programme?: Programme,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1–500)' }) first = 100): Promise<Enrolment[]> {
    if (first < 1 || first > 500) throw badInput('"first" must be between 1 and 500.', 'first');
    return ctx.services.enrolments.list(ctx, { programme, villageCode }, first);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case that enrolled the recipient (来源案件), if the caller may see it' })
  case(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: enrolment.districtCode, id: enrolment.caseId });
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The recipient household (救助家庭), if the caller may see it' })
  household(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Household | null> {
    return ctx.loaders.householdByKey.load({ districtCode: enrolment.districtCode, id: enrolment.householdId });
  }
}
