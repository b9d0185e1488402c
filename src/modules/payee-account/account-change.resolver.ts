import { Arg, Args, ClassType, Ctx, Field, ID, InputType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import type { SubjectName } from '../../../permissions/policy';
import { BankAccountChangeStatus, ProposedAccountChange } from './account-change.entity';
import type { PayeeAccountChanges } from './account-change.service';

/** How one kind of payee's account changes appear in the API; the texts say English (中文). */
export interface PayeeAccountApi<C extends ProposedAccountChange> {
  /** The change's type, also its subject: `BankAccountChange` names `proposeBankAccountChange` … */
  type: ClassType<C>;
  name: SubjectName;
  /** The payee's global id type and the field naming it (`Household`, `householdId`). */
  payee: { type: string; field: string; description: string; filter: string };
  service: (ctx: RequestContext) => Pick<PayeeAccountChanges<C, never>, 'list' | 'propose' | 'decide'>;
  texts: {
    items: string;
    zh: string;
    list: string;
    proposeInput: string;
    propose: string;
    confirm: string;
    reject: string;
  };
}

@InputType()
class ProposeAccountChangeFields {
  @Field(() => String, { nullable: true, description: 'Bank (开户银行)' }) bankName?: string | null;
  @Field({ description: 'Account number, 8–32 digits (银行账号)' }) bankAccount: string;
  @Field({ description: 'Why the account changes (变更原因)' }) reason: string;
}

@InputType()
class DecideAccountChangeFields {
  @Field(() => ID, { description: 'The change (变更)' }) changeId: string;
}

@InputType()
class RejectAccountChangeFields extends DecideAccountChangeFields {
  @Field({ description: 'Why it is rejected (驳回理由)' }) reason: string;
}

/**
 * The query and the three mutations of a kind of payee's account changes (D§10, D§14): one account
 * proposes, a second confirms or rejects. The same names and shapes for each kind, made here once.
 */
export function payeeAccountResolver<C extends ProposedAccountChange>(api: PayeeAccountApi<C>) {
  const { name, payee, texts } = api;
  const payloadField = name.charAt(0).toLowerCase() + name.slice(1);

  @InputType(`Propose${name}Input`, { description: texts.proposeInput })
  class ProposeInput extends ProposeAccountChangeFields {}
  // The payee's field is named by its kind (householdId, institutionPayeeId).
  Field(() => ID, { description: payee.description })(ProposeInput.prototype, payee.field);

  @InputType(`Confirm${name}Input`, { description: 'A change another account proposed, to confirm (确认银行账户变更)' })
  class ConfirmInput extends DecideAccountChangeFields {}

  @InputType(`Reject${name}Input`, { description: 'A change another account proposed, to reject (驳回银行账户变更)' })
  class RejectInput extends RejectAccountChangeFields {}

  const payload = (verb: string, description: string) =>
    payloadType<Record<string, C>>(`${verb}${name}`, description, {
      [payloadField]: { type: () => api.type, description: `The change (${texts.zh})` },
    });
  const ProposePayload = payload('Propose', 'The proposed change, waiting for a second account (待确认的变更)');
  const ConfirmPayload = payload('Confirm', 'The confirmed change, now in effect (已生效的变更)');
  const RejectPayload = payload('Reject', 'The rejected change (已驳回的变更)');
  const ChangeConnection = ConnectionType(api.type, { name, items: texts.items, zh: texts.zh });

  @Resolver(() => api.type)
  class PayeeAccountResolver {
    @ReadQuery(ChangeConnection, name, texts.list, { name: `${payloadField}s` })
    list(
      @Ctx() ctx: RequestContext,
      @Args() page: PageArgs,
      @Arg('status', () => BankAccountChangeStatus, {
        nullable: true,
        description: 'Only this status; PROPOSED: waiting for a second account (状态)',
      })
      status?: BankAccountChangeStatus,
      @Arg(payee.field, () => ID, { nullable: true, description: payee.filter }) payeeId?: string,
    ): Promise<Connection<C>> {
      const id = payeeId ? tenantKeyOfOrThrow(payeeId, payee.type, payee.field).id : undefined;
      return api.service(ctx).list(ctx.caller, { status, payeeId: id }, page);
    }

    @Command(ProposePayload, 'create', name, texts.propose, { name: `propose${name}` })
    async propose(@Ctx() ctx: RequestContext, @Arg('input', () => ProposeInput) input: ProposeInput & Record<string, string>) {
      const key = tenantKeyOfOrThrow(input[payee.field], payee.type, payee.field);
      return { [payloadField]: await api.service(ctx).propose(ctx.caller, key, input) };
    }

    @Command(ConfirmPayload, 'confirm', name, texts.confirm, { name: `confirm${name}` })
    async confirm(@Ctx() ctx: RequestContext, @Arg('input', () => ConfirmInput) input: ConfirmInput) {
      const key = tenantKeyOfOrThrow(input.changeId, name, 'changeId');
      return { [payloadField]: await api.service(ctx).decide(ctx.caller, key, { confirm: true }) };
    }

    @Command(RejectPayload, 'confirm', name, texts.reject, { name: `reject${name}` })
    async reject(@Ctx() ctx: RequestContext, @Arg('input', () => RejectInput) input: RejectInput) {
      const key = tenantKeyOfOrThrow(input.changeId, name, 'changeId');
      return { [payloadField]: await api.service(ctx).decide(ctx.caller, key, { confirm: false, reason: input.reason }) };
    }
  }
  return PayeeAccountResolver;
}
