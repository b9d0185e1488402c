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
import { Case, CaseStatus } from '../case/case.entity';
import type { SettingsService } from '../settings/settings.service';
import type { StepRun } from '../case/workflow';
import type { TenantKey } from '../../db/tenant-keys';
import { Committee, CommitteeFunction, CommitteeMember, CommitteeVote, Meeting, Vote } from './committee.entity';
import type { CaseService } from '../case/case.service';
import type { AccountService } from '../account/account.service';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { CASE } from '../case/case.service';
import { whereEqual, whereKey } from '../../db/scoped-filters';

export interface CommitteeState {
  committee: Committee;
  /** The members in force at the time the state was taken (now, or a meeting's scheduling). */
  members: CommitteeMember[];
  problems: Message[];
}

/** A seat as the township head records it. */
export interface Seat {
  accountId: string;
  function: CommitteeFunction;
}

/**
 * Why a committee cannot decide, or nothing (P3.2, D§4): at least the configured number of members
 * (never fewer than five), one chair who is the township head, one deputy chair who is not the
 * chair (so that a case on which the chair recuses can still be decided), a discipline-inspection
 * member, and every member able to vote (COMMITTEE_MEMBER of the township).
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
  const deputies = members.filter((m) => m.deputyChair);
  if (deputies.length !== 1 || deputies[0].function === CommitteeFunction.CHAIR) problems.push(message('committee.problem.deputyChair'));
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

/** Who chairs a case (D§4): the chair, or the deputy chair when the chair is kin of the household or
 * investigated it. The database keeps the same rule as `Case.actingChairIds` for the policy. */
export function chairOfCase(members: CommitteeMember[], c: Pick<Case, 'kinStaffIds' | 'investigatorIds'>): CommitteeMember | undefined {
  const recused = (m: CommitteeMember) => c.kinStaffIds.includes(m.accountId) || c.investigatorIds.includes(m.accountId);
  const chair = members.find((m) => m.function === CommitteeFunction.CHAIR);
  return chair && recused(chair) ? members.find((m) => m.deputyChair) : chair;
}

/** Meetings as their changes find, lock and audit them. */
const MEETING = tenantSubject('Meeting', Meeting, () => notFound('meeting.notFound'));
/** Committees as the township head's changes find, lock and audit them. */
const COMMITTEE = tenantSubject('Committee', Committee, () => notFound('committee.notFound'));

export class CommitteeService {
  constructor(
    private readonly data: DataAccess,
    private readonly settings: SettingsService,
    private readonly writes: GuardedWrites,
    private readonly accounts: AccountService,
    private readonly cases: CaseService,
  ) {}

