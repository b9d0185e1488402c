import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { uuidOrThrow } from '../../graphql/node';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { tenantKeyOfOrThrow } from '../household/household.resolver';
import { VerificationAnswer, VerificationRequest, VerificationStatus } from './verification.entity';

const VerificationRequestConnection = ConnectionType(VerificationRequest, { name: 'VerificationRequest', items: 'verification requests', zh: '核对申请' });
const VerificationAnswerConnection = ConnectionType(VerificationAnswer, { name: 'VerificationAnswer', items: 'verification answers', zh: '部门核对' });

@Resolver(() => VerificationRequest)
export class VerificationResolver {
  @Query(() => VerificationRequestConnection, { nullable: true, description: 'Economic-status verifications the caller may see (核对申请), newest first.' })
  @Needs('read', 'VerificationRequest')
  verificationRequests(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('caseId', () => ID, { nullable: true }) caseId?: string,
    @Arg('status', () => VerificationStatus, { nullable: true }) status?: VerificationStatus): Promise<Connection<VerificationRequest>> {
    return ctx.services.verification.listRequests(ctx, { caseId: caseId ? tenantKeyOfOrThrow(caseId, 'Case').id : undefined, status }, page);
  }

  @Query(() => VerificationAnswerConnection, { nullable: true, description: 'Verification requests as departments see them (部门核对), newest first; a department sees only its own. Reads are audited.' })
  @Needs('read', 'VerificationAnswer')
  verificationAnswers(@Ctx() ctx: RequestContext, @Args() page: PageArgs,
    @Arg('pending', () => Boolean, { nullable: true, description: 'Only unanswered (true) or answered (false)' }) pending?: boolean,
    @Arg('requestId', () => ID, { nullable: true }) requestId?: string): Promise<Connection<VerificationAnswer>> {
    return ctx.services.verification.listAnswers(ctx, { pending, requestId: requestId ? uuidOrThrow(requestId, 'requestId') : undefined }, page);
  }

  @Mutation(() => VerificationRequest, { description: 'Approve a verification request; it goes out to the departments (核对审批), P4.3.' })
  @Needs('verify', 'VerificationRequest')
  approveVerificationRequest(@Ctx() ctx: RequestContext, @Arg('requestId', () => ID) requestId: string): Promise<VerificationRequest> {
    return ctx.services.verification.approveRequest(ctx, uuidOrThrow(requestId, 'requestId'));
  }

  @Mutation(() => VerificationAnswer, { description: 'A department answers a verification addressed to it (部门核对反馈), P4.4.' })
  @Needs('answer', 'VerificationAnswer')
  answerVerification(@Ctx() ctx: RequestContext, @Arg('answerId', () => ID) answerId: string, @Arg('findings') findings: string): Promise<VerificationAnswer> {
    return ctx.services.verification.answer(ctx, uuidOrThrow(answerId, 'answerId'), findings);
  }

  @Mutation(() => VerificationRequest, { description: 'Approve the combined verification report once every department answered (核对报告审批), P4.3.' })
  @Needs('verify', 'VerificationRequest')
  approveVerificationReport(@Ctx() ctx: RequestContext, @Arg('requestId', () => ID) requestId: string): Promise<VerificationRequest> {
    return ctx.services.verification.approveReport(ctx, uuidOrThrow(requestId, 'requestId'));
  }

  @FieldResolver(() => [VerificationAnswer], { description: 'Departments\' answers the caller may see (部门反馈)' })
  answers(@Root() request: VerificationRequest, @Ctx() ctx: RequestContext): Promise<VerificationAnswer[]> {
    return ctx.services.verification.answersOf(ctx, request.id);
  }
}
