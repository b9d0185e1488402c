import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { IsOptional, Length, Min } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { uuidOrThrow } from '../../graphql/node';
import { tenantKeyOfOrThrow } from '../household/household.resolver';
import { keyOfOrThrow } from '../account/account.resolver';
import { Case } from './case.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation } from './case-records.entity';

@InputType({ description: 'A household investigation (入户调查)' })
class InvestigationInput {
  @Field({ description: 'Visit date YYYY-MM-DD (入户日期)' })
  visitedOn: string;

  @Field({ description: 'Findings (调查情况)' })
  findings: string;

  @Field(() => [ID], { description: 'Investigators, at least two accounts of the township (调查人员)' })
  investigatorIds: string[];
}

@InputType({ description: 'One income item (收入项)' })
class IncomeItemInput {
  @Field({ description: 'Source, e.g. wages, pension, farming (来源)' })
  @Length(1, 100)
  source: string;

  @Field({ description: 'Monthly amount in yuan (月收入, 元)' })
  @Min(0)
  monthlyYuan: number;

  @Field({ defaultValue: true, description: 'Counted as household income (计入家庭收入)' })
  counted: boolean;
}

@InputType({ description: 'One asset (财产项)' })
class AssetItemInput {
  @Field({ description: 'Kind, e.g. deposit, vehicle, housing (类别: 存款/车辆/房产)' })
  @Length(1, 50)
  kind: string;

  @Field({ description: 'Description (说明)' })
  @Length(0, 200)
  description: string;

  @Field({ description: 'Value in yuan (价值, 元)' })
  @Min(0)
  valueYuan: number;
}

@InputType({ description: 'Income accounting (收入核算)' })
class IncomeAccountingInput {
  @Field(() => [IncomeItemInput], { description: 'Income items (收入项)' })
  items: IncomeItemInput[];

  @Field(() => [AssetItemInput], { defaultValue: [], description: 'Assets (家庭财产)' })
  assets: AssetItemInput[];

  @Field({ defaultValue: 0, description: 'Allowed deductions per month (可扣减支出, 元)' })
  @Min(0)
  deductionsYuan: number;
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

@InputType({ description: 'A democratic appraisal (民主评议)' })
class AppraisalInput {
  @Field({ description: 'Held on YYYY-MM-DD (评议日期)' })
  heldOn: string;

  @Field(() => Int, { description: 'Participants (参加人数)' })
  participants: number;

  @Field({ description: 'Whether the appraisal supports the application (是否支持)' })
  supported: boolean;

  @Field({ description: 'Minutes (评议记录)' })
  minutes: string;
}

@InputType({ description: 'Delivery of the written decision (送达)' })
class DeliveryInput {
  @Field({ description: 'Delivered on YYYY-MM-DD (送达日期)' })
  deliveredOn: string;

  @Field({ description: 'Received by (签收人)' })
  @IsOptional()
  recipient: string;
}

/** Step records that do not by themselves move a case; each is checked and logged like a transition. */
@Resolver(() => Case)
export class CaseStepsResolver {
  @Mutation(() => Investigation, { description: 'Record a household investigation with its investigators (入户调查记录), D§3.' })
  @Needs('investigate', 'Case')
  recordInvestigation(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string, @Arg('input') input: InvestigationInput) {
    return ctx.services.steps.recordInvestigation(ctx, tenantKeyOfOrThrow(caseId, 'Case'), {
      ...input, investigatorIds: input.investigatorIds.map((id) => keyOfOrThrow(id, 'Account')),
    });
  }

  @Mutation(() => Investigation, { description: 'Sign an investigation you are named on (调查人签字), D§3.' })
  @Needs('investigate', 'Case')
  signInvestigation(@Ctx() ctx: RequestContext, @Arg('investigationId', () => ID) investigationId: string) {
    return ctx.services.steps.signInvestigation(ctx, uuidOrThrow(investigationId, 'investigationId'));
  }

  @Mutation(() => IncomeAccounting, { description: 'Record income accounting; the amount follows the district standard (收入核算), D§8.' })
  @Needs('assess', 'Case')
  recordIncomeAccounting(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string, @Arg('input') input: IncomeAccountingInput) {
    return ctx.services.steps.recordIncomeAccounting(ctx, tenantKeyOfOrThrow(caseId, 'Case'), input);
  }

  @Mutation(() => String, { description: 'TEKUN self-care assessment; answers the care level (自理能力评估), D§3.' })
  @Needs('assess', 'Case')
  recordCareAssessment(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string, @Arg('items') items: SelfCareInput,
    @Arg('supportForm', { description: 'DISPERSED or CENTRALISED (分散/集中供养)' }) supportForm: string) {
    return ctx.services.steps.recordCareAssessment(ctx, tenantKeyOfOrThrow(caseId, 'Case'), { ...items }, supportForm);
  }

  @Mutation(() => Boolean, { description: 'Record a doubt about the case, which allows a democratic appraisal (存疑), D§3.' })
  @Needs('investigate', 'Case')
  async raiseDoubt(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string) {
    await ctx.services.steps.raiseDoubt(ctx, tenantKeyOfOrThrow(caseId, 'Case'));
    return true;
  }

  @Mutation(() => Appraisal, { description: 'Record a democratic appraisal, held on an objection or doubt (民主评议), D§3.' })
  @Needs('appraise', 'Case')
  recordAppraisal(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string, @Arg('input') input: AppraisalInput) {
    return ctx.services.steps.recordAppraisal(ctx, tenantKeyOfOrThrow(caseId, 'Case'), input);
  }

  @Mutation(() => Delivery, { description: 'Record delivery of the written decision (送达记录), P4.1.' })
  @Needs('deliver', 'Case')
  recordDelivery(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string, @Arg('input') input: DeliveryInput) {
    return ctx.services.steps.recordDelivery(ctx, tenantKeyOfOrThrow(caseId, 'Case'), input);
  }

  @Mutation(() => Boolean, { description: 'District confirmation of a LINSHI amount above the township limit (超限额确认), D§6.' })
  @Needs('confirm', 'Case')
  async confirmAmount(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID) caseId: string) {
    await ctx.services.steps.confirmAmount(ctx, tenantKeyOfOrThrow(caseId, 'Case'));
    return true;
  }
}
