import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { IsOptional, Length, Min } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command } from '../../graphql/guards';
import { keyOfOrThrow, tenantGlobalId, tenantKeyOfOrThrow, toGlobalId } from '../../graphql/node';
import { Account } from '../account/account.entity';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar, DecimalScalar } from '../../graphql/scalars';
import type { TenantKey } from '../../db/tenant-keys';
import { Case, SupportForm } from './case.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation, LegalSupporters } from './case-records.entity';
import { LabourCapacity } from '../household/household.entity';

/** Step records name their case with a global ID. */
@InputType({ description: 'Shared by the step inputs; not itself in the schema.' })
abstract class CaseRecordInput {
  @Field(() => ID, { description: 'The case (案件)' }) caseId: string;
}

@InputType('TekunFindingsInput', { description: 'What the investigation of a TEKUN case found (特困认定条件核实), D§3' })
class TekunFindingsInput {
  @Field(() => ID, { description: 'The household member applying for TEKUN (申请特困供养的家庭成员)' }) personId: string;
  @Field(() => LabourCapacity, { description: 'Work capacity as found (劳动能力)' }) workCapacity: LabourCapacity;
  @Field({ defaultValue: false, description: 'A minor of 16 or 17 still in school (在校就读)' }) inSchool: boolean;
  @Field(() => LegalSupporters, { description: 'Legal supporters as found (法定赡养抚养扶养义务人情况)' }) legalSupporters: LegalSupporters;
}

@InputType('RecordInvestigationInput', { description: 'A household investigation (入户调查)' })
class RecordInvestigationInput extends CaseRecordInput {
  @Field(() => CalendarDateScalar, { description: 'Visit date (入户日期)' }) visitedOn: string;
  @Field({ description: 'Findings (调查情况)' }) findings: string;
  @Field(() => [ID], { description: 'Investigators, at least two accounts of the township (调查人员)' }) investigatorIds: string[];

  @Field(() => TekunFindingsInput, {
    nullable: true,
    description: 'For a TEKUN case, required: the conditions of TEKUN eligibility as found (特困认定条件核实), D§3',
  })
  tekun?: TekunFindingsInput | null;
}

@InputType('SignInvestigationInput', { description: 'Your signature on an investigation (调查人签字)' })
class SignInvestigationInput {
  @Field(() => ID, { description: 'The investigation (入户调查)' }) investigationId: string;
}

@InputType({ description: 'One income item (收入项)' })
class IncomeItemInput {
  @Field({ description: 'Source, e.g. wages, pension, farming (来源)' }) @Length(1, 100) source: string;
  @Field(() => DecimalScalar, { description: 'Monthly amount in yuan (月收入, 元)' }) @Min(0) monthlyYuan: number;
  @Field({ defaultValue: true, description: 'Counted as household income (计入家庭收入)' }) counted: boolean;
}

@InputType({ description: 'One asset (财产项)' })
class AssetItemInput {
  @Field({ description: 'Kind, e.g. deposit, vehicle, housing (类别: 存款/车辆/房产)' }) @Length(1, 50) kind: string;
  @Field({ description: 'Description (说明)' }) @Length(0, 200) description: string;
  @Field(() => DecimalScalar, { description: 'Value in yuan (价值, 元)' }) @Min(0) valueYuan: number;
}

@InputType('RecordIncomeAccountingInput', { description: 'Income accounting (收入核算)' })
class RecordIncomeAccountingInput extends CaseRecordInput {
  @Field(() => [IncomeItemInput], { description: 'Income items (收入项)' }) items: IncomeItemInput[];
  @Field(() => [AssetItemInput], { defaultValue: [], description: 'Assets (家庭财产)' }) assets: AssetItemInput[];

  @Field(() => DecimalScalar, { defaultValue: 0, description: 'Allowed deductions per month (可扣减支出, 元)' })
  @Min(0)
  deductionsYuan: number;
}

