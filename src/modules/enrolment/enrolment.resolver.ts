import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { objectFields } from '../../graphql/selection';
import type { RequestContext } from '../../graphql/context';
import { ReadQuery } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Case, Programme } from '../case/case.entity';
import { Household } from '../household/household.entity';
import { Enrolment } from './enrolment.entity';
import { EnrolmentChange } from './enrolment-change.entity';

const EnrolmentConnection = ConnectionType(Enrolment, { name: 'Enrolment', items: 'enrolments', zh: '救助对象' });

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @ReadQuery(EnrolmentConnection, 'Enrolment', 'Beneficiary enrolments the caller may see (救助对象), newest first.')
  enrolments(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('programme', () => Programme, { nullable: true }) programme?: Programme,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
  ): Promise<Connection<Enrolment>> {
    return ctx.services.enrolments.list(ctx.caller, { programme, villageCode }, page);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case that enrolled the recipient (来源案件), if the caller may see it' })
  case(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: enrolment.districtCode, id: enrolment.caseId });
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The recipient household (救助家庭), if the caller may see it' })
  household(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Household | null> {
    return ctx.loaders.householdsSelecting(objectFields(info)).load({ districtCode: enrolment.districtCode, id: enrolment.householdId });
  }

  @FieldResolver(() => [EnrolmentChange], {
    nullable: true,
    description: 'History of amounts and statuses, in the order they took effect (救助变动记录), D§9',
  })
  history(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<EnrolmentChange[]> {
    return ctx.loaders.historyByEnrolmentKey.load(enrolment);
  }
}
