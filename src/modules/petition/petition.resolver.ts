import { GraphQLString } from 'graphql';
import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, Public, ReadQuery } from '../../graphql/guards';
import { keyOfOrThrow, tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Petition, PetitionKind, PetitionStatus } from './petition.entity';
import type { PetitionStatusView } from './petition.service';

@InputType('SubmitPetitionInput', {
  description:
    'A petition (信访) against exactly one of a case, a township or a running public notice; without an account, only a complaint citing a notice, D§12',
})
class SubmitPetitionInput {
  @Field(() => PetitionKind, { description: 'Complaint, or a refused applicant’s appeal against the case (信访类别)' }) kind: PetitionKind;
  @Field(() => ID, { nullable: true, description: 'The case complained about or appealed; staff only (涉及案件)' }) caseId?: string;
  @Field({ nullable: true, description: 'The township complained about; staff only (涉及乡镇代码)' }) townshipCode?: string;
  @Field(() => ID, { nullable: true, description: "A running public notice's id (公示编号)" }) noticeId?: string;
  @Field({ description: 'Subject, at most 200 characters (事由)' }) title: string;
  @Field({ description: 'What the petitioner says, at most 5000 characters (信访内容)' }) content: string;
  @Field({ nullable: true, description: 'Petitioner, if they give a name (信访人), at most 50 characters' }) residentName?: string;

  @Field({ nullable: true, description: 'How to reach the petitioner, if given (联系方式), at most 100 characters' })
  residentContact?: string;
}

@InputType('AssignPetitionInput', { description: 'Hand a petition to a district officer (信访交办)' })
class AssignPetitionInput {
  @Field(() => ID, { description: 'The petition (信访事项)' }) petitionId: string;
  @Field(() => ID, { description: 'The district officer who handles it (承办人账号)' }) assigneeId: string;
}

@InputType('InvestigatePetitionInput', { description: 'What the investigation of a petition found (调查核实)' })
class InvestigatePetitionInput {
  @Field(() => ID, { description: 'The petition (信访事项)' }) petitionId: string;
  @Field({ description: 'Findings, at most 5000 characters (调查核实情况)' }) findings: string;
}

@InputType('AnswerPetitionInput', { description: "The district's answer to a petition (信访答复)" })
class AnswerPetitionInput {
  @Field(() => ID, { description: 'The petition (信访事项)' }) petitionId: string;
  @Field({ description: 'The answer the petitioner reads by the reference, at most 5000 characters (答复意见)' }) answer: string;
}

@InputType('SharePetitionInput', { description: 'Let the township concerned see a petition (转乡镇办理)' })
class SharePetitionInput {
  @Field(() => ID, { description: 'The petition (信访事项)' }) petitionId: string;
}

@ObjectType('PetitionProgress', { description: 'What the holder of a petition reference may know (信访办理进度): nothing personal, D§12.' })
class PetitionProgress {
  @Field(() => PetitionStatus, { description: 'Where it stands (办理状态)' }) status: PetitionStatus;
  @Field(() => String, { nullable: true, description: "The district's answer, once given (答复意见)" }) answer: string | null;
  @Field(() => Date, { nullable: true, description: 'Answered at (答复时间)' }) answeredAt: Date | null;
}

const progress = (view: PetitionStatusView): PetitionProgress => Object.assign(new PetitionProgress(), view);

const SubmitPetitionPayload = payloadType<{ reference: string; progress: PetitionProgress }>(
  'SubmitPetition',
  'The filed petition as its petitioner may follow it (信访回执)',
  {
    reference: {
      type: () => GraphQLString,
      description: 'The reference to ask `petitionStatus` with, shown this once (查询码)',
    },
    progress: { type: () => PetitionProgress, description: 'Where it stands (办理进度)' },
  },
);
const petitionPayload = (name: string, description: string) =>
  payloadType<{ petition: Petition }>(name, description, { petition: { type: () => Petition, description: 'The petition (信访事项)' } });
const AssignPetitionPayload = petitionPayload('AssignPetition', 'The assigned petition (已交办)');
const InvestigatePetitionPayload = petitionPayload('InvestigatePetition', 'The petition under investigation (调查中)');
const AnswerPetitionPayload = petitionPayload('AnswerPetition', 'The answered petition (已答复)');
const SharePetitionPayload = petitionPayload('SharePetition', 'The shared petition (已转乡镇)');
const PetitionConnection = ConnectionType(Petition, { name: 'Petition', items: 'petitions', zh: '信访事项' });

