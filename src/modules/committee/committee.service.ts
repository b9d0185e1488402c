import { EntityManager } from 'typeorm';
import { Role } from '../../../permissions/roles';
import { assertCan, refuse } from '../../auth/authorize';
import { toGlobalId } from '../../graphql/node';
import { assertDateOrThrow, badInput, conflict, notFound, unmet } from '../../errors';
import { message, Message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { Account } from '../account/account.entity';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { Settings } from '../settings/settings-definitions';
import { CaseStatus } from '../case/case.entity';
import type { SettingsService } from '../settings/settings.service';
import type { StepRun } from '../case/workflow';
import type { TenantKey } from '../../db/tenant-keys';
import { Committee, CommitteeFunction, CommitteeMember, CommitteeVote, Meeting, Vote } from './committee.entity';
import type { CaseService } from '../case/case.service';
import type { AccountService } from '../account/account.service';
import type { AuditService } from '../audit/audit.service';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { CASE } from '../case/case.service';

export interface CommitteeState {
  committee: Committee;
  members: CommitteeMember[];
  problems: Message[];
}

/**
 * Why a committee cannot decide, or nothing (P3.2, D§4): at least the configured number of members
 * (never fewer than five), one chair who is the township head, a discipline-inspection member, and
 * every member able to vote (COMMITTEE_MEMBER of the township).
 */
export function committeeProblems(members: CommitteeMember[], accounts: Account[], settings: Settings): Message[] {
  const problems: Message[] = [];
  if (members.length < settings.committeeMinMembers) {
    problems.push(message('committee.problem.tooFewMembers', { count: members.length, min: settings.committeeMinMembers }));
  }
  const chairs = members.filter((m) => m.function === CommitteeFunction.CHAIR);
  if (chairs.length !== 1) problems.push(message('committee.problem.chairCount'));
  for (const chair of chairs) {
    const account = accounts.find((a) => a.id === chair.accountId);
    if (!account?.roles.some((r) => r.role === Role.TOWNSHIP_HEAD && r.regionCode === chair.townshipCode)) {
      problems.push(message('committee.problem.chairNotHead'));
    }
  }
  if (!members.some((m) => m.function === CommitteeFunction.DISCIPLINE_INSPECTION))
    problems.push(message('committee.problem.noDisciplineInspection'));
  for (const member of members) {
    const account = accounts.find((a) => a.id === member.accountId);
    if (!account?.active || !account.roles.some((r) => r.role === Role.COMMITTEE_MEMBER && r.regionCode === member.townshipCode)) {
      // Named by global ID: committee members may not read each other's accounts.
      problems.push(message('committee.problem.memberCannotVote', { member: toGlobalId('Account', member.accountId) }));
    }
  }
  return problems;
}

/** Meetings as their changes find, lock and audit them. */
const MEETING = tenantSubject('Meeting', Meeting, () => notFound('meeting.notFound'));

export class CommitteeService {
  constructor(
    private readonly data: DataAccess,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly writes: GuardedWrites,
    private readonly accounts: AccountService,
    private readonly cases: CaseService,
  ) {}

  /** Records a township's committee and its members (ADMIN, D§2); an invalid one may be recorded,
   * but cannot decide until mended. */
  async setCommittee(
    caller: Caller,
    townshipCode: string,
    members: { accountId: string; function: CommitteeFunction }[],
  ): Promise<CommitteeState> {
    if (levelOfCodeOrThrow(townshipCode) !== RegionLevel.TOWNSHIP)
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    const districtCode = townshipCode.slice(0, 6) + '000000';
    if (new Set(members.map((m) => m.accountId)).size !== members.length) throw badInput('members', 'committee.member.duplicate');
    const existing = await this.data
      .scoped(caller, 'read', 'Committee', Committee, 'c')
      .andWhere('c.district_code = :districtCode AND c.township_code = :townshipCode', { districtCode, townshipCode })
      .getOne();
    assertCan(caller, existing ? 'update' : 'create', 'Committee', existing ?? { districtCode, townshipCode });
    const accounts = members.length
      ? await this.accounts.findByIdsScoped(
          caller,
          members.map((m) => m.accountId),
        )
      : [];
    for (const member of members) {
      const account = accounts.find((a) => a.id === member.accountId);
      if (!account) throw badInput('members', 'committee.member.unknown', { accountId: member.accountId });
      if (account.townshipCode !== townshipCode)
        throw badInput('members', 'committee.member.notStaff', { username: account.username, townshipCode });
    }
    return this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const committee = existing ?? (await manager.save(Object.assign(new Committee(), { districtCode, townshipCode })));
      await manager.delete(CommitteeMember, { districtCode, committeeId: committee.id });
      await manager.insert(
        CommitteeMember,
        members.map((m) => ({ districtCode, committeeId: committee.id, townshipCode, ...m })),
      );
      await this.audit.recordChange(manager, caller, {
        action: existing ? 'updateCommittee' : 'createCommittee',
        subjectType: 'Committee',
        subjectId: committee.id,
        districtCode,
        townshipCode,
        details: { members: members.length },
      });
      return this.stateOf(manager, committee);
    });
  }

  async stateOf(manager: EntityManager, committee: Committee): Promise<CommitteeState> {
    const members = await manager.findBy(CommitteeMember, { districtCode: committee.districtCode, committeeId: committee.id });
    const accounts = members.length
      ? await manager
          .getRepository(Account)
          .createQueryBuilder('a')
          .leftJoinAndSelect('a.roles', 'r')
          .where('a.id IN (:...ids)', { ids: members.map((m) => m.accountId) })
          .getMany()
      : [];
    const { settings } = await this.settings.calendarOf(committee.districtCode);
    return { committee, members, problems: committeeProblems(members, accounts, settings) };
  }

  async list(caller: Caller): Promise<CommitteeState[]> {
    const qb = this.data.scoped(caller, 'read', 'Committee', Committee, 'c');
    const committees = await qb.orderBy('c.township_code').getMany();
    return Promise.all(committees.map((c) => this.stateOf(this.data.system('check a committee against its members').manager, c)));
  }

  /** One committee by its key, as `node(id)` reads it. */
  async findByKey(caller: Caller, key: TenantKey): Promise<CommitteeState | null> {
    const qb = this.data
      .scoped(caller, 'read', 'Committee', Committee, 'c')
      .andWhere('c.district_code = :d AND c.id = :id', { d: key.districtCode, id: key.id });
    const committee = await qb.getOne();
    return committee ? this.stateOf(this.data.system('check a committee against its members').manager, committee) : null;
  }

  async scheduleMeeting(caller: Caller, townshipCode: string, heldOn: string, caseKeys: TenantKey[]): Promise<Meeting> {
    assertDateOrThrow(heldOn, 'heldOn');
    if (levelOfCodeOrThrow(townshipCode) !== RegionLevel.TOWNSHIP)
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    const districtCode = townshipCode.slice(0, 6) + '000000';
    assertCan(caller, 'create', 'Meeting', { districtCode, townshipCode });
    const committee = await this.data
      .scoped(caller, 'read', 'Committee', Committee, 'c')
      .andWhere('c.district_code = :districtCode AND c.township_code = :townshipCode', { districtCode, townshipCode })
      .getOne();
    if (!committee) throw unmet(message('committee.missing', { townshipCode }));
    const cases = await Promise.all(caseKeys.map((key) => this.cases.findOrThrow(caller, key)));
    for (const c of cases) {
      if (c.townshipCode !== townshipCode || c.status !== CaseStatus.TOWNSHIP_REVIEW) {
        throw badInput('caseIds', 'meeting.case.notAwaitingReview', { caseId: c.nodeId, status: c.status });
      }
    }
    return this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const meeting = await manager.save(
        Object.assign(new Meeting(), {
          districtCode,
          townshipCode,
          committeeId: committee.id,
          heldOn,
          agendaCaseIds: cases.map((c) => c.id),
          presentIds: [],
          createdById: caller.actor!.accountId,
        }),
      );
      await this.audit.recordChange(manager, caller, {
        action: 'scheduleMeeting',
        subjectType: 'Meeting',
        subjectId: meeting.id,
        districtCode,
        townshipCode,
        details: { agenda: meeting.agendaCaseIds.length },
      });
      return meeting;
    });
  }

  async meetingOrThrow(caller: Caller, key: TenantKey): Promise<Meeting> {
    const qb = this.data
      .scoped(caller, 'read', 'Meeting', Meeting, 'm')
      .andWhere('m.district_code = :d AND m.id = :id', { d: key.districtCode, id: key.id });
    const meeting = await qb.getOne();
    if (!meeting) throw notFound('meeting.notFound');
    return meeting;
  }

  /** Newest scheduled first: the meeting date is a day, shared by many meetings, so it cannot key
   * the pages. */
  listMeetings(caller: Caller, townshipCode: string | undefined, page: PageArgs): Promise<Connection<Meeting>> {
    const qb = this.data.scoped(caller, 'read', 'Meeting', Meeting, 'm');
    if (townshipCode) qb.andWhere('m.township_code = :townshipCode', { townshipCode });
    return keysetPage(qb, page, { type: 'Meeting', sortColumn: 'created_at' });
  }

  async recordAttendance(caller: Caller, meetingKey: TenantKey, presentIds: string[]): Promise<Meeting> {
    return this.writes.guardedChange(caller, MEETING, meetingKey, 'update', async ({ manager, row: locked }) => {
      const members = await this.data
        .system('check a committee against its members')
        .getRepository(CommitteeMember)
        .findBy({ districtCode: locked.districtCode, committeeId: locked.committeeId });
      const strangers = presentIds.filter((id) => !members.some((m) => m.accountId === id));
      if (strangers.length) throw badInput('presentIds', 'meeting.attendance.strangers', { ids: strangers });
      // Attendance decides the quorum and the majority: it cannot change once votes are cast (D§4).
      if (await manager.existsBy(CommitteeVote, { districtCode: locked.districtCode, meetingId: locked.id })) {
        throw conflict('meeting.attendance.locked');
      }
      locked.presentIds = [...new Set(presentIds)];
      await manager.save(locked);
      return changed(locked, 'recordAttendance', { present: locked.presentIds.length });
    });
  }

  /** A member's own vote. Kin of the applicant and the case's investigators are refused by the
   * policy table (P6.3, D§4) at this moment, whatever they may do elsewhere. */
  async castVote(caller: Caller, meetingKey: TenantKey, caseKey: TenantKey, vote: Vote, note: string | null): Promise<CommitteeVote> {
    const meeting = await this.meetingOrThrow(caller, meetingKey);
    const meetingId = meeting.id;
    // Shared locks on the case and the meeting: votes land side by side, but the review cannot be
    // concluded, nor attendance changed, while one does.
    return this.writes.guardedChange(
      caller,
      CASE,
      caseKey,
      'vote',
      async ({ manager, row: lockedCase }) => {
        const member = await this.data.system('check a committee against its members').getRepository(CommitteeMember).findOneBy({
          districtCode: meeting.districtCode,
          committeeId: meeting.committeeId,
          accountId: caller.actor!.accountId,
        });
        if (!member) throw refuse(caller, 'vote', 'Case', lockedCase, message('committee.vote.notMember'));
        if (!meeting.agendaCaseIds.includes(lockedCase.id)) throw badInput('caseId', 'meeting.case.notOnAgenda');
        const lockedMeeting = await manager
          .getRepository(Meeting)
          .createQueryBuilder('m')
          .setLock('pessimistic_read')
          .where('m.district_code = :d AND m.id = :id', { d: meeting.districtCode, id: meeting.id })
          .getOneOrFail();
        if (lockedCase.status !== CaseStatus.TOWNSHIP_REVIEW)
          throw unmet(message('committee.vote.caseNotInReview', { status: lockedCase.status }));
        if (!lockedMeeting.presentIds.includes(member.accountId)) throw unmet(message('committee.vote.notPresent'));
        const existing = await manager.existsBy(CommitteeVote, {
          districtCode: meeting.districtCode,
          meetingId,
          caseId: lockedCase.id,
          memberId: member.accountId,
        });
        if (existing) throw conflict('committee.vote.already');
        const saved = await manager.save(
          Object.assign(new CommitteeVote(), {
            districtCode: meeting.districtCode,
            meetingId,
            caseId: lockedCase.id,
            memberId: member.accountId,
            townshipCode: meeting.townshipCode,
            vote,
            note: note?.trim() || null,
          }),
        );
        return changed(saved, 'vote', { meetingId, vote });
      },
      'pessimistic_read',
    );
  }

  /** A meeting's votes, as far as the caller may read the meeting (its votes carry its scope). */
  votesOf(caller: Caller, meeting: Meeting): Promise<CommitteeVote[]> {
    return this.data
      .scoped(caller, 'read', 'CommitteeVote', CommitteeVote, 'v')
      .andWhere('v.district_code = :d AND v.meeting_id = :id', { d: meeting.districtCode, id: meeting.id })
      .orderBy('v.cast_at')
      .getMany();
  }

  /**
   * The committee's decision on a case (D§4): a valid committee, a quorum present with the chair,
   * and approvals from more than the configured share of those present → notice; otherwise refused.
   * Whatever keeps the committee from deciding is refused at once, all of it.
   */
  async tally(run: StepRun): Promise<CaseStatus> {
    const { manager, case: c, input, calendar } = run;
    if (!input.meetingId) throw badInput('meetingId', 'case.review.meetingRequired');
    const meeting = await manager.findOneBy(Meeting, { districtCode: c.districtCode, id: input.meetingId });
    if (!meeting || meeting.townshipCode !== c.townshipCode || !meeting.agendaCaseIds.includes(c.id)) {
      throw badInput('meetingId', 'meeting.case.notOnAgenda');
    }
    const committee = await manager.findOneByOrFail(Committee, { districtCode: c.districtCode, id: meeting.committeeId });
    const state = await this.stateOf(manager, committee);
    const missing = [...state.problems];
    const chair = state.members.find((m) => m.function === CommitteeFunction.CHAIR);
    const { committeeQuorum, committeeMajorityPercent } = calendar.settings;
    if (meeting.presentIds.length < committeeQuorum || (chair && !meeting.presentIds.includes(chair.accountId))) {
      missing.push(message('committee.noQuorum', { present: meeting.presentIds.length, quorum: committeeQuorum }));
    }
    // Members who recuse (kin of the applicant, the case's investigators) neither vote nor count
    // towards the majority; a vote cast before someone became kin-barred is set aside.
    const recused = new Set([...c.kinStaffIds, ...c.investigatorIds]);
    const voters = meeting.presentIds.filter((id) => !recused.has(id));
    const votes = (await manager.findBy(CommitteeVote, { districtCode: c.districtCode, meetingId: meeting.id, caseId: c.id })).filter((v) =>
      voters.includes(v.memberId),
    );
    // Votes of an earlier review round (before an objection or a correction order) do not count:
    // the case needs a new meeting, not more votes in that one.
    if (meeting.createdAt < c.statusSince) missing.push(message('committee.meeting.stale'));
    else if (voters.length === 0) missing.push(message('committee.votes.allRecused'));
    else {
      const notVoted = voters.filter((id) => !votes.some((v) => v.memberId === id));
      if (notVoted.length) missing.push(message('committee.votes.missing', { count: notVoted.length }));
    }
    if (missing.length) throw unmet(...missing);
    const approvals = votes.filter((v) => v.vote === Vote.APPROVE).length;
    return approvals * 100 > voters.length * committeeMajorityPercent ? CaseStatus.PUBLIC_NOTICE : CaseStatus.DENIED;
  }
}
