import { GraphQLString } from 'graphql';
import { Arg, Args, Ctx, Field, ID, InputType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { currentLanguage } from '../../i18n/language';
import { render } from '../../i18n/message';
import { Programme } from '../case/case.entity';
import { Delegation } from './delegation.entity';

@InputType('GrantDelegationInput', { description: 'A delegation of the authority to decide to a township (审核确认权委托), D§13' })
class GrantDelegationInput {
  @Field({ description: 'Township entrusted (受委托乡镇代码)' }) townshipCode: string;
  @Field(() => Programme, { description: 'Programme delegated (救助类别)' }) programme: Programme;
  @Field(() => CalendarDateScalar, { description: 'Effective from (生效日期)' }) effectiveFrom: string;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Ends after this date, if set (截止日期)' }) effectiveUntil?: string;
  @Field({ description: "The district's document reference (区文件文号)" }) documentReference: string;
}

@InputType('RevokeDelegationInput', { description: 'The revocation of a delegation from a date (收回委托), D§13' })
class RevokeDelegationInput {
  @Field(() => ID, { description: 'The grant to end (要收回的委托)' }) delegationId: string;
  @Field(() => CalendarDateScalar, { description: 'From this date the district decides again (收回生效日期)' }) effectiveFrom: string;
  @Field({ description: "The district's document reference (区文件文号)" }) documentReference: string;
}

const GrantDelegationPayload = payloadType<{ delegation: Delegation; staffingWarning: string | null }>(
  'GrantDelegation',
  'The recorded grant (委托记录)',
  {
    delegation: { type: () => Delegation, description: 'The grant (委托)' },
    staffingWarning: {
      type: () => GraphQLString,
      nullable: true,
      description: 'The township has fewer civil-affairs staff than P6.2 requires (人员配备不足提示); the grant is recorded all the same',
    },
  },
);
const RevokeDelegationPayload = payloadType<{ delegation: Delegation }>('RevokeDelegation', 'The revocation record (收回记录)', {
  delegation: { type: () => Delegation, description: 'The revocation (收回委托记录)' },
});
const DelegationConnection = ConnectionType(Delegation, { name: 'Delegation', items: 'delegation records', zh: '委托记录' });

@Resolver()
export class DelegationResolver {
  @Command(
    GrantDelegationPayload,
    'create',
    'Delegation',
    'Entrust a township with the authority to decide a programme (委托审核确认权); DISTRICT_OFFICER, P3.1, P5.',
  )
  async grantDelegation(@Ctx() ctx: RequestContext, @Arg('input') input: GrantDelegationInput) {
    const { delegation, warnings } = await ctx.services.delegations.grant(ctx.caller, input);
    const language = currentLanguage();
    return { delegation, staffingWarning: warnings.length ? warnings.map((w) => render(w, language)).join(' ') : null };
  }

  @Command(
    RevokeDelegationPayload,
    'revoke',
    'Delegation',
    'End a delegation from a date, by a revocation record (收回委托); DISTRICT_OFFICER, P3.3.',
  )
  async revokeDelegation(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeDelegationInput) {
    const key = tenantKeyOfOrThrow(input.delegationId, 'Delegation', 'delegationId');
    return { delegation: await ctx.services.delegations.revoke(ctx.caller, key, input.effectiveFrom, input.documentReference) };
  }

  @ReadQuery(DelegationConnection, 'Delegation', 'Delegation records the caller may see, grants and revocations, newest first (委托记录).')
  delegations(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
  ): Promise<Connection<Delegation>> {
    return ctx.services.delegations.list(ctx.caller, { townshipCode }, page);
  }
}
