import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { IDEMPOTENCY_KEY_DESCRIPTION, payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Case } from '../case/case.entity';
import { Department } from '../../../permissions/roles';
import { VerificationAnswer, VerificationRequest, VerificationStatus } from './verification.entity';

@InputType('ApproveVerificationRequestInput', { description: 'A verification request to send to the departments (核对审批)' })
class ApproveVerificationRequestInput {
  @Field(() => ID, { description: 'The verification request (核对申请)' }) requestId: string;

  @Field(() => [Department], {
    nullable: true,
    description:
      'The departments to ask instead of those the request lists, each one the district uses (核对部门, settings.verificationDepartments), D§7',
  })
  departments?: Department[] | null;
}

@InputType('ApproveVerificationReportInput', { description: 'A combined verification report to approve (核对报告审批)' })
class ApproveVerificationReportInput {
  @Field(() => ID, { description: 'The verification request (核对申请)' }) requestId: string;
}

@InputType('AnswerVerificationInput', { description: "A department's answer (部门核对反馈)" })
class AnswerVerificationInput {
  @Field(() => ID, { description: 'The request as addressed to your department (核对事项)' }) answerId: string;
  @Field({ description: 'Findings (核对结果)' }) findings: string;
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null;
}

const REQUEST = { type: () => VerificationRequest, description: 'The verification request (核对申请)' };
const ApproveVerificationRequestPayload = payloadType<{ verificationRequest: VerificationRequest }>(
  'ApproveVerificationRequest',
  'The approved request (已审批核对申请)',
  { verificationRequest: REQUEST },
);
const ApproveVerificationReportPayload = payloadType<{ verificationRequest: VerificationRequest }>(
  'ApproveVerificationReport',
  'The request with its approved report (已审批核对报告)',
  { verificationRequest: REQUEST },
);
const AnswerVerificationPayload = payloadType<{ verificationAnswer: VerificationAnswer }>('AnswerVerification', 'The answer (核对反馈)', {
  verificationAnswer: { type: () => VerificationAnswer, description: 'The answer (反馈)' },
});

const VerificationRequestConnection = ConnectionType(VerificationRequest, {
  name: 'VerificationRequest',
  items: 'verification requests',
  zh: '核对申请',
});
const VerificationAnswerConnection = ConnectionType(VerificationAnswer, {
  name: 'VerificationAnswer',
  items: 'verification answers',
  zh: '部门核对',
});

@Resolver(() => VerificationRequest)
export class VerificationResolver {
  @ReadQuery(
    VerificationRequestConnection,
    'VerificationRequest',
    'Economic-status verifications the caller may see (核对申请), newest first.',
  )
  verificationRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('caseId', () => ID, { nullable: true }) caseId?: string,
    @Arg('status', () => VerificationStatus, { nullable: true }) status?: VerificationStatus,
  ): Promise<Connection<VerificationRequest>> {
    return ctx.services.verification.listRequests(
      ctx.caller,
      { caseId: caseId ? tenantKeyOfOrThrow(caseId, 'Case', 'caseId').id : undefined, status },
      page,
    );
  }

  @ReadQuery(
    VerificationAnswerConnection,
    'VerificationAnswer',
    'Verification requests as departments see them (部门核对), newest first; a department sees only its own. Reads are audited.',
  )
  verificationAnswers(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('pending', () => Boolean, { nullable: true, description: 'Only unanswered (true) or answered (false)' }) pending?: boolean,
    @Arg('requestId', () => ID, { nullable: true }) requestId?: string,
  ): Promise<Connection<VerificationAnswer>> {
    const request = requestId ? tenantKeyOfOrThrow(requestId, 'VerificationRequest', 'requestId').id : undefined;
    return ctx.services.verification.listAnswers(ctx.caller, { pending, requestId: request }, page);
  }

  @Command(
    ApproveVerificationRequestPayload,
    'verify',
    'VerificationRequest',
    'Approve a verification request; it goes out to the departments (核对审批), P4.3.',
  )
  async approveVerificationRequest(@Ctx() ctx: RequestContext, @Arg('input') input: ApproveVerificationRequestInput) {
    const key = tenantKeyOfOrThrow(input.requestId, 'VerificationRequest', 'requestId');
    return { verificationRequest: await ctx.services.verification.approveRequest(ctx.caller, key.id, input.departments) };
  }

  @Command(
    AnswerVerificationPayload,
    'answer',
    'VerificationAnswer',
    'A department answers a verification addressed to it (部门核对反馈), P4.4.',
  )
  async answerVerification(@Ctx() ctx: RequestContext, @Arg('input') input: AnswerVerificationInput) {
    const key = tenantKeyOfOrThrow(input.answerId, 'VerificationAnswer', 'answerId');
    const { idempotencyKey, ...request } = input;
    const verificationAnswer = await ctx.services.idempotency.once(ctx.caller, 'answerVerification', idempotencyKey, request, {
      run: () => ctx.services.verification.answer(ctx.caller, key.id, input.findings),
      idOf: (answer) => answer.nodeId,
      replay: (id) => ctx.services.verification.findAnswer(ctx.caller, tenantKeyOfOrThrow(id, 'VerificationAnswer')),
    });
    return { verificationAnswer };
  }

  @Command(
    ApproveVerificationReportPayload,
    'verify',
    'VerificationRequest',
    'Approve the combined verification report once every department answered (核对报告审批), P4.3.',
  )
  async approveVerificationReport(@Ctx() ctx: RequestContext, @Arg('input') input: ApproveVerificationReportInput) {
    const key = tenantKeyOfOrThrow(input.requestId, 'VerificationRequest', 'requestId');
    return { verificationRequest: await ctx.services.verification.approveReport(ctx.caller, key.id) };
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case verified (案件), if the caller may see it' })
  case(@Root() request: VerificationRequest, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: request.districtCode, id: request.caseId });
  }

  @FieldResolver(() => [VerificationAnswer], { description: "Departments' answers the caller may see (部门反馈)" })
  answers(@Root() request: VerificationRequest, @Ctx() ctx: RequestContext): Promise<VerificationAnswer[]> {
    return ctx.services.verification.answersOf(ctx.caller, request.id);
  }
}