@InputType('AdoptIncomeAccountingInput', {
  description: "The township adopts a village's draft accounting (采纳收入核算), as it stands or with the changes given, D§8",
})
class AdoptIncomeAccountingInput {
  @Field(() => ID, { description: 'The draft accounting (村级收入核算草稿)' }) accountingId: string;

  @Field(() => [IncomeItemInput], { nullable: true, description: "Changed income items (修改后的收入项); absent: the draft's" })
  items?: IncomeItemInput[] | null;

  @Field(() => [AssetItemInput], { nullable: true, description: "Changed assets (修改后的家庭财产); absent: the draft's" })
  assets?: AssetItemInput[] | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Changed deductions per month (修改后的可扣减支出, 元); absent: the draft's" })
  @IsOptional()
  @Min(0)
  deductionsYuan?: number | null;
}

@InputType({ description: 'Six-item self-care assessment, true = able unaided (生活自理能力评估), D§3' })
class SelfCareInput {
  @Field({ description: 'Eating (进食)' }) eating: boolean;
  @Field({ description: 'Dressing (穿衣)' }) dressing: boolean;
  @Field({ description: 'Getting in and out of bed (上下床)' }) transferring: boolean;
  @Field({ description: 'Toileting (如厕)' }) toileting: boolean;
  @Field({ description: 'Walking indoors (室内行走)' }) walkingIndoors: boolean;
  @Field({ description: 'Bathing (洗澡)' }) bathing: boolean;
}

@InputType('RecordCareAssessmentInput', { description: 'TEKUN self-care assessment and support form (特困自理能力评估)' })
class RecordCareAssessmentInput extends CaseRecordInput {
  @Field(() => SelfCareInput, { description: 'The six items (六项评估)' }) items: SelfCareInput;
  @Field(() => SupportForm, { description: 'Support form (供养方式)' }) supportForm: SupportForm;
}

@InputType('RaiseDoubtInput', { description: 'A doubt about a case (存疑)' })
class RaiseDoubtInput extends CaseRecordInput {}

@InputType('RecordAppraisalInput', { description: 'A democratic appraisal (民主评议)' })
class RecordAppraisalInput extends CaseRecordInput {
  @Field(() => CalendarDateScalar, { description: 'Held on (评议日期)' }) heldOn: string;
  @Field(() => Int, { description: 'Participants (参加人数)' }) participants: number;
  @Field({ description: 'Whether the appraisal supports the application (是否支持)' }) supported: boolean;
  @Field({ description: 'Minutes (评议记录)' }) minutes: string;
}

@InputType('RecordDeliveryInput', { description: 'Delivery of the written decision (送达)' })
class RecordDeliveryInput extends CaseRecordInput {
  @Field(() => CalendarDateScalar, { description: 'Delivered on (送达日期)' }) deliveredOn: string;
  @Field({ description: 'Received by (签收人)' }) @IsOptional() recipient: string;
}

@InputType('DecideEmergencyPaymentInput', {
  description: "The township head's decision to pay an emergency LINSHI first (急难型先行救助决定)",
})
class DecideEmergencyPaymentInput extends CaseRecordInput {
  @Field(() => DecimalScalar, { description: 'Amount to pay, in yuan (决定金额, 元)' }) amount: number;
}

@InputType('RecordNewGroundsInput', {
  description: 'The new grounds of a LINSHI repeat of the same cause category within the window (登记新情况), D§6',
})
class RecordNewGroundsInput extends CaseRecordInput {
  @Field({ description: 'What is new since the earlier grant (新情况)' }) grounds: string;
}

@InputType('ConfirmNewGroundsInput', { description: "A second account's confirmation of the new grounds (确认新情况), D§6" })
class ConfirmNewGroundsInput extends CaseRecordInput {}

@InputType('ConfirmAmountInput', { description: 'District confirmation of a LINSHI amount (超限额确认)' })
class ConfirmAmountInput extends CaseRecordInput {}

const CASE_AFTER = { type: () => Case, description: 'The case after the step (办理后的案件)' };

