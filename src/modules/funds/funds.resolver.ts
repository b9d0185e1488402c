import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { keyOfOrThrow, tenantKeyOfOrThrow } from '../../graphql/node';
import { IDEMPOTENCY_KEY_DESCRIPTION, payloadType } from '../../graphql/payload';
import { DecimalScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { FundRequest, InstitutionPayee, Payment, PaymentBatch, PaymentBatchKind, PaymentOutcome, Roster, RosterLine } from './funds.entity';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Reconciliation } from './reconciliation';

@InputType('BuildRosterInput', { description: "A township's roster for a month (生成月度花名册), D§10" })
class BuildRosterInput {
  @Field({ description: 'Township (乡镇代码)' }) townshipCode: string;
  @Field({ description: 'Month, YYYY-MM (发放月份)' }) month: string;
}

@InputType('BuildSupplementaryRosterInput', { description: 'A correction of a submitted roster (生成补充花名册), D§10' })
class BuildSupplementaryRosterInput {
  @Field(() => ID, { description: 'The submitted regular roster of the month it corrects (所补充的花名册)' }) rosterId: string;
  @Field({ description: 'Why the submitted roster is corrected (补充理由)' }) reason: string;
}

@InputType('CreateInstitutionPayeeInput', {
  description: 'A care institution paid for centralised TEKUN recipients (登记供养机构收款账户), D§10',
})
class CreateInstitutionPayeeInput {
  @Field({ description: 'Township the institution is in (所在乡镇代码)' }) townshipCode: string;
  @Field({ description: 'Institution (供养机构名称)' }) name: string;
  @Field({ description: 'Bank of the account (开户银行)' }) bankName: string;
  @Field({ description: "The institution's bank account, 8–32 digits (机构银行账号)" }) bankAccount: string;
}

@InputType('UpdateInstitutionPayeeInput', {
  description:
    "A correction of a care institution's record (更正供养机构信息), D§10; its account changes only through proposeInstitutionAccountChange",
})
class UpdateInstitutionPayeeInput {
  @Field(() => ID, { description: 'The institution (供养机构)' }) institutionPayeeId: string;
  @Field(() => String, { nullable: true, description: 'Institution (供养机构名称)' }) name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Bank of the account, as recorded (开户银行); another bank is refused: propose it with proposeInstitutionAccountChange',
  })
  bankName?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The institution's account, as recorded (机构银行账号); another account is refused: propose it with proposeInstitutionAccountChange",
  })
  bankAccount?: string | null;
}

@InputType('AssignInstitutionPayeeInput', {
  description: 'The institution paid for a centralised TEKUN recipient (指定收款供养机构), D§10',
})
class AssignInstitutionPayeeInput {
  @Field(() => ID, { description: 'The centralised TEKUN enrolment (集中供养特困人员)' }) enrolmentId: string;
  @Field(() => ID, { description: 'The institution that cares for the person (供养机构)' }) institutionPayeeId: string;
}

@InputType('SubmitRosterInput', { description: 'Submit a roster to the district (报送花名册)' })
class SubmitRosterInput {
  @Field(() => ID, { description: 'The roster (花名册)' }) rosterId: string;
}

@InputType('SubmitFundRequestInput', { description: "The district's fund request for a month (提交资金申请), P4.3" })
class SubmitFundRequestInput {
  @Field({ description: 'Month, YYYY-MM (月份)' }) month: string;
}

@InputType('ApproveFundRequestInput', { description: "Finance's approval with the allocation (批准资金申请并拨付), P4.4" })
class ApproveFundRequestInput {
  @Field(() => ID, { description: 'The fund request (资金申请)' }) fundRequestId: string;
  @Field(() => DecimalScalar, { description: 'Allocated, in full: equal to the requested total (拨付金额, 元)' }) allocatedAmount: number;
}

@InputType('ReturnFundRequestInput', { description: "Finance's return of a fund request with reasons (退回资金申请), P4.4" })
class ReturnFundRequestInput {
  @Field(() => ID, { description: 'The fund request (资金申请)' }) fundRequestId: string;
  @Field(() => [String], { description: 'Reasons, at least one (退回理由)' }) reasons: string[];
}

@InputType('ExportPaymentBatchInput', { description: "A township month's payments sent to a bank (导出代发批次), D§10" })
class ExportPaymentBatchInput {
  @Field({ description: 'Township (乡镇代码)' }) townshipCode: string;
  @Field({ description: 'Month, YYYY-MM (发放月份)' }) month: string;
  @Field(() => ID, { description: "The bank's integration account (代发银行接口账号)" }) bankIntegrationId: string;

  @Field(() => PaymentBatchKind, { description: 'Regular, or supplementary for failed payments after correction (类别)' })
  kind: PaymentBatchKind;
}