  /**
   * Records a township's committee as its head forms it (P3.2, P5.1): the seats and the deputy chair.
   * Memberships that differ from the new composition end now and new ones start now; none is
   * deleted. An invalid committee may be recorded, but can neither schedule a meeting nor decide
   * until mended.
   */
  async setCommittee(caller: Caller, townshipCode: string, seats: Seat[], deputyChairId: string | null): Promise<CommitteeState> {
    if (levelOfCodeOrThrow(townshipCode) !== RegionLevel.TOWNSHIP)
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    const districtCode = townshipCode.slice(0, 6) + '000000';
    if (new Set(seats.map((m) => m.accountId)).size !== seats.length) throw badInput('members', 'committee.member.duplicate');
    if (deputyChairId !== null && !seats.some((m) => m.accountId === deputyChairId))
      throw badInput('deputyChairId', 'committee.deputyChair.notMember');
    const existing = await this.data
      .scoped(caller, 'read', 'Committee', Committee, 'c')
      .andWhere('c.district_code = :districtCode AND c.township_code = :townshipCode', { districtCode, townshipCode })
      .getOne();
    assertCan(caller, existing ? 'update' : 'create', 'Committee', existing ?? { districtCode, townshipCode });
    const accounts = seats.length
      ? await this.accounts.findByIdsScoped(
          caller,
          seats.map((m) => m.accountId),
        )
      : [];
    for (const seat of seats) {
      const account = accounts.find((a) => a.id === seat.accountId);
      if (!account) throw badInput('members', 'committee.member.unknown', { accountId: toGlobalId('Account', seat.accountId) });
      if (account.townshipCode !== townshipCode)
        throw badInput('members', 'committee.member.notStaff', { username: account.username, townshipCode });
    }
    const wanted = seats.map((seat) => ({ ...seat, deputyChair: seat.accountId === deputyChairId }));
    const draft = Object.assign(new Committee(), { districtCode, townshipCode });
    // A new committee is formed empty, then composed like any committee that changes.
    const formed =
      existing ??
      (await this.writes.guardedCreate(caller, 'Committee', draft, 'create', async (manager) =>
        changed(await manager.save(draft), 'createCommittee'),
      ));
    const committee = await this.writes.guardedChange(caller, COMMITTEE, formed, 'update', async ({ manager, row }) => {
      const current = await this.membersAt(manager, row, null);
      const same = (m: CommitteeMember, w: (typeof wanted)[number]) =>
        m.accountId === w.accountId && m.function === w.function && m.deputyChair === w.deputyChair;
      const ended = current.filter((m) => !wanted.some((w) => same(m, w)));
      const started = wanted.filter((w) => !current.some((m) => same(m, w)));
      if (ended.length) {
        await manager
          .createQueryBuilder()
          .update(CommitteeMember)
          .set({ effectiveUntil: () => 'now()' })
          .where('district_code = :d AND id IN (:...ids)', { d: districtCode, ids: ended.map((m) => m.id) })
          .execute();
      }
      if (started.length) {
        await manager.insert(
          CommitteeMember,
          started.map((w) => ({ districtCode, committeeId: row.id, townshipCode, ...w })),
        );
      }
      // Who chairs each case in place of a recused chair follows the new composition (D§4).
      await manager.query(
        `UPDATE cases SET acting_chair_ids = acting_chairs_of(district_code, township_code, kin_staff_ids, investigator_ids)
          WHERE district_code = $1 AND township_code = $2`,
        [districtCode, townshipCode],
      );
      return changed(row, 'updateCommittee', { ended: ended.length, started: started.length });
    });
    return this.stateOf(this.data.system('check a committee against its members').manager, committee);
  }

  /** The members in force at an instant (a meeting's scheduling), or now. */
  private membersAt(manager: EntityManager, committee: Committee, at: Date | null): Promise<CommitteeMember[]> {
    const qb = manager
      .getRepository(CommitteeMember)
      .createQueryBuilder('m')
      .where('m.district_code = :d AND m.committee_id = :id', { d: committee.districtCode, id: committee.id });
    if (at) qb.andWhere('m.effective_from <= :at AND (m.effective_until IS NULL OR m.effective_until > :at)', { at });
    else qb.andWhere('m.effective_until IS NULL');
    return qb.orderBy('m.effective_from').addOrderBy('m.function').getMany();
  }

