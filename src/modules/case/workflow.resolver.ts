import { Arg, ClassType, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, NeedsAny } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { DecimalScalar } from '../../graphql/scalars';
import { Case } from './case.entity';
import { SpotCheckOutcome } from './case-records.entity';
import type { StepInput } from './workflow';

/** What every transition names: the case, and the version the caller last read. */
@InputType({ description: 'Shared by the step inputs; not itself in the schema.' })
abstract class CaseStepInput {
  @Field(() => ID, { description: 'The case (案件)' }) caseId: string;
  @Field(() => Int, { description: 'The version you last read; a stale one answers CONFLICT (版本号)' }) version: number;
}

/** The input of a step that carries nothing but the case and its version. */
function plainStepInput(name: string, description: string): ClassType<CaseStepInput> {
  @InputType(`${name}Input`, { description })
  class Input extends CaseStepInput {}
  return Input;
}

interface CasePayload {
  case: Case;
}

/** Every transition answers with the case as it is after the step. */
const casePayload = (name: string, description: string) =>
  payloadType<CasePayload>(name, description, { case: { type: () => Case, description: 'The case after the step (办理后的案件)' } });

const AcceptCaseInput = plainStepInput('AcceptCase', 'Accept an application (受理)');
const StartInvestigationInput = plainStepInput('StartInvestigation', 'Start the household investigation (开始调查)');
const SubmitForReviewInput = plainStepInput('SubmitForReview', 'Put the case before the committee (提交联审联批)');
const FileCaseInput = plainStepInput('FileCase', 'File the case with the district (备案)');
const ReReviewInput = plainStepInput('ReReview', 'Take a corrected case back to review (纠正后重新审核)');
const RecordPaymentInput = plainStepInput('RecordPayment', 'Record a LINSHI payment (临时救助发放)');
const CompleteEmergencyPaperworkInput = plainStepInput(
  'CompleteEmergencyPaperwork',
  "Complete an emergency payment's paperwork (补办手续)",
);

@InputType('RequestMaterialsInput', { description: 'Missing materials, listed once and completely (一次性告知补正材料)' })
class RequestMaterialsInput extends CaseStepInput {
  @Field(() => [String], { description: 'Everything missing (需补正材料清单)' }) missingMaterials: string[];
}

@InputType('SupplyMaterialsInput', { description: 'Missing materials supplied (补正材料)' })
class SupplyMaterialsInput extends CaseStepInput {
  @Field(() => String, { nullable: true, description: 'What was supplied (补正说明)' }) note?: string | null;
}

@InputType('RefuseAcceptanceInput', { description: 'Refusal to accept, with written reasons (不予受理)' })
class RefuseAcceptanceInput extends CaseStepInput {
  @Field({ description: 'Written reasons delivered to the applicant (书面理由)' }) reasons: string;
}

@InputType('StartNoticeInput', { description: 'Publish a LINSHI case with its amount (临时救助公示)' })
class StartNoticeInput extends CaseStepInput {
  @Field(() => DecimalScalar, { description: 'One-off amount (救助金额, 元)' }) amount: number;
}

@InputType('ConcludeReviewInput', { description: "The committee's conclusion from a meeting's votes (联审联批结论)" })
class ConcludeReviewInput extends CaseStepInput {
  @Field(() => ID, { description: 'The meeting that voted (会议)' }) meetingId: string;

  @Field(() => String, { nullable: true, description: 'Written reasons, required when the committee refuses (不予确认理由)' })
  reasons?: string | null;
}

@InputType('RaiseObjectionInput', { description: 'An objection to a public notice (公示异议)' })
class RaiseObjectionInput extends CaseStepInput {
  @Field({ description: 'Who objected (异议人)' }) objector: string;
  @Field({ description: 'What the objection says (异议内容)' }) content: string;
}

@InputType('ReturnToReviewInput', { description: 'Back to review after the objection was looked into (异议处理后重新审核)' })
class ReturnToReviewInput extends CaseStepInput {
  @Field(() => String, { nullable: true, description: 'How the objection was looked into (处理情况)' }) note?: string | null;
}

@InputType('ApproveCaseInput', { description: 'Approve after the notice (审核确认)' })
class ApproveCaseInput extends CaseStepInput {
  @Field(() => String, { nullable: true, description: 'Note (备注)' }) note?: string | null;
}

@InputType('DenyCaseInput', { description: 'Refuse with written reasons (不予确认)' })
class DenyCaseInput extends CaseStepInput {
  @Field({ description: 'Written reasons delivered to the applicant (书面理由)' }) reasons: string;
}