@InputType('PaymentResultInput', { description: "The bank's result for one transfer (单笔发放结果)" })
class PaymentResultInput {
  @Field({ description: 'The reference of the batch file line (业务参考号)' }) reference: string;
  @Field(() => PaymentOutcome, { description: 'Paid or failed (结果)' }) outcome: PaymentOutcome;
  @Field(() => String, { nullable: true, description: 'Why it failed; only on a failure (失败原因)' }) reason?: string | null;
}

@InputType('RecordPaymentResultsInput', { description: "The bank's results for a batch sent to it (反馈代发结果), D§10" })
class RecordPaymentResultsInput {
  @Field(() => ID, { description: 'The batch (代发批次)' }) batchId: string;
  @Field(() => [PaymentResultInput], { description: 'One result per transfer reported (结果明细)' }) results: PaymentResultInput[];
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

const BuildRosterPayload = payloadType<{ roster: Roster }>('BuildRoster', 'The roster (花名册)', {
  roster: { type: () => Roster, description: 'The roster, the same one however often it is built (花名册)' },
});
const BuildSupplementaryRosterPayload = payloadType<{ roster: Roster }>(
  'BuildSupplementaryRoster',
  'The supplementary roster (补充花名册)',
  {
    roster: { type: () => Roster, description: 'The supplementary roster, a draft to submit (补充花名册)' },
  },
);
const CreateInstitutionPayeePayload = payloadType<{ institutionPayee: InstitutionPayee }>(
  'CreateInstitutionPayee',
  'The institution recorded (已登记供养机构)',
  { institutionPayee: { type: () => InstitutionPayee, description: 'The institution (供养机构)' } },
);
const UpdateInstitutionPayeePayload = payloadType<{ institutionPayee: InstitutionPayee }>(
  'UpdateInstitutionPayee',
  'The institution as corrected (已更正供养机构)',
  { institutionPayee: { type: () => InstitutionPayee, description: 'The institution (供养机构)' } },
);
const AssignInstitutionPayeePayload = payloadType<{ enrolment: Enrolment; institutionPayee: InstitutionPayee }>(
  'AssignInstitutionPayee',
  'The enrolment and the institution now paid for it (已指定收款机构)',
  {
    enrolment: { type: () => Enrolment, description: 'The enrolment (救助对象)' },
    institutionPayee: { type: () => InstitutionPayee, description: 'The institution paid (收款供养机构)' },
  },
);
const SubmitRosterPayload = payloadType<{ roster: Roster }>('SubmitRoster', 'The submitted roster (已报送花名册)', {
  roster: { type: () => Roster, description: 'The roster (花名册)' },
});
const SubmitFundRequestPayload = payloadType<{ fundRequest: FundRequest }>('SubmitFundRequest', 'The fund request (资金申请)', {
  fundRequest: { type: () => FundRequest, description: 'The fund request (资金申请)' },
});
const ApproveFundRequestPayload = payloadType<{ fundRequest: FundRequest }>('ApproveFundRequest', 'The approved request (已批准资金申请)', {
  fundRequest: { type: () => FundRequest, description: 'The fund request (资金申请)' },
});
const ReturnFundRequestPayload = payloadType<{ fundRequest: FundRequest }>('ReturnFundRequest', 'The returned request (已退回资金申请)', {
  fundRequest: { type: () => FundRequest, description: 'The fund request (资金申请)' },
});
const ExportPaymentBatchPayload = payloadType<{ paymentBatch: PaymentBatch }>('ExportPaymentBatch', 'The batch sent (代发批次)', {
  paymentBatch: { type: () => PaymentBatch, description: 'The batch with its file (代发批次)' },
});
const RecordPaymentResultsPayload = payloadType<{ paymentBatch: PaymentBatch }>('RecordPaymentResults', 'The batch answered (已反馈批次)', {
  paymentBatch: { type: () => PaymentBatch, description: 'The batch (代发批次)' },
});

const RosterConnection = ConnectionType(Roster, { name: 'Roster', items: 'rosters', zh: '花名册' });
const InstitutionPayeeConnection = ConnectionType(InstitutionPayee, {
  name: 'InstitutionPayee',
  items: 'care institutions',
  zh: '供养机构',
});
const RosterLineConnection = ConnectionType(RosterLine, { name: 'RosterLine', items: 'roster lines', zh: '花名册明细' });
const FundRequestConnection = ConnectionType(FundRequest, { name: 'FundRequest', items: 'fund requests', zh: '资金申请' });
const PaymentBatchConnection = ConnectionType(PaymentBatch, { name: 'PaymentBatch', items: 'payment batches', zh: '代发批次' });
const PaymentConnection = ConnectionType(Payment, { name: 'Payment', items: 'payments', zh: '发放记录' });

@Resolver(() => Roster)
export class FundsResolver {
  @Command(
    BuildRosterPayload,
    'create',
    'Roster',
    "Build a township's roster for a month, once: building again returns it (生成月度花名册); TOWNSHIP_CASEWORKER, D§10.",
  )
  async buildRoster(@Ctx() ctx: RequestContext, @Arg('input') input: BuildRosterInput) {
    return { roster: await ctx.services.funds.buildRoster(ctx.caller, input.townshipCode, input.month) };
  }