  /** The committee as it stood at an instant (a meeting's scheduling), or as it stands now. */
  async stateOf(manager: EntityManager, committee: Committee, at: Date | null = null): Promise<CommitteeState> {
    const members = await this.membersAt(manager, committee, at);
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

  /** A meeting's committee as it stood when the meeting was scheduled (D§4). */
  async meetingCommittee(meeting: Meeting): Promise<CommitteeState> {
    const committee = await this.data
      .system('check a committee against its members')
      .getRepository(Committee)
      .findOneByOrFail({ districtCode: meeting.districtCode, id: meeting.committeeId });
    return this.stateOf(this.data.system('check a committee against its members').manager, committee, meeting.createdAt);
  }

  async list(caller: Caller): Promise<CommitteeState[]> {
    const qb = this.data.scoped(caller, 'read', 'Committee', Committee, 'c');
    const committees = await qb.orderBy('c.township_code').getMany();
    return Promise.all(committees.map((c) => this.stateOf(this.data.system('check a committee against its members').manager, c)));
  }

  /** One committee by its key, as `node(id)` reads it. */
  async findByKey(caller: Caller, key: TenantKey): Promise<CommitteeState | null> {
    const qb = whereKey(this.data.scoped(caller, 'read', 'Committee', Committee, 'c'), key);
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
    // An invalid committee neither meets nor decides (P3.2, D§4): every problem at once.
    const { problems } = await this.stateOf(this.data.system('check a committee against its members').manager, committee);
    if (problems.length) throw unmet(...problems);
    const cases = await Promise.all(caseKeys.map((key) => this.cases.findOrThrow(caller, key)));
    for (const c of cases) {
      if (c.townshipCode !== townshipCode || c.status !== CaseStatus.TOWNSHIP_REVIEW) {
        throw badInput('caseIds', 'meeting.case.notAwaitingReview', { caseId: c.nodeId, status: c.status });
      }
    }
    const draft = Object.assign(new Meeting(), {
      districtCode,
      townshipCode,
      committeeId: committee.id,
      heldOn,
      agendaCaseIds: cases.map((c) => c.id),
      presentIds: [],
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'Meeting', draft, 'create', async (manager) => {
      const meeting = await manager.save(draft);
      return changed(meeting, 'scheduleMeeting', { agenda: meeting.agendaCaseIds.length });
    });
  }

  async meetingOrThrow(caller: Caller, key: TenantKey): Promise<Meeting> {
    const qb = whereKey(this.data.scoped(caller, 'read', 'Meeting', Meeting, 'm'), key);
    const meeting = await qb.getOne();
    if (!meeting) throw notFound('meeting.notFound');
    return meeting;
  }

  /** Newest scheduled first: the meeting date is a day, shared by many meetings, so it cannot key
   * the pages. */
  listMeetings(caller: Caller, townshipCode: string | undefined, page: PageArgs): Promise<Connection<Meeting>> {
    const qb = this.data.scoped(caller, 'read', 'Meeting', Meeting, 'm');
    whereEqual(qb, { township_code: townshipCode });
    return keysetPage(qb, page, { type: 'Meeting', sortColumn: 'created_at' });
  }

  async recordAttendance(caller: Caller, meetingKey: TenantKey, presentIds: string[]): Promise<Meeting> {
    return this.writes.guardedChange(caller, MEETING, meetingKey, 'update', async ({ manager, row: locked }) => {
      const { members } = await this.meetingCommittee(locked);
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
   * policy table (P6.3, D§4) at this moment, whatever they may do elsewhere. One vote per member,
   * case and meeting is the votes table's primary key: a second vote, simultaneous or not, is a
   * CONFLICT and never replaces the first (D§4: the record of who voted what is kept). */
  async castVote(caller: Caller, meetingKey: TenantKey, caseKey: TenantKey, vote: Vote, note: string | null): Promise<CommitteeVote> {
    const meeting = await this.meetingOrThrow(caller, meetingKey);
    const meetingId = meeting.id;
    // The committee as it sat when the meeting was scheduled does not change: read before the
    // transaction, so that a vote holds one pooled connection, not two, while it waits for a lock.
    const member = (await this.meetingCommittee(meeting)).members.find((m) => m.accountId === caller.actor!.accountId);
    // Shared locks on the case and the meeting: votes land side by side, but the review cannot be
    // concluded, nor attendance changed, while one does.
    return this.writes.guardedChange(
      caller,
      CASE,
      caseKey,
      'vote',
      async ({ manager, row: lockedCase }) => {
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
        // Inserted, never saved: `save` would turn a vote that landed meanwhile into an update. A
        // simultaneous insert of the same key waits for the other transaction, then inserts nothing.
        const row = Object.assign(new CommitteeVote(), {
          districtCode: meeting.districtCode,
          meetingId,
          caseId: lockedCase.id,
          memberId: member.accountId,
          townshipCode: meeting.townshipCode,
          vote,
          note: note?.trim() || null,
        });
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(CommitteeVote)
          .values(row)
          .orIgnore()
          .returning(['cast_at'])
          .execute();
        const [castRow] = inserted.raw as { cast_at: Date }[];
        if (!castRow) throw conflict('committee.vote.already');
        row.castAt = castRow.cast_at;
        return changed(row, 'vote', { meetingId, vote });
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
   * The committee's decision on a case (D§4): a valid committee, a quorum present with whoever
   * chairs the case (the deputy chair where the chair recuses),
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
    // A township decides only with a valid committee now (P3.2); the meeting sat as its committee was
    // when it was scheduled, and the chair of this case is the deputy where the chair recuses (D§4).
    const missing = [...(await this.stateOf(manager, committee)).problems];
    const chair = chairOfCase((await this.stateOf(manager, committee, meeting.createdAt)).members, c);
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
