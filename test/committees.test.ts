import { codeOf, useTestApp, unmetKeysOf } from './support/harness';
import {
  accountIdOf,
  as,
  caseOf,
  applyForHeadsKin,
  letNoticePass,
  meetingWithVotes,
  prepareForReview,
  rawId,
  setHexiCommittee,
  step,
  stepOk,
} from './support/workflow';

const HEXI = '510199101000';
const SET_COMMITTEE = 'mutation($input: SetCommitteeInput!) { setCommittee(input: $input) { committee { id valid problems } } }';
const SCHEDULE = `mutation($c: [ID!]!) { scheduleMeeting(input: { townshipCode: "${HEXI}", heldOn: "2026-11-25", caseIds: $c }) { meeting { id } } }`;

const t = useTestApp();

/** Hexi's committee as the brief of P3.2 has it, as a `SetCommitteeInput`. */
async function hexiCommitteeInput() {
  const seats: [string, string][] = [
    ['hexi.head', 'CHAIR'],
    ['hexi.caseworker2', 'CIVIL_AFFAIRS'],
    ['hexi.member1', 'DISCIPLINE_INSPECTION'],
    ['hexi.member2', 'FINANCE'],
    ['hexi.member3', 'POVERTY_ALLEVIATION'],
  ];
  const members = await Promise.all(seats.map(async ([u, fn]) => ({ accountId: await accountIdOf(t, u), function: fn })));
  return { townshipCode: HEXI, members, deputyChairId: await accountIdOf(t, 'hexi.member3') };
}

describe('who forms a committee (P3.2, P5.1)', () => {
  it('is the township head, who records each seat and the deputy chair; the district reads it', async () => {
    const input = await hexiCommitteeInput();
    const formed = (await as(t, 'hexi.head', SET_COMMITTEE, { input })).setCommittee.committee;
    expect(formed).toMatchObject({ valid: true, problems: [] });
    const seen = (
      await as(
        t,
        'district.officer',
        '{ committees { townshipCode members { function deputyChair effectiveUntil account { username } } } }',
      )
    ).committees;
    const hexi = seen.find((c: { townshipCode: string }) => c.townshipCode === HEXI);
    expect(
      hexi.members.filter((m: { deputyChair: boolean }) => m.deputyChair).map((m: { account: { username: string } }) => m.account.username),
    ).toEqual(['hexi.member3']);
    expect(hexi.members.every((m: { effectiveUntil: string | null }) => m.effectiveUntil === null)).toBe(true);
  });

  it.each([
    ['admin', 'the district administrator no longer keeps committees'],
    ['district.officer', 'the district supervises, it does not form them'],
    ['finance', 'finance'],
    ['auditor', 'audit'],
    ['poverty', 'poverty alleviation'],
    ['dept.police', 'a department'],
    ['hexi.caseworker', 'the township caseworker'],
    ['hexi.member1', 'a committee member'],
    ['va.101201', 'a village assistant'],
    ['shiqiao.head', "another township's head"],
  ])('refuses %s (%s)', async (username) => {
    const refused = await t.gql(SET_COMMITTEE, { input: await hexiCommitteeInput() }, await t.login(username));
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });
});