  @Command(
    BuildSupplementaryRosterPayload,
    'create',
    'Roster',
    "Correct a submitted roster with a supplementary one holding the month's payees it misses, with the reason (生成补充花名册); TOWNSHIP_CASEWORKER, D§10.",
  )
  async buildSupplementaryRoster(@Ctx() ctx: RequestContext, @Arg('input') input: BuildSupplementaryRosterInput) {
    const key = tenantKeyOfOrThrow(input.rosterId, 'Roster', 'rosterId');
    return { roster: await ctx.services.funds.buildSupplementaryRoster(ctx.caller, key, input.reason) };
  }

  @Command(
    CreateInstitutionPayeePayload,
    'create',
    'InstitutionPayee',
    'Record a care institution paid for centralised TEKUN recipients (登记供养机构收款账户); the township or the district, D§10.',
  )
  async createInstitutionPayee(@Ctx() ctx: RequestContext, @Arg('input') input: CreateInstitutionPayeeInput) {
    return { institutionPayee: await ctx.services.funds.createInstitutionPayee(ctx.caller, input) };
  }

  @Command(
    UpdateInstitutionPayeePayload,
    'update',
    'InstitutionPayee',
    "Correct a care institution's name (更正供养机构信息); the township or the district, D§10. Its account changes only once a second account confirms a proposal: proposeInstitutionAccountChange.",
  )
  async updateInstitutionPayee(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateInstitutionPayeeInput) {
    const key = tenantKeyOfOrThrow(input.institutionPayeeId, 'InstitutionPayee', 'institutionPayeeId');
    return { institutionPayee: await ctx.services.funds.updateInstitutionPayee(ctx.caller, key, input) };
  }

  @Command(
    AssignInstitutionPayeePayload,
    'update',
    'Enrolment',
    'Name the care institution paid for a centralised TEKUN recipient (指定收款供养机构); TOWNSHIP_CASEWORKER, D§10.',
  )
  async assignInstitutionPayee(@Ctx() ctx: RequestContext, @Arg('input') input: AssignInstitutionPayeeInput) {
    const enrolmentKey = tenantKeyOfOrThrow(input.enrolmentId, 'Enrolment', 'enrolmentId');
    const institutionKey = tenantKeyOfOrThrow(input.institutionPayeeId, 'InstitutionPayee', 'institutionPayeeId');
    const enrolment = await ctx.services.funds.assignInstitutionPayee(ctx.caller, enrolmentKey, institutionKey);
    return { enrolment, institutionPayee: await ctx.services.funds.findInstitutionPayee(ctx.caller, institutionKey) };
  }

  @ReadQuery(
    InstitutionPayeeConnection,
    'InstitutionPayee',
    'Care institutions paid for centralised TEKUN recipients, newest first (供养机构收款账户), D§10.',
  )
  institutionPayees(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
  ): Promise<Connection<InstitutionPayee>> {
    return ctx.services.funds.listInstitutionPayees(ctx.caller, { townshipCode }, page);
  }

  @Command(
    SubmitRosterPayload,
    'submit',
    'Roster',
    'Submit a roster to the district; it is frozen from then on (报送花名册); TOWNSHIP_HEAD, P3.1.',
  )
  async submitRoster(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitRosterInput) {
    const key = tenantKeyOfOrThrow(input.rosterId, 'Roster', 'rosterId');
    return { roster: await ctx.services.funds.submitRoster(ctx.caller, key) };
  }

  @Command(
    SubmitFundRequestPayload,
    'create',
    'FundRequest',
    "Compile the month's submitted rosters into the fund request to finance (提交资金申请); DISTRICT_OFFICER, P4.3.",
  )
  async submitFundRequest(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitFundRequestInput) {
    return { fundRequest: await ctx.services.funds.submitFundRequest(ctx.caller, input.month) };
  }

  @Command(
    ApproveFundRequestPayload,
    'decide',
    'FundRequest',
    'Approve a fund request and record the allocation; creates the payments (批准资金申请); FINANCE_OFFICER, not its compiler, P4.4.',
  )
  async approveFundRequest(@Ctx() ctx: RequestContext, @Arg('input') input: ApproveFundRequestInput) {
    const key = tenantKeyOfOrThrow(input.fundRequestId, 'FundRequest', 'fundRequestId');
    return { fundRequest: await ctx.services.funds.approveFundRequest(ctx.caller, key, input.allocatedAmount) };
  }

