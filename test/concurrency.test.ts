import { codeOf, useTestApp } from './support/harness';
import { apply, awaitingDecision, decisionsAtOnce, meetingWithVotes, prepareForReview, rawId, setHexiCommittee } from './support/workflow';

/** Issue #10 item 8: simultaneous requests on one case or one vote leave exactly one winner. */
const t = useTestApp();
beforeAll(async () => {
  await setHexiCommittee(t);
});

const SIMULTANEOUS = 50;
describe('fifty simultaneous requests', () => {
  it('record one vote of a member on a case; the other 49 answer CONFLICT and nothing is overwritten', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '同票' });
    await prepareForReview(t, applied.id);
    // Scheduled with everyone present, no vote cast yet.
    const meeting = { id: await meetingWithVotes(t, [applied.id], {}) };
    const token = await t.login('hexi.member1');
    const vote =
      'mutation($m: ID!, $c: ID!, $v: Vote!) { castVote(input: { meetingId: $m, caseId: $c, vote: $v }) { committeeVote { vote } } }';
    // Half approve, half refuse: an overwrite would show as the stored vote differing from the winner's.
    const results = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, (_, i) => t.gql(vote, { m: meeting.id, c: applied.id, v: i % 2 ? 'APPROVE' : 'REJECT' }, token)),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(SIMULTANEOUS - 1).fill('CONFLICT'));
    const stored = await t.dataSource.query(`SELECT vote FROM votes WHERE case_id = $1`, [rawId(applied.id)]);
    expect(stored).toEqual([{ vote: winners[0].data!.castVote.committeeVote.vote }]);
    const audited = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'vote' AND kind = 'CHANGE'`,
      [rawId(applied.id)],
    );
    expect(audited).toEqual([{ n: 1 }]);
    // The database itself holds the rule, whatever a service might forget.
    await expect(
      t.dataSource.query(
        `INSERT INTO votes (district_code, meeting_id, case_id, member_id, township_code, vote)
         SELECT district_code, meeting_id, case_id, member_id, township_code, 'APPROVE' FROM votes WHERE case_id = $1`,
        [rawId(applied.id)],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
  });

  it('make one decision on a case; the other 49 answer CONFLICT and leave no event', async () => {
    const { case: applied } = await awaitingDecision(t, '同决');
    const results = await decisionsAtOnce(t, applied.id, SIMULTANEOUS);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(SIMULTANEOUS - 1).fill('CONFLICT'));
    const decisions = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action IN ('approveCase', 'denyCase')`,
      [rawId(applied.id)],
    );
    expect(decisions).toEqual([{ n: 1 }]);
  });
});
