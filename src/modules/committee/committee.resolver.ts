import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { currentLanguage } from '../../i18n/language';
import { render } from '../../i18n/message';
import { Needs } from '../../graphql/guards';
import { toGlobalId, uuidOrThrow } from '../../graphql/node';
import { keyOfOrThrow } from '../account/account.resolver';
import { Account } from '../account/account.entity';
import { Case } from '../case/case.entity';
import { tenantKeyOfOrThrow } from '../household/household.resolver';
import { CommitteeFunction, CommitteeMember, CommitteeVote, Meeting, Vote } from './committee.entity';
import type { CommitteeState } from './committee.service';

@InputType({ description: 'A committee seat (小组成员)' })
class CommitteeMemberInput {
  @Field(() => ID, { description: 'Account (账号)' })
  accountId: string;

  @Field(() => CommitteeFunction, { description: 'Function (职责)' })
  function: CommitteeFunction;
}

@ObjectType('CommitteeView', { description: 'A township\'s joint review committee with its members and whether it can decide (联审联批小组).' })
class CommitteeView {
  @Field(() => ID, { description: 'Committee id (小组标识)' })
  id: string;

  @Field({ description: 'Township code (乡镇代码)' })
  townshipCode: string;

  @Field(() => [CommitteeMember], { description: 'Members (成员)' })
  members: CommitteeMember[];

  @Field({ description: 'Whether it may decide cases (是否有效)' })
  valid: boolean;

  @Field(() => [String], { description: 'What keeps it from deciding (存在问题), in the request\'s language' })
  problems: string[];
}

const view = (state: CommitteeState): CommitteeView => ({
  id: state.committee.id, townshipCode: state.committee.townshipCode, members: state.members,
  valid: state.problems.length === 0, problems: state.problems.map((problem) => render(problem, currentLanguage())),
});

@Resolver(() => CommitteeMember)
export class CommitteeMemberResolver {
  @FieldResolver(() => Account, { nullable: true, description: 'The member\'s account (成员账号), if visible to the caller' })
  account(@Root() member: CommitteeMember, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return ctx.loaders.accountById.load(member.accountId);
  }
}

@Resolver(() => Meeting)
export class CommitteeResolver {
  @Query(() => [CommitteeView], { description: 'Joint review committees the caller may see (联审联批小组), with validity.' })
  @Needs('read', 'Committee')
  async committees(@Ctx() ctx: RequestContext): Promise<CommitteeView[]> {
    return (await ctx.services.committees.list(ctx)).map(view);
  }

  @Mutation(() => CommitteeView, { description: 'Record a township\'s committee and its members (设立/调整联审联批小组); ADMIN. P3.2, D§4.' })
  @Needs('create', 'Committee')
  async setCommittee(@Ctx() ctx: RequestContext, @Arg('townshipCode') townshipCode: string,
    @Arg('members', () => [CommitteeMemberInput]) members: CommitteeMemberInput[]): Promise<CommitteeView> {
    return view(await ctx.services.committees.setCommittee(ctx, townshipCode, members.map((m) => ({ accountId: keyOfOrThrow(m.accountId, 'Account'), function: m.function }))));
  }

  @Query(() => [Meeting], { description: 'Committee meetings the caller may see (审核会议).' })
  @Needs('read', 'Meeting')
  meetings(@Ctx() ctx: RequestContext, @Arg('townshipCode', () => String, { nullable: true }) townshipCode?: string): Promise<Meeting[]> {
    return ctx.services.committees.listMeetings(ctx, townshipCode);
  }

  @Mutation(() => Meeting, { description: 'Schedule a committee meeting with its agenda of cases (安排审核会议), P4.2.' })
  @Needs('create', 'Meeting')
  scheduleMeeting(@Ctx() ctx: RequestContext, @Arg('townshipCode') townshipCode: string, @Arg('heldOn', { description: 'YYYY-MM-DD' }) heldOn: string,
    @Arg('caseIds', () => [ID], { description: 'Agenda (议程)' }) caseIds: string[]): Promise<Meeting> {
    return ctx.services.committees.scheduleMeeting(ctx, townshipCode, heldOn, caseIds.map((id) => tenantKeyOfOrThrow(id, 'Case')));
  }

  @Mutation(() => Meeting, { description: 'Record who is present (出席情况), D§4.' })
  @Needs('update', 'Meeting')
  recordAttendance(@Ctx() ctx: RequestContext, @Arg('meetingId', () => ID) meetingId: string,
    @Arg('presentIds', () => [ID], { description: 'Accounts present (出席成员)' }) presentIds: string[]): Promise<Meeting> {
    return ctx.services.committees.recordAttendance(ctx, uuidOrThrow(meetingId, 'meetingId'), presentIds.map((id) => keyOfOrThrow(id, 'Account')));
  }

  @Mutation(() => CommitteeVote, { description: 'Cast your vote on a case at a meeting (表决); kin of the applicant and its investigators are refused (P6.3, D§4).' })
  @Needs('vote', 'Case')
  castVote(@Ctx() ctx: RequestContext, @Arg('meetingId', () => ID) meetingId: string, @Arg('caseId', () => ID) caseId: string,
    @Arg('vote', () => Vote) vote: Vote, @Arg('note', () => String, { nullable: true, description: 'Grounds, e.g. of dissent (意见)' }) note?: string): Promise<CommitteeVote> {
    return ctx.services.committees.castVote(ctx, uuidOrThrow(meetingId, 'meetingId'), tenantKeyOfOrThrow(caseId, 'Case'), vote, note ?? null);
  }

  @FieldResolver(() => [Case], { description: 'Agenda (议程): the cases the caller may see' })
  async agenda(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Case[]> {
    const found = await ctx.loaders.caseByKey.loadMany(meeting.agendaCaseIds.map((id) => ({ districtCode: meeting.districtCode, id })));
    return found.filter((c): c is Case => Boolean(c) && !(c instanceof Error));
  }

  @FieldResolver(() => [ID], { description: 'Accounts present (出席成员)' })
  present(@Root() meeting: Meeting): string[] {
    return meeting.presentIds.map((id) => toGlobalId('Account', id));
  }

  @FieldResolver(() => [CommitteeVote], { description: 'Votes cast, dissent included (表决记录)' })
  votes(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<CommitteeVote[]> {
    return ctx.services.committees.votesOf(meeting);
  }
}
