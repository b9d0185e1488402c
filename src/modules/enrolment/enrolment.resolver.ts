import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Programme } from '../case/case.entity';
import { Enrolment } from './enrolment.entity';

const EnrolmentConnection = ConnectionType(Enrolment, { name: 'Enrolment', items: 'enrolments', zh: '救助对象' });

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Query(() => EnrolmentConnection, { nullable: true, description: 'Beneficiary enrolments the caller may see (救助对象), newest first.' })
  @Needs('read', 'Enrolment')
  enrolments(@Ctx() ctx: RequestContext, @Args() page: PageArgs,
    @Arg('programme', () => Programme, { nullable: true }) programme?: Programme,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string): Promise<Connection<Enrolment>> {
    return ctx.services.enrolments.list(ctx, { programme, villageCode }, page);
  }
}
