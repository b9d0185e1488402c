import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { currentLanguage } from '../../i18n/language';
import { render } from '../../i18n/message';
import { Command, ReadQuery } from '../../graphql/guards';
import { keyOfOrThrow, Node, tenantGlobalId, tenantKeyOfOrThrow, toGlobalId } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Account } from '../account/account.entity';
import { Case } from '../case/case.entity';
import { CommitteeFunction, CommitteeMember, CommitteeVote, Meeting, Vote } from './committee.entity';
import type { CommitteeState } from './committee.service';

@InputType({ description: 'A committee seat (小组成员)' })
class CommitteeMemberInput {
  @Field(() => ID, { description: 'Account (账号)' }) accountId: string;
  @Field(() => CommitteeFunction, { description: 'Function (职责)' }) function: CommitteeFunction;
}

@ObjectType('CommitteeView', {
  implements: Node,
  description: "A township's joint review committee with its members and whether it can decide (联审联批小组).",
})
export class CommitteeView implements Node {
  districtCode: string;
  id: string;

  get nodeId(): string {
    return tenantGlobalId('CommitteeView', this);
  }

  @Field({ description: 'Township code (乡镇代码)' }) townshipCode: string;
  @Field(() => [CommitteeMember], { description: 'Members (成员)' }) members: CommitteeMember[];
  @Field({ description: 'Whether it may decide cases (是否有效)' }) valid: boolean;
  @Field(() => [String], { description: "What keeps it from deciding (存在问题), in the request's language" }) problems: string[];
}

export const committeeView = (state: CommitteeState): CommitteeView =>
  Object.assign(new CommitteeView(), {
    districtCode: state.committee.districtCode,
    id: state.committee.id,
    townshipCode: state.committee.townshipCode,
    members: state.members,
    valid: state.problems.length === 0,
    problems: state.problems.map((problem) => render(problem, currentLanguage())),
  });

@InputType('SetCommitteeInput', { description: "A township's committee and its members (联审联批小组组成)" })
class SetCommitteeInput {
  @Field({ description: 'Township code (乡镇代码)' }) townshipCode: string;
  @Field(() => [CommitteeMemberInput], { description: 'Members (成员), each with the seat they fill' }) members: CommitteeMemberInput[];

  @Field(() => ID, {
    nullable: true,
    description: 'The deputy chair (副组长), one of the members: chairs and signs for a case on which the chair recuses (D§4)',
  })
  deputyChairId?: string | null;
}

@InputType('ScheduleMeetingInput', { description: 'A committee meeting and its agenda (审核会议安排)' })
class ScheduleMeetingInput {
  @Field({ description: 'Township code (乡镇代码)' }) townshipCode: string;
  @Field(() => CalendarDateScalar, { description: 'Meeting day (会议日期)' }) heldOn: string;
  @Field(() => [ID], { description: 'Agenda (议程): cases awaiting review' }) caseIds: string[];
}

@InputType('RecordAttendanceInput', { description: 'Who is present at a meeting (出席情况)' })
class RecordAttendanceInput {
  @Field(() => ID, { description: 'The meeting (会议)' }) meetingId: string;
  @Field(() => [ID], { description: 'Accounts present (出席成员)' }) presentIds: string[];
}

@InputType('CastVoteInput', { description: 'Your vote on a case at a meeting (表决)' })
class CastVoteInput {
  @Field(() => ID, { description: 'The meeting (会议)' }) meetingId: string;
  @Field(() => ID, { description: 'The case (案件)' }) caseId: string;
  @Field(() => Vote, { description: 'Vote (表决意见)' }) vote: Vote;
  @Field(() => String, { nullable: true, description: 'Grounds, e.g. of dissent (意见)' }) note?: string | null;
}

const MEETING = { type: () => Meeting, description: 'The meeting (会议)' };
const SetCommitteePayload = payloadType<{ committee: CommitteeView }>('SetCommittee', 'The committee as recorded (小组)', {
  committee: { type: () => CommitteeView, description: 'The committee with its validity (小组)' },
});
const ScheduleMeetingPayload = payloadType<{ meeting: Meeting }>('ScheduleMeeting', 'The scheduled meeting (已安排会议)', {
  meeting: MEETING,
});
const RecordAttendancePayload = payloadType<{ meeting: Meeting }>('RecordAttendance', 'The meeting with its attendance (出席情况)', {
  meeting: MEETING,
});
const CastVotePayload = payloadType<{ committeeVote: CommitteeVote }>('CastVote', 'The vote cast (表决记录)', {
  committeeVote: { type: () => CommitteeVote, description: 'The vote (表决)' },
});