const RecordInvestigationPayload = payloadType<{ investigation: Investigation; case: Case }>(
  'RecordInvestigation',
  'The recorded investigation (入户调查记录)',
  { investigation: { type: () => Investigation, description: 'The investigation (入户调查)' }, case: CASE_AFTER },
);
const SignInvestigationPayload = payloadType<{ investigation: Investigation; case: Case }>(
  'SignInvestigation',
  'The signed investigation (已签字)',
  { investigation: { type: () => Investigation, description: 'The investigation (入户调查)' }, case: CASE_AFTER },
);
const RecordIncomeAccountingPayload = payloadType<{ incomeAccounting: IncomeAccounting; case: Case }>(
  'RecordIncomeAccounting',
  'The income accounting (收入核算)',
  { incomeAccounting: { type: () => IncomeAccounting, description: 'The accounting (收入核算)' }, case: CASE_AFTER },
);
const AdoptIncomeAccountingPayload = payloadType<{ incomeAccounting: IncomeAccounting; case: Case }>(
  'AdoptIncomeAccounting',
  'The adopted income accounting (已采纳的收入核算)',
  {
    incomeAccounting: { type: () => IncomeAccounting, description: 'The accounting now authoritative (采纳的收入核算)' },
    case: CASE_AFTER,
  },
);
const RecordCareAssessmentPayload = payloadType<{ case: Case }>('RecordCareAssessment', 'The case with its care level (护理等级)', {
  case: CASE_AFTER,
});
const RaiseDoubtPayload = payloadType<{ case: Case }>('RaiseDoubt', 'The case with a doubt recorded (存疑)', { case: CASE_AFTER });
const RecordAppraisalPayload = payloadType<{ appraisal: Appraisal; case: Case }>('RecordAppraisal', 'The appraisal (民主评议)', {
  appraisal: { type: () => Appraisal, description: 'The appraisal (民主评议)' },
  case: CASE_AFTER,
});
const RecordDeliveryPayload = payloadType<{ delivery: Delivery; case: Case }>('RecordDelivery', 'The delivery (送达记录)', {
  delivery: { type: () => Delivery, description: 'The delivery (送达)' },
  case: CASE_AFTER,
});
const DecideEmergencyPaymentPayload = payloadType<{ case: Case }>(
  'DecideEmergencyPayment',
  'The case with the decision to pay first (已决定先行救助)',
  {
    case: CASE_AFTER,
  },
);
const RecordNewGroundsPayload = payloadType<{ case: Case }>('RecordNewGrounds', 'The case with its new grounds (已登记新情况)', {
  case: CASE_AFTER,
});
const ConfirmNewGroundsPayload = payloadType<{ case: Case }>(
  'ConfirmNewGrounds',
  'The case with its new grounds confirmed (已确认新情况)',
  {
    case: CASE_AFTER,
  },
);
const ConfirmAmountPayload = payloadType<{ case: Case }>('ConfirmAmount', 'The case with the amount confirmed (区级确认)', {
  case: CASE_AFTER,
});

/** Step records that do not by themselves move a case; each is checked and logged like a transition. */
@Resolver(() => Case)
export class CaseStepsResolver {
  /** The case as the step left it, read fresh (not from a loader that may hold the earlier state). */
  private caseAfter(ctx: RequestContext, key: TenantKey): Promise<Case> {
    return ctx.services.cases.findOrThrow(ctx.caller, key);
  }

  @Command(
    RecordInvestigationPayload,
    'investigate',
    'Case',
    'Record a household investigation with its investigators (入户调查记录), D§3.',
  )
  async recordInvestigation(@Ctx() ctx: RequestContext, @Arg('input') input: RecordInvestigationInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    const investigation = await ctx.services.steps.recordInvestigation(ctx.caller, key, {
      visitedOn: input.visitedOn,
      findings: input.findings,
      investigatorIds: input.investigatorIds.map((id) => keyOfOrThrow(id, 'Account', 'investigatorIds')),
      tekun: input.tekun && {
        personKey: tenantKeyOfOrThrow(input.tekun.personId, 'Person', 'tekun.personId'),
        workCapacity: input.tekun.workCapacity,
        inSchool: input.tekun.inSchool,
        legalSupporters: input.tekun.legalSupporters,
      },
    });
    return { investigation, case: await this.caseAfter(ctx, key) };
  }