  @Command(ReturnFundRequestPayload, 'decide', 'FundRequest', 'Return a fund request with reasons (退回资金申请); FINANCE_OFFICER, P4.4.')
  async returnFundRequest(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnFundRequestInput) {
    const key = tenantKeyOfOrThrow(input.fundRequestId, 'FundRequest', 'fundRequestId');
    return { fundRequest: await ctx.services.funds.returnFundRequest(ctx.caller, key, input.reasons) };
  }

  @Command(
    ExportPaymentBatchPayload,
    'create',
    'PaymentBatch',
    "Send a township month's payments to a bank as a batch file (导出代发批次); FINANCE_OFFICER, P4.4, D§10.",
  )
  async exportPaymentBatch(@Ctx() ctx: RequestContext, @Arg('input') input: ExportPaymentBatchInput) {
    const bankIntegrationId = keyOfOrThrow(input.bankIntegrationId, 'Account', 'bankIntegrationId');
    return { paymentBatch: await ctx.services.funds.exportPaymentBatch(ctx.caller, { ...input, bankIntegrationId }) };
  }

  @Command(
    RecordPaymentResultsPayload,
    'answer',
    'PaymentBatch',
    "Report a batch's results: paid, or failed with the reason (反馈代发结果); the bank's integration the batch was sent to, P4.4.",
  )
  async recordPaymentResults(@Ctx() ctx: RequestContext, @Arg('input') input: RecordPaymentResultsInput) {
    const key = tenantKeyOfOrThrow(input.batchId, 'PaymentBatch', 'batchId');
    const { idempotencyKey, ...request } = input;
    const paymentBatch = await ctx.services.idempotency.once(ctx.caller, 'recordPaymentResults', idempotencyKey, request, {
      run: () => ctx.services.funds.recordPaymentResults(ctx.caller, key, input.results),
      idOf: (batch) => batch.nodeId,
      replay: (id) => ctx.services.funds.findBatch(ctx.caller, tenantKeyOfOrThrow(id, 'PaymentBatch')),
    });
    return { paymentBatch };
  }

  @ReadQuery(RosterConnection, 'Roster', 'Monthly rosters the caller may see, newest first (月度花名册).')
  rosters(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('month', () => String, { nullable: true, description: 'Only this month, YYYY-MM (月份)' }) month?: string,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
  ): Promise<Connection<Roster>> {
    return ctx.services.funds.listRosters(ctx.caller, { month, townshipCode }, page);
  }

  @FieldResolver(() => RosterLineConnection, { nullable: true, description: 'The payees of the roster the caller may see (花名册明细)' })
  lines(@Root() roster: Roster, @Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<RosterLine>> {
    return ctx.services.funds.listRosterLines(ctx.caller, roster, page);
  }

  @ReadQuery(FundRequestConnection, 'FundRequest', 'Fund requests the caller may see, newest first (资金申请).')
  fundRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('month', () => String, { nullable: true, description: 'Only this month, YYYY-MM (月份)' }) month?: string,
  ): Promise<Connection<FundRequest>> {
    return ctx.services.funds.listFundRequests(ctx.caller, { month }, page);
  }

  @ReadQuery(PaymentBatchConnection, 'PaymentBatch', 'Payment batches the caller may see, newest first (代发批次).')
  paymentBatches(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('month', () => String, { nullable: true, description: 'Only this month, YYYY-MM (月份)' }) month?: string,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
  ): Promise<Connection<PaymentBatch>> {
    return ctx.services.funds.listPaymentBatches(ctx.caller, { month, townshipCode }, page);
  }

  @ReadQuery(PaymentConnection, 'Payment', 'Payments the caller may see, with where each stands, newest first (发放记录).')
  payments(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('month', () => String, { nullable: true, description: 'Only this month, YYYY-MM (月份)' }) month?: string,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
    @Arg('villageCode', () => String, { nullable: true, description: 'Only this village (村代码)' }) villageCode?: string,
  ): Promise<Connection<Payment>> {
    return ctx.services.funds.listPayments(ctx.caller, { month, townshipCode, villageCode }, page);
  }

  @ReadQuery(
    Reconciliation,
    'FundRequest',
    'A township month reconciled: roster = request = allocated = paid + failed + re-paid, to the fen (月度对账), D§10.',
  )
  reconciliation(
    @Ctx() ctx: RequestContext,
    @Arg('month', { description: 'Month, YYYY-MM (月份)' }) month: string,
    @Arg('townshipCode', { description: 'Township (乡镇代码)' }) townshipCode: string,
  ): Promise<Reconciliation> {
    return ctx.services.funds.reconciliation(ctx.caller, month, townshipCode);
  }
}