describe('committee membership (D§4)', () => {
  it('keeps its history through a change: a past meeting shows the committee as it sat', async () => {
    await setHexiCommittee(t);
    const before = (await as(t, 'hexi.caseworker', SCHEDULE, { c: [] })).scheduleMeeting.meeting.id;
    // hexi.member3 leaves; hexi.member4 takes the seat and the deputy chair
    await setHexiCommittee(t, ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2', 'hexi.member4'], 'hexi.member4');
    const meetingMembers = (
      await as(t, 'hexi.head', 'query($id: ID!) { node(id: $id) { ... on Meeting { members { deputyChair account { username } } } } }', {
        id: before,
      })
    ).node.members as { deputyChair: boolean; account: { username: string } }[];
    expect(meetingMembers.map((m) => m.account.username).sort()).toEqual([
      'hexi.caseworker2',
      'hexi.head',
      'hexi.member1',
      'hexi.member2',
      'hexi.member3',
    ]);
    expect(meetingMembers.find((m) => m.deputyChair)?.account.username).toBe('hexi.member3');
    const now = (await as(t, 'hexi.head', '{ committees { members { deputyChair account { username } } } }')).committees[0].members as {
      deputyChair: boolean;
      account: { username: string };
    }[];
    expect(now.map((m) => m.account.username)).toContain('hexi.member4');
    expect(now.map((m) => m.account.username)).not.toContain('hexi.member3');
    // nothing deleted: the ended membership is still there, with its end
    const ended = await t.dataSource.query(
      `SELECT effective_until FROM committee_members m JOIN accounts a ON a.id = m.account_id WHERE a.username = 'hexi.member3'`,
    );
    expect(ended).toEqual([{ effective_until: expect.any(Date) }]);
    await setHexiCommittee(t);
  });

  it('cannot schedule a meeting while invalid, and says every problem at once', async () => {
    const meetingCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM meetings'))[0].n as number;
    const meetingsBefore = await meetingCount();
    const shrunk = await setHexiCommittee(t, ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2']);
    expect(shrunk.valid).toBe(false);
    const refused = await t.gql(SCHEDULE, { c: [] }, await t.login('hexi.caseworker'));
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(refused).sort()).toEqual(['committee.problem.deputyChair', 'committee.problem.tooFewMembers']);
    expect(await meetingCount()).toBe(meetingsBefore);
    await setHexiCommittee(t);
    expect(codeOf(await t.gql(SCHEDULE, { c: [] }, await t.login('hexi.caseworker')))).toBeUndefined();
  });
});

describe('a case on which the head must recuse (P6.3, D§4)', () => {
  it('is chaired and signed by the deputy chair; the head and other members are refused', async () => {
    await setHexiCommittee(t);
    const applied = await applyForHeadsKin(t, 'DIBAO');
    expect(applied.kinRegistered).toBe(true);
    await prepareForReview(t, applied.id);
    // The head is present but recuses; so does the investigator hexi.caseworker2 (D§4).
    const meetingId = await meetingWithVotes(t, [applied.id], {
      'hexi.member1': 'APPROVE',
      'hexi.member2': 'APPROVE',
      'hexi.member3': 'APPROVE',
    });

    const headReview = await step(t, 'hexi.head', 'concludeReview', applied.id, { meetingId });
    expect(codeOf(headReview)).toBe('FORBIDDEN');
    expect(headReview.errors![0].extensions).toMatchObject({ clause: 'P6.3' });
    const memberReview = await step(t, 'hexi.member1', 'concludeReview', applied.id, { meetingId });
    expect(codeOf(memberReview)).toBe('FORBIDDEN');
    // the refusal names the condition the member does not meet
    expect(memberReview.errors![0].message).toContain('本人为组长回避案件的代理组长（副组长）');
    const concluded = await stepOk(t, 'hexi.member3', 'concludeReview', applied.id, { meetingId });
    expect(concluded.status).toBe('PUBLIC_NOTICE');

    await letNoticePass(t, applied.id);
    const headDecision = await step(t, 'hexi.head', 'approveCase', applied.id);
    expect(codeOf(headDecision)).toBe('FORBIDDEN');
    expect(codeOf(await step(t, 'hexi.member1', 'approveCase', applied.id))).toBe('FORBIDDEN');
    const approved = await stepOk(t, 'hexi.member3', 'approveCase', applied.id);
    expect(approved.status).toBe('APPROVED');
    const [decided] = await t.dataSource.query('SELECT a.username FROM cases c JOIN accounts a ON a.id = c.decided_by_id WHERE c.id = $1', [
      rawId(applied.id),
    ]);
    expect(decided.username).toBe('hexi.member3');
    expect((await caseOf(t, 'hexi.member3', applied.id)).status).toBe('APPROVED');
  });
});
