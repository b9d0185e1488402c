import { Arg, Ctx, Field, ID, InputType, Int, Mutation, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../household/household.resolver';
import { uuidOrThrow } from '../../graphql/node';
import { Case } from './case.entity';
import type { StepInput } from './workflow';

enum SpotCheckOutcome {
  CONFIRMED = 'CONFIRMED',
  CORRECTION = 'CORRECTION',
}
registerEnumType(SpotCheckOutcome, {
  name: 'SpotCheckOutcome',
  description: 'Result of a supervisory spot check (抽查结论)',
  valuesConfig: {
    CONFIRMED: { description: 'The decision stands (抽查无误)' },
    CORRECTION: { description: 'The township must correct it (责令纠正)' },
  },
});

@InputType({ description: 'An objection to a public notice (公示异议)' })
class ObjectionInput {
  @Field({ description: 'Who objected (异议人)' })
  objector: string;

  @Field({ description: 'What the objection says (异议内容)' })
  content: string;
}

const CASE_ID = { description: 'The case (案件)' };
const VERSION = { description: 'The version you last read; a stale one answers CONFLICT (版本号)' };

/**
 * One mutation per transition of the workflow table (`workflow.ts`). Each answers
 * INVALID_TRANSITION with the current state and the allowed next steps when it does not apply,
 * CONFLICT on a stale version, and FORBIDDEN with the policy row's reason when the caller may not.
 */
@Resolver(() => Case)
export class WorkflowResolver {
  private run(ctx: RequestContext, step: string, caseId: string, version: number, input: StepInput = {}): Promise<Case> {
    return ctx.services.workflow.transition(ctx, step, tenantKeyOfOrThrow(caseId, 'Case'), version, input);
  }

  @Mutation(() => Case, { description: 'Accept an application (受理); runs the kin and duplicate checks (D§3, D§5).' })
  @Needs('accept', 'Case')
  acceptCase(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'acceptCase', caseId, version);
  }

  @Mutation(() => Case, { description: 'List every missing material, once and completely (一次性告知补正材料), D§3.' })
  @Needs('accept', 'Case')
  requestMaterials(
    @Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('missingMaterials', () => [String], { description: 'Everything missing (需补正材料清单)' }) missingMaterials: string[],
  ) {
    return this.run(ctx, 'requestMaterials', caseId, version, { missingMaterials });
  }

  @Mutation(() => Case, { description: 'The missing materials have been supplied (补正材料), P4.1.' })
  @Needs('submit', 'Case')
  supplyMaterials(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string) {
    return this.run(ctx, 'supplyMaterials', caseId, version, { note });
  }

  @Mutation(() => Case, { description: 'Refuse to accept, with written reasons (不予受理), D§3.' })
  @Needs('accept', 'Case')
  refuseAcceptance(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('reasons', { description: 'Written reasons (理由)' }) reasons: string) {
    return this.run(ctx, 'refuseAcceptance', caseId, version, { reasons });
  }

  @Mutation(() => Case, { description: 'Start the household investigation; the economic-status verification is requested with it (开始调查核对), D§3, D§7.' })
  @Needs('investigate', 'Case')
  startInvestigation(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'startInvestigation', caseId, version);
  }

  @Mutation(() => Case, { description: 'Put a DIBAO/TEKUN case before the joint review committee (提交联审联批), D§3.' })
  @Needs('investigate', 'Case')
  submitForReview(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'submitForReview', caseId, version);
  }

  @Mutation(() => Case, { description: 'Publish a LINSHI case with its one-off amount (临时救助公示), D§6.' })
  @Needs('investigate', 'Case')
  startNotice(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('amount', { description: 'One-off amount (救助金额, 元)' }) amount: number) {
    return this.run(ctx, 'startNotice', caseId, version, { amount });
  }

  @Mutation(() => Case, { description: 'Conclude the committee\'s review of a case from a meeting\'s votes (联审联批结论), P3.2, D§4.' })
  @Needs('review', 'Case')
  concludeReview(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('meetingId', () => ID, { description: 'The meeting that voted (会议)' }) meetingId: string,
    @Arg('reasons', () => String, { nullable: true, description: 'Reasons to record if the committee refuses (不予确认理由)' }) reasons?: string) {
    return this.run(ctx, 'concludeReview', caseId, version, { meetingId: uuidOrThrow(meetingId, 'meetingId'), reasons });
  }

  @Mutation(() => Case, { description: 'Record an objection raised during the notice (记录公示异议), D§3.' })
  @Needs('notice', 'Case')
  raiseObjection(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('objection') objection: ObjectionInput) {
    return this.run(ctx, 'raiseObjection', caseId, version, { objector: objection.objector, content: objection.content });
  }

  @Mutation(() => Case, { description: 'Back to review after re-investigation or democratic appraisal of the objection (异议处理后重新审核), D§3.' })
  @Needs('notice', 'Case')
  returnToReview(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string) {
    return this.run(ctx, 'returnToReview', caseId, version, { note });
  }

  @Mutation(() => Case, { description: 'Approve (审核确认) after the notice ended without open objections; enrols DIBAO/TEKUN from next month. P3.1, D§3.' })
  @Needs('decide', 'Case')
  approveCase(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('note', () => String, { nullable: true }) note?: string) {
    return this.run(ctx, 'approveCase', caseId, version, { note });
  }

  @Mutation(() => Case, { description: 'Refuse with written reasons (不予确认) after the notice ended. P3.1, D§3.' })
  @Needs('decide', 'Case')
  denyCase(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('reasons', { description: 'Written reasons (理由)' }) reasons: string) {
    return this.run(ctx, 'denyCase', caseId, version, { reasons });
  }

  @Mutation(() => Case, { description: 'File an approved case with the district (备案), P3.1.' })
  @Needs('file', 'Case')
  fileCase(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'fileCase', caseId, version);
  }

  @Mutation(() => Case, { description: 'District spot check of a filed case (监督抽查); a correction sends it back to the township, which re-decides. P4.3.' })
  @Needs('spotCheck', 'Case')
  spotCheck(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('outcome', () => SpotCheckOutcome) outcome: SpotCheckOutcome, @Arg('findings', { description: 'Findings (抽查意见)' }) findings: string) {
    return this.run(ctx, 'spotCheck', caseId, version, { spotCheckOutcome: outcome, note: findings });
  }

  @Mutation(() => Case, { description: 'The township takes a corrected case back to review (纠正后重新审核), D§3.' })
  @Needs('investigate', 'Case')
  reReview(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'reReview', caseId, version);
  }

  @Mutation(() => Case, { description: 'Record the payment of approved temporary assistance (临时救助发放), D§6.' })
  @Needs('pay', 'Case')
  recordPayment(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'recordPayment', caseId, version);
  }

  @Mutation(() => Case, { description: 'Emergency LINSHI: pay first, paperwork within the configured working days (急难型先行救助), D§6.' })
  @Needs('pay', 'Case')
  emergencyPay(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number,
    @Arg('amount', { description: 'Amount paid (发放金额, 元)' }) amount: number) {
    return this.run(ctx, 'emergencyPay', caseId, version, { amount });
  }

  @Mutation(() => Case, { description: 'Complete the paperwork of an emergency payment (补办手续), D§6.' })
  @Needs('investigate', 'Case')
  completeEmergencyPaperwork(@Ctx() ctx: RequestContext, @Arg('caseId', () => ID, CASE_ID) caseId: string, @Arg('version', () => Int, VERSION) version: number) {
    return this.run(ctx, 'completeEmergencyPaperwork', caseId, version);
  }
}
