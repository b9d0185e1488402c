import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { badInput } from '../../errors';
import { Programme } from '../case/case.entity';
import { Enrolment } from './enrolment.entity';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Query(() => [Enrolment], { description: 'Beneficiary enrolments the caller may see (救助对象), newest first.' })
  @Needs('read', 'Enrolment')
  enrolments(@Ctx() ctx: RequestContext,
    @Arg('programme', () => Programme, { nullable: true }) programme?: Programme,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1–500)' }) first = 100): Promise<Enrolment[]> {
    if (first < 1 || first > 500) throw badInput('first', 'page.first.range', { max: 500 });
    return ctx.services.enrolments.list(ctx, { programme, villageCode }, first);
  }
}
