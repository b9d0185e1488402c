import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { BankAccountChange, BankAccountChangeStatus } from './bank-account-change.entity';

@InputType('ProposeBankAccountChangeInput', { description: 'A new payment account for a household (银行账户变更申请), D§10' })
class ProposeBankAccountChangeInput {
  @Field(() => ID, { description: 'The household (家庭)' })
  householdId: string;

  @Field(() => String, { nullable: true, description: 'Bank (开户银行)' })
  bankName?: string | null;

  @Field({ description: 'Account number, 8–32 digits (银行账号)' })
  bankAccount: string;

  @Field({ description: 'Why the account changes (变更原因)' })
  reason: string;
}

@InputType('ConfirmBankAccountChangeInput', { description: 'A change another account proposed, to confirm (确认银行账户变更)' })
class ConfirmBankAccountChangeInput {
  @Field(() => ID, { description: 'The change (变更)' })
  changeId: string;
}

@InputType('RejectBankAccountChangeInput', { description: 'A change another account proposed, to reject (驳回银行账户变更)' })
class RejectBankAccountChangeInput {
  @Field(() => ID, { description: 'The change (变更)' })
  changeId: string;

  @Field({ description: 'Why it is rejected (驳回理由)' })
  reason: string;
}

const CHANGE = { type: () => BankAccountChange, description: 'The change (银行账户变更)' };
const ProposeBankAccountChangePayload = payloadType<{ bankAccountChange: BankAccountChange }>(
  'ProposeBankAccountChange',
  'The proposed change, waiting for a second account (待确认的变更)',
  { bankAccountChange: CHANGE },
);
const ConfirmBankAccountChangePayload = payloadType<{ bankAccountChange: BankAccountChange }>(
  'ConfirmBankAccountChange',
  'The confirmed change, now in effect (已生效的变更)',
  { bankAccountChange: CHANGE },
);
const RejectBankAccountChangePayload = payloadType<{ bankAccountChange: BankAccountChange }>(
  'RejectBankAccountChange',
  'The rejected change (已驳回的变更)',
  { bankAccountChange: CHANGE },
);
const BankAccountChangeConnection = ConnectionType(BankAccountChange, {
  name: 'BankAccountChange',
  items: 'bank account changes',
  zh: '银行账户变更',
});

@Resolver(() => BankAccountChange)
export class BankAccountChangeResolver {
  @Query(() => BankAccountChangeConnection, {
    nullable: true,
    description: 'Changes of payee bank accounts the caller may see, newest first (银行账户变更).',
  })
  @Needs('read', 'BankAccountChange')
  bankAccountChanges(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('status', () => BankAccountChangeStatus, {
      nullable: true,
      description: 'Only this status; PROPOSED: waiting for a second account (状态)',
    })
    status?: BankAccountChangeStatus,
    @Arg('householdId', () => ID, { nullable: true, description: 'Only this household (家庭)' }) householdId?: string,
  ): Promise<Connection<BankAccountChange>> {
    const household = householdId ? tenantKeyOfOrThrow(householdId, 'Household', 'householdId').id : undefined;
    return ctx.services.bankAccountChanges.list(ctx.caller, { status, householdId: household }, page);
  }

  @Mutation(() => ProposeBankAccountChangePayload, {
    description:
      'Propose a new payment account for a household; it takes effect once a second account confirms it (提出银行账户变更), D§10.',
  })
  @Needs('create', 'BankAccountChange')
  async proposeBankAccountChange(@Ctx() ctx: RequestContext, @Arg('input') input: ProposeBankAccountChangeInput) {
    const key = tenantKeyOfOrThrow(input.householdId, 'Household', 'householdId');
    const bankAccountChange = await ctx.services.bankAccountChanges.propose(ctx.caller, key, {
      bankName: input.bankName ?? null,
      bankAccount: input.bankAccount,
      reason: input.reason,
    });
    return { bankAccountChange };
  }

  @Mutation(() => ConfirmBankAccountChangePayload, {
    description:
      'Confirm a change another account proposed; the household is paid into the new account from now on (确认银行账户变更), D§10.',
  })
  @Needs('confirm', 'BankAccountChange')
  async confirmBankAccountChange(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmBankAccountChangeInput) {
    const key = tenantKeyOfOrThrow(input.changeId, 'BankAccountChange', 'changeId');
    return { bankAccountChange: await ctx.services.bankAccountChanges.decide(ctx.caller, key, { confirm: true }) };
  }

  @Mutation(() => RejectBankAccountChangePayload, {
    description: 'Reject a change another account proposed; the household keeps its account (驳回银行账户变更), D§10.',
  })
  @Needs('confirm', 'BankAccountChange')
  async rejectBankAccountChange(@Ctx() ctx: RequestContext, @Arg('input') input: RejectBankAccountChangeInput) {
    const key = tenantKeyOfOrThrow(input.changeId, 'BankAccountChange', 'changeId');
    return { bankAccountChange: await ctx.services.bankAccountChanges.decide(ctx.caller, key, { confirm: false, reason: input.reason }) };
  }
}