  @Command(SignInvestigationPayload, 'investigate', 'Case', 'Sign an investigation you are named on (调查人签字), D§3.')
  async signInvestigation(@Ctx() ctx: RequestContext, @Arg('input') input: SignInvestigationInput) {
    const investigation = await ctx.services.steps.signInvestigation(
      ctx.caller,
      tenantKeyOfOrThrow(input.investigationId, 'Investigation', 'investigationId'),
    );
    return { investigation, case: await this.caseAfter(ctx, { districtCode: investigation.districtCode, id: investigation.caseId }) };
  }

  @Command(
    RecordIncomeAccountingPayload,
    'assess',
    'Case',
    'Record income accounting; the amount follows the district standard (收入核算), D§8.',
  )
  async recordIncomeAccounting(@Ctx() ctx: RequestContext, @Arg('input') input: RecordIncomeAccountingInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    const incomeAccounting = await ctx.services.steps.recordIncomeAccounting(ctx.caller, key, input);
    return { incomeAccounting, case: await this.caseAfter(ctx, key) };
  }

  @Command(
    AdoptIncomeAccountingPayload,
    'adopt',
    'Case',
    "The township adopts a village's draft income accounting, with changes or without; only then does it set the amount (采纳收入核算), D§8.",
  )
  async adoptIncomeAccounting(@Ctx() ctx: RequestContext, @Arg('input') input: AdoptIncomeAccountingInput) {
    const { accountingId, items, assets, deductionsYuan } = input;
    // Only what is given changes; nothing given adopts the draft as it stands.
    const changes = {
      ...(items ? { items } : {}),
      ...(assets ? { assets } : {}),
      ...(deductionsYuan !== undefined && deductionsYuan !== null ? { deductionsYuan } : {}),
    };
    const { accounting, caseKey } = await ctx.services.steps.adoptIncomeAccounting(
      ctx.caller,
      tenantKeyOfOrThrow(accountingId, 'IncomeAccounting', 'accountingId'),
      Object.keys(changes).length ? changes : null,
    );
    return { incomeAccounting: accounting, case: await this.caseAfter(ctx, caseKey) };
  }

  @Command(RecordCareAssessmentPayload, 'assess', 'Case', 'TEKUN self-care assessment; sets the care level (自理能力评估), D§3.')
  async recordCareAssessment(@Ctx() ctx: RequestContext, @Arg('input') input: RecordCareAssessmentInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.recordCareAssessment(ctx.caller, key, { ...input.items }, input.supportForm);
    return { case: await this.caseAfter(ctx, key) };
  }

  @Command(RaiseDoubtPayload, 'investigate', 'Case', 'Record a doubt about the case, which allows a democratic appraisal (存疑), D§3.')
  async raiseDoubt(@Ctx() ctx: RequestContext, @Arg('input') input: RaiseDoubtInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.raiseDoubt(ctx.caller, key);
    return { case: await this.caseAfter(ctx, key) };
  }

  @Command(RecordAppraisalPayload, 'appraise', 'Case', 'Record a democratic appraisal, held on an objection or doubt (民主评议), D§3.')
  async recordAppraisal(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAppraisalInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    const appraisal = await ctx.services.steps.recordAppraisal(ctx.caller, key, input);
    return { appraisal, case: await this.caseAfter(ctx, key) };
  }

  @Command(RecordDeliveryPayload, 'deliver', 'Case', 'Record delivery of the written decision (送达记录), P4.1.')
  async recordDelivery(@Ctx() ctx: RequestContext, @Arg('input') input: RecordDeliveryInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    const delivery = await ctx.services.steps.recordDelivery(ctx.caller, key, input);
    return { delivery, case: await this.caseAfter(ctx, key) };
  }