@Resolver()
export class PetitionResolver {
  @Mutation(() => SubmitPetitionPayload, {
    description:
      "File a petition (提交信访): without an account, a complaint citing a running public notice, limited per address; signed in, staff record one on a resident's behalf (VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER, DISTRICT_OFFICER), D§12.",
  })
  @Public('The public petitions without an account, against a public notice (D§12); signed-in callers are held to the policy.')
  async submitPetition(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitPetitionInput) {
    const target = {
      caseKey: input.caseId ? tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId') : null,
      noticeKey: input.noticeId ? tenantKeyOfOrThrow(input.noticeId, 'PublicNotice', 'noticeId') : null,
      townshipCode: input.townshipCode ?? null,
    };
    const { petition, reference } = await ctx.services.petitions.submit(ctx.caller, target, input);
    return { reference, progress: progress({ status: petition.status, answer: petition.answer, answeredAt: petition.answeredAt }) };
  }

  @Query(() => PetitionProgress, {
    nullable: true,
    description: "A petition's status and the district's answer, by the reference its petitioner was given (信访查询); no account needed.",
  })
  @Public('A petitioner without an account follows the petition by its reference (D§12).')
  async petitionStatus(@Ctx() ctx: RequestContext, @Arg('reference') reference: string): Promise<PetitionProgress> {
    return progress(await ctx.services.petitions.statusOf(reference));
  }

  @Command(AssignPetitionPayload, 'assign', 'Petition', 'Hand a petition to a district officer (信访交办); DISTRICT_OFFICER, P4.3.')
  async assignPetition(@Ctx() ctx: RequestContext, @Arg('input') input: AssignPetitionInput) {
    const key = tenantKeyOfOrThrow(input.petitionId, 'Petition', 'petitionId');
    const assigneeId = keyOfOrThrow(input.assigneeId, 'Account', 'assigneeId');
    return { petition: await ctx.services.petitions.assign(ctx.caller, key, assigneeId) };
  }

  @Command(
    InvestigatePetitionPayload,
    'investigate',
    'Petition',
    'Record what the investigation of an assigned petition found (调查核实); DISTRICT_OFFICER, P4.3.',
  )
  async investigatePetition(@Ctx() ctx: RequestContext, @Arg('input') input: InvestigatePetitionInput) {
    const key = tenantKeyOfOrThrow(input.petitionId, 'Petition', 'petitionId');
    return { petition: await ctx.services.petitions.investigate(ctx.caller, key, input.findings) };
  }

  @Command(AnswerPetitionPayload, 'answer', 'Petition', 'Answer an investigated petition (信访答复); DISTRICT_OFFICER, P4.3.')
  async answerPetition(@Ctx() ctx: RequestContext, @Arg('input') input: AnswerPetitionInput) {
    const key = tenantKeyOfOrThrow(input.petitionId, 'Petition', 'petitionId');
    return { petition: await ctx.services.petitions.answer(ctx.caller, key, input.answer) };
  }

  @Command(
    SharePetitionPayload,
    'share',
    'Petition',
    'Let the township concerned see a petition, without who filed it (转乡镇办理); DISTRICT_OFFICER, D§12.',
  )
  async sharePetition(@Ctx() ctx: RequestContext, @Arg('input') input: SharePetitionInput) {
    const key = tenantKeyOfOrThrow(input.petitionId, 'Petition', 'petitionId');
    return { petition: await ctx.services.petitions.share(ctx.caller, key) };
  }

  @ReadQuery(
    PetitionConnection,
    'Petition',
    'Petitions the caller may see, newest first (信访事项): the whole district for the district, a township only those shared with it.',
  )
  petitions(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('status', () => [PetitionStatus], { nullable: true, description: 'Only these states (办理状态)' }) status?: PetitionStatus[],
    @Arg('kind', () => PetitionKind, { nullable: true, description: 'Only this kind (信访类别)' }) kind?: PetitionKind,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'Only overdue ones, or only those in time (超期)' }) overdue?: boolean,
  ): Promise<Connection<Petition>> {
    return ctx.services.petitions.list(ctx.caller, { status, kind, townshipCode, overdue }, page);
  }
}