@InputType('SpotCheckInput', { description: 'A district spot check (监督抽查)' })
class SpotCheckInput extends CaseStepInput {
  @Field(() => SpotCheckOutcome, { description: 'Outcome (抽查结论)' }) outcome: SpotCheckOutcome;
  @Field({ description: 'Findings (抽查意见)' }) findings: string;
}

@InputType('EmergencyPayInput', { description: 'Emergency LINSHI paid first (急难型先行救助)' })
class EmergencyPayInput extends CaseStepInput {
  @Field(() => DecimalScalar, { description: 'Amount paid: the amount the head decided (发放金额, 元)' }) amount: number;
}

const AcceptCasePayload = casePayload('AcceptCase', 'The accepted case (受理结果)');
const RequestMaterialsPayload = casePayload('RequestMaterials', 'The case waiting for materials (待补正)');
const SupplyMaterialsPayload = casePayload('SupplyMaterials', 'The case back for acceptance (补正后)');
const RefuseAcceptancePayload = casePayload('RefuseAcceptance', 'The case not accepted (不予受理)');
const StartInvestigationPayload = casePayload('StartInvestigation', 'The case under investigation (调查中)');
const SubmitForReviewPayload = casePayload('SubmitForReview', 'The case before the committee (待审核)');
const StartNoticePayload = casePayload('StartNotice', 'The case in public notice (公示中)');
const ConcludeReviewPayload = casePayload('ConcludeReview', "The case after the committee's conclusion (审核结论)");
const RaiseObjectionPayload = casePayload('RaiseObjection', 'The case with an objection (有异议)');
const ReturnToReviewPayload = casePayload('ReturnToReview', 'The case back in review (重新审核)');
const ApproveCasePayload = casePayload('ApproveCase', 'The approved case (已确认)');
const DenyCasePayload = casePayload('DenyCase', 'The refused case (不予确认)');
const FileCasePayload = casePayload('FileCase', 'The filed case (已备案)');
const SpotCheckPayload = casePayload('SpotCheck', 'The spot-checked case (抽查后)');
const ReReviewPayload = casePayload('ReReview', 'The case back in review (重新审核)');
const RecordPaymentPayload = casePayload('RecordPayment', 'The paid case (已发放)');
const EmergencyPayPayload = casePayload('EmergencyPay', 'The case paid first (先行发放)');
const CompleteEmergencyPaperworkPayload = casePayload('CompleteEmergencyPaperwork', 'The case with its paperwork complete (补办完成)');

/**
 * One mutation per transition of the workflow table (`workflow.ts`). Each answers
 * INVALID_TRANSITION with the current state and every unmet requirement when it does not apply,
 * CONFLICT on a stale version, and FORBIDDEN with the policy row's reason when the caller may not.
 */
@Resolver(() => Case)
export class WorkflowResolver {
  private async run(ctx: RequestContext, step: string, input: CaseStepInput, extra: StepInput = {}): Promise<CasePayload> {
    const changed = await ctx.services.workflow.transition(
      ctx.caller,
      step,
      tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId'),
      input.version,
      extra,
    );
    return { case: changed };
  }

  @Command(AcceptCasePayload, 'accept', 'Case', 'Accept an application (受理); runs the kin and duplicate checks (D§3, D§5).')
  acceptCase(@Ctx() ctx: RequestContext, @Arg('input', () => AcceptCaseInput) input: CaseStepInput) {
    return this.run(ctx, 'acceptCase', input);
  }

  @Command(RequestMaterialsPayload, 'accept', 'Case', 'List every missing material, once and completely (一次性告知补正材料), D§3.')
  requestMaterials(@Ctx() ctx: RequestContext, @Arg('input') input: RequestMaterialsInput) {
    return this.run(ctx, 'requestMaterials', input, { missingMaterials: input.missingMaterials });
  }

  @Command(SupplyMaterialsPayload, 'submit', 'Case', 'The missing materials have been supplied (补正材料), P4.1.')
  supplyMaterials(@Ctx() ctx: RequestContext, @Arg('input') input: SupplyMaterialsInput) {
    return this.run(ctx, 'supplyMaterials', input, { note: input.note });
  }

  @Command(RefuseAcceptancePayload, 'accept', 'Case', 'Refuse to accept, with written reasons (不予受理), D§3.')
  refuseAcceptance(@Ctx() ctx: RequestContext, @Arg('input') input: RefuseAcceptanceInput) {
    return this.run(ctx, 'refuseAcceptance', input, { reasons: input.reasons });
  }