  @Command(
    DecideEmergencyPaymentPayload,
    'decide',
    'Case',
    'The township head decides to pay an emergency LINSHI first, and how much (急难型先行救助决定); a caseworker then records the payment with emergencyPay, D§6.',
  )
  async decideEmergencyPayment(@Ctx() ctx: RequestContext, @Arg('input') input: DecideEmergencyPaymentInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.decideEmergencyPayment(ctx.caller, key, input.amount);
    return { case: await this.caseAfter(ctx, key) };
  }

  @Command(
    RecordNewGroundsPayload,
    'investigate',
    'Case',
    'The township records the new grounds of a LINSHI repeat of the same cause category within the window (登记新情况); a second account confirms them, D§6.',
  )
  async recordNewGrounds(@Ctx() ctx: RequestContext, @Arg('input') input: RecordNewGroundsInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.recordNewGrounds(ctx.caller, key, input.grounds);
    return { case: await this.caseAfter(ctx, key) };
  }

  @Command(
    ConfirmNewGroundsPayload,
    'investigate',
    'Case',
    'A second township account confirms the new grounds another recorded (确认新情况); only then may the repeat be decided or paid, D§6.',
  )
  async confirmNewGrounds(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmNewGroundsInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.confirmNewGrounds(ctx.caller, key);
    return { case: await this.caseAfter(ctx, key) };
  }

  @Command(ConfirmAmountPayload, 'confirm', 'Case', 'District confirmation of a LINSHI amount above the township limit (超限额确认), D§6.')
  async confirmAmount(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmAmountInput) {
    const key = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    await ctx.services.steps.confirmAmount(ctx.caller, key);
    return { case: await this.caseAfter(ctx, key) };
  }
}

@ObjectType('Investigator', { description: 'An investigator named on an investigation, and whether they signed (调查人及签字)' })
class Investigator {
  @Field(() => ID, { description: "The investigator's account (调查人账号), as a global ID" }) accountId: string;
  @Field(() => Account, { nullable: true, description: 'The account, if visible to the caller (调查人)' }) account: Account | null;
  @Field({ description: 'Has signed the investigation (已签字)' }) signed: boolean;
}

@Resolver(() => Investigation)
export class InvestigationResolver {
  @FieldResolver(() => [Investigator], { description: 'Who must sign, and who has (调查人及签字情况), D§3: all, at least two' })
  async investigators(@Root() investigation: Investigation, @Ctx() ctx: RequestContext): Promise<Investigator[]> {
    const accounts = await ctx.loaders.accountById.loadMany(investigation.investigatorIds);
    return investigation.investigatorIds.map((id, i) => ({
      accountId: toGlobalId('Account', id),
      account: accounts[i] instanceof Error ? null : accounts[i],
      signed: investigation.signedByIds.includes(id),
    }));
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case investigated (案件), if visible to the caller' })
  case(@Root() investigation: Investigation, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: investigation.districtCode, id: investigation.caseId });
  }
}

@Resolver(() => IncomeAccounting)
export class IncomeAccountingResolver {
  @FieldResolver(() => Account, { nullable: true, description: 'Who recorded it (核算人), if the caller may see the account' })
  recordedBy(@Root() accounting: IncomeAccounting, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return ctx.loaders.accountById.load(accounting.recordedById);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Who adopted it for the township (采纳人), D§8; null for a draft not adopted, or an account the caller may not see',
  })
  adoptedBy(@Root() accounting: IncomeAccounting, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return accounting.adoptedById ? ctx.loaders.accountById.load(accounting.adoptedById) : Promise.resolve(null);
  }

  @FieldResolver({ description: 'A village draft the township has not adopted (村级草稿, 未采纳): it sets no amount, D§8' })
  draft(@Root() accounting: IncomeAccounting): boolean {
    return accounting.adoptedAt === null;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The village draft this township accounting adopted with changes (所依据的村级草稿), as a global ID',
  })
  basedOnDraftId(@Root() accounting: IncomeAccounting): string | null {
    return accounting.draftId
      ? tenantGlobalId('IncomeAccounting', { districtCode: accounting.districtCode, id: accounting.draftId })
      : null;
  }
}