@Resolver(() => CommitteeVote)
export class CommitteeVoteResolver {
  @FieldResolver(() => Case, { nullable: true, description: 'The case voted on (案件), if visible to the caller' })
  case(@Root() vote: CommitteeVote, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return ctx.loaders.caseByKey.load({ districtCode: vote.districtCode, id: vote.caseId });
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The member who voted (表决人), if visible to the caller' })
  member(@Root() vote: CommitteeVote, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return ctx.loaders.accountById.load(vote.memberId);
  }
}

@Resolver(() => CommitteeMember)
export class CommitteeMemberResolver {
  @FieldResolver(() => Account, { nullable: true, description: "The member's account (成员账号), if visible to the caller" })
  account(@Root() member: CommitteeMember, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return ctx.loaders.accountById.load(member.accountId);
  }
}

const MeetingConnection = ConnectionType(Meeting, { name: 'Meeting', items: 'committee meetings', zh: '审核会议' });

@Resolver(() => Meeting)
export class CommitteeResolver {
  @ReadQuery([CommitteeView], 'Committee', 'Joint review committees the caller may see (联审联批小组), with validity.')
  async committees(@Ctx() ctx: RequestContext): Promise<CommitteeView[]> {
    return (await ctx.services.committees.list(ctx.caller)).map(committeeView);
  }

  @Command(
    SetCommitteePayload,
    'create',
    'Committee',
    "Record a township's committee: its members, the seat each fills and the deputy chair (设立/调整联审联批小组); the township head. " +
      'Changed memberships end and new ones start now; none is deleted. P3.2, P5.1, D§4.',
  )
  async setCommittee(@Ctx() ctx: RequestContext, @Arg('input') input: SetCommitteeInput) {
    const members = input.members.map((m) => ({ accountId: keyOfOrThrow(m.accountId, 'Account', 'members'), function: m.function }));
    const deputy = input.deputyChairId ? keyOfOrThrow(input.deputyChairId, 'Account', 'deputyChairId') : null;
    return { committee: committeeView(await ctx.services.committees.setCommittee(ctx.caller, input.townshipCode, members, deputy)) };
  }

  @ReadQuery(MeetingConnection, 'Meeting', 'Committee meetings the caller may see (审核会议), most recently scheduled first.')
  meetings(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('townshipCode', () => String, { nullable: true }) townshipCode?: string,
  ): Promise<Connection<Meeting>> {
    return ctx.services.committees.listMeetings(ctx.caller, townshipCode, page);
  }

  @Command(ScheduleMeetingPayload, 'create', 'Meeting', 'Schedule a committee meeting with its agenda of cases (安排审核会议), P4.2.')
  async scheduleMeeting(@Ctx() ctx: RequestContext, @Arg('input') input: ScheduleMeetingInput) {
    const caseKeys = input.caseIds.map((id) => tenantKeyOfOrThrow(id, 'Case', 'caseIds'));
    return { meeting: await ctx.services.committees.scheduleMeeting(ctx.caller, input.townshipCode, input.heldOn, caseKeys) };
  }

  @Command(RecordAttendancePayload, 'update', 'Meeting', 'Record who is present (出席情况), D§4.')
  async recordAttendance(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAttendanceInput) {
    const meeting = tenantKeyOfOrThrow(input.meetingId, 'Meeting', 'meetingId');
    const present = input.presentIds.map((id) => keyOfOrThrow(id, 'Account', 'presentIds'));
    return { meeting: await ctx.services.committees.recordAttendance(ctx.caller, meeting, present) };
  }

  @Command(
    CastVotePayload,
    'vote',
    'Case',
    'Cast your vote on a case at a meeting (表决); kin of the applicant and its investigators are refused (P6.3, D§4).',
  )
  async castVote(@Ctx() ctx: RequestContext, @Arg('input') input: CastVoteInput) {
    const meeting = tenantKeyOfOrThrow(input.meetingId, 'Meeting', 'meetingId');
    const caseKey = tenantKeyOfOrThrow(input.caseId, 'Case', 'caseId');
    return { committeeVote: await ctx.services.committees.castVote(ctx.caller, meeting, caseKey, input.vote, input.note ?? null) };
  }

  @FieldResolver(() => [Case], { description: 'Agenda (议程): the cases the caller may see' })
  async agenda(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Case[]> {
    const found = await ctx.loaders.caseByKey.loadMany(meeting.agendaCaseIds.map((id) => ({ districtCode: meeting.districtCode, id })));
    return found.filter((c): c is Case => Boolean(c) && !(c instanceof Error));
  }

  @FieldResolver(() => [CommitteeMember], {
    description: 'The committee as it sat at this meeting (会议时的小组成员): its members when the meeting was scheduled',
  })
  async members(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<CommitteeMember[]> {
    return (await ctx.services.committees.meetingCommittee(meeting)).members;
  }

  @FieldResolver(() => [ID], { description: 'Accounts present (出席成员)' })
  present(@Root() meeting: Meeting): string[] {
    return meeting.presentIds.map((id) => toGlobalId('Account', id));
  }

  @FieldResolver(() => [CommitteeVote], { description: 'Votes cast, dissent included (表决记录)' })
  votes(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<CommitteeVote[]> {
    return ctx.services.committees.votesOf(ctx.caller, meeting);
  }
}