  @Command(
    StartInvestigationPayload,
    'investigate',
    'Case',
    'Start the household investigation; the economic-status verification is requested with it (开始调查核对), D§3, D§7.',
  )
  startInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => StartInvestigationInput) input: CaseStepInput) {
    return this.run(ctx, 'startInvestigation', input);
  }

  @Command(SubmitForReviewPayload, 'investigate', 'Case', 'Put a DIBAO/TEKUN case before the joint review committee (提交联审联批), D§3.')
  submitForReview(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitForReviewInput) input: CaseStepInput) {
    return this.run(ctx, 'submitForReview', input);
  }

  @Command(StartNoticePayload, 'investigate', 'Case', 'Publish a LINSHI case with its one-off amount (临时救助公示), D§6.')
  startNotice(@Ctx() ctx: RequestContext, @Arg('input') input: StartNoticeInput) {
    return this.run(ctx, 'startNotice', input, { amount: input.amount });
  }

  @Mutation(() => ConcludeReviewPayload, {
    description:
      "Conclude the committee's review of a case from a meeting's votes (联审联批结论), P3.2, D§4: the chair opens the notice; a refusal is a decision (D§13), signed by whoever may decide the case.",
  })
  @NeedsAny(['review', 'decide'], 'Case')
  concludeReview(@Ctx() ctx: RequestContext, @Arg('input') input: ConcludeReviewInput) {
    return this.run(ctx, 'concludeReview', input, {
      meetingId: tenantKeyOfOrThrow(input.meetingId, 'Meeting', 'meetingId').id,
      reasons: input.reasons,
    });
  }

  @Command(RaiseObjectionPayload, 'notice', 'Case', 'Record an objection raised during the notice (记录公示异议), D§3.')
  raiseObjection(@Ctx() ctx: RequestContext, @Arg('input') input: RaiseObjectionInput) {
    return this.run(ctx, 'raiseObjection', input, { objector: input.objector, content: input.content });
  }

  @Command(
    ReturnToReviewPayload,
    'notice',
    'Case',
    'Back to review after re-investigation or democratic appraisal of the objection (异议处理后重新审核), D§3.',
  )
  returnToReview(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnToReviewInput) {
    return this.run(ctx, 'returnToReview', input, { note: input.note });
  }

  @Command(
    ApproveCasePayload,
    'decide',
    'Case',
    'Approve (审核确认) after the notice ended without open objections; enrols DIBAO/TEKUN from next month. P3.1, D§3.',
  )
  approveCase(@Ctx() ctx: RequestContext, @Arg('input') input: ApproveCaseInput) {
    return this.run(ctx, 'approveCase', input, { note: input.note });
  }

  @Command(DenyCasePayload, 'decide', 'Case', 'Refuse with written reasons (不予确认) after the notice ended. P3.1, D§3.')
  denyCase(@Ctx() ctx: RequestContext, @Arg('input') input: DenyCaseInput) {
    return this.run(ctx, 'denyCase', input, { reasons: input.reasons });
  }

  @Command(FileCasePayload, 'file', 'Case', 'File a decided case with the district (备案), P3.1.')
  fileCase(@Ctx() ctx: RequestContext, @Arg('input', () => FileCaseInput) input: CaseStepInput) {
    return this.run(ctx, 'fileCase', input);
  }

  @Command(
    SpotCheckPayload,
    'spotCheck',
    'Case',
    'District spot check of a filed case (监督抽查); a correction sends it back to the township, which re-decides. P4.3.',
  )
  spotCheck(@Ctx() ctx: RequestContext, @Arg('input') input: SpotCheckInput) {
    return this.run(ctx, 'spotCheck', input, { spotCheckOutcome: input.outcome, note: input.findings });
  }

  @Command(ReReviewPayload, 'investigate', 'Case', 'The township takes a corrected case back to review (纠正后重新审核), D§3.')
  reReview(@Ctx() ctx: RequestContext, @Arg('input', () => ReReviewInput) input: CaseStepInput) {
    return this.run(ctx, 'reReview', input);
  }

  @Command(RecordPaymentPayload, 'pay', 'Case', 'Record the payment of approved temporary assistance (临时救助发放), D§6.')
  recordPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPaymentInput) input: CaseStepInput) {
    return this.run(ctx, 'recordPayment', input);
  }

  @Command(
    EmergencyPayPayload,
    'pay',
    'Case',
    'Emergency LINSHI: a caseworker records the payment the head decided, within the township limit at the time of payment; paperwork follows within the configured working days (急难型先行救助), D§6.',
  )
  emergencyPay(@Ctx() ctx: RequestContext, @Arg('input') input: EmergencyPayInput) {
    return this.run(ctx, 'emergencyPay', input, { amount: input.amount });
  }

  @Command(CompleteEmergencyPaperworkPayload, 'investigate', 'Case', 'Complete the paperwork of an emergency payment (补办手续), D§6.')
  completeEmergencyPaperwork(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteEmergencyPaperworkInput) input: CaseStepInput) {
    return this.run(ctx, 'completeEmergencyPaperwork', input);
  }
}
