import { termsInMonth } from '../src/modules/enrolment/terms-in-month';
import { codeOf, messageKeyOf, unmetKeysOf, useTestApp } from './support/harness';
import { as, rawId } from './support/workflow';

/**
 * Dynamic management (P2.3, D§9), over HTTP on the seeded demo: village assistants have recorded a
 * change reported by 王秀英 (Hexi, DIBAO) and by 马淑华 (Shiqiao, DIBAO), so both reviews are due
 * today; 孙福来 (Shiqiao) is enrolled in TEKUN.
 */

const HEXI = '510199101000';
const SHIQIAO = '510199102000';
const DISTRICT = '510199000000';

const t = useTestApp({ demo: true });

const DUE = `query($v: String) { reviewsDue(villageCode: $v, first: 50) { totalCount nodes { id payeeName reviewClass nextReviewOn townshipCode } } }`;
const RECORD = `mutation($i: RecordReviewOutcomeInput!) { recordReviewOutcome(input: $i) {
  review { id outcome amountBefore amount reasons verificationReference effectiveMonth noticeStartsAt noticeEndsAt nextReviewOn enrolment }
  enrolment { id status monthlyAmount nextReviewOn } } }`;
const CONCLUDE = `mutation($i: ConcludeTerminationInput!) { concludeTermination(input: $i) { review { id } enrolment { id status } } }`;
const REPORT = `mutation($i: RecordChangeReportInput!) { recordChangeReport(input: $i) { changeReport { id reportedOn content enrolment } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Enrolment { status monthlyAmount history { kind amount status effectiveMonth reason review } } } }`;
const BUILD_ROSTER = `mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id month } } }`;
const ROSTER_LINES = `query($m: String) { rosters(month: $m, first: 10) { nodes { townshipCode lines(first: 100) { nodes { payeeName amount } } } } }`;

/** The CST month of now plus `offset` months, as YYYY-MM. */
function month(offset = 0): string {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

async function enrolmentOf(payeeName: string): Promise<{ id: string; monthlyAmount: string; townshipCode: string }> {
  const { enrolments } = await as(
    t,
    'district.officer',
    '{ enrolments(first: 100) { nodes { id payeeName monthlyAmount townshipCode } } }',
  );
  return enrolments.nodes.find((e: { payeeName: string }) => e.payeeName === payeeName);
}

/** As if the recipient had been enrolled two months ago: the test moves its first history record back, which the service never can. */
async function enrolledTwoMonthsAgo(enrolmentId: string) {
  const id = rawId(enrolmentId);
  const from = `${month(-2)}-01`;
  await t.ownerDataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE enrolment_changes DISABLE TRIGGER enrolment_changes_append_only');
    await manager.query(`UPDATE enrolment_changes SET effective_month = $2 WHERE enrolment_id = $1 AND kind = 'ENROLLED'`, [id, from]);
    await manager.query('ALTER TABLE enrolment_changes ENABLE TRIGGER enrolment_changes_append_only');
    await manager.query('UPDATE enrolments SET start_month = $2 WHERE id = $1', [id, from]);
  });
}

describe('reviewsDue (D§9)', () => {
  it('lists the reviews due in the caller’s scope, soonest first, with the review class: township and village their own, the district all', async () => {
    const payees = async (username: string, villageCode?: string) =>
      (await as(t, username, DUE, { v: villageCode })).reviewsDue.nodes.map((n: { payeeName: string }) => n.payeeName);
    expect(await payees('hexi.caseworker')).toEqual(['王秀英']);
    expect(await payees('hexi.head')).toEqual(['王秀英']);
    expect(await payees('va.101204')).toEqual(['王秀英']);
    expect(await payees('va.101201')).toEqual([]);
    expect(await payees('shiqiao.caseworker')).toEqual(['马淑华']);
    expect((await payees('district.officer')).sort()).toEqual(['王秀英', '马淑华']);
    expect(await payees('district.officer', '510199101204')).toEqual(['王秀英']);
    const [due] = (await as(t, 'hexi.caseworker', DUE)).reviewsDue.nodes;
    expect(due).toMatchObject({ reviewClass: 'A', townshipCode: HEXI });
    expect(due.nextReviewOn <= new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('orders by due date: a later dueBy adds the reviews falling due by then after the earlier ones', async () => {
    const { reviewsDue } = await as(
      t,
      'district.officer',
      'query { reviewsDue(dueBy: "2099-12-31", first: 50) { nodes { payeeName nextReviewOn } } }',
    );
    const dates = reviewsDue.nodes.map((n: { nextReviewOn: string }) => n.nextReviewOn);
    expect(dates).toEqual([...dates].sort());
    expect(reviewsDue.nodes.map((n: { payeeName: string }) => n.payeeName)).toEqual(expect.arrayContaining(['王秀英', '马淑华', '孙福来']));
  });

  it.each(['hexi.member1', 'finance', 'auditor', 'poverty', 'dept.tax', 'admin'])(
    'is refused to %s, a tier the plan gives no review (P2.3)',
    async (username) => {
      expect(codeOf(await t.gql(DUE, {}, await t.login(username)))).toBe('FORBIDDEN');
    },
  );
});

describe('change reports (D§9)', () => {
  it('the village or the township records a reported change, and the review falls due on its day; other tiers are refused', async () => {
    const sun = await enrolmentOf('孙福来');
    const input = { enrolmentId: sun.id, reportedOn: new Date().toISOString().slice(0, 10), content: '视力下降 (eyesight failing)' };
    for (const username of ['hexi.head', 'district.officer', 'finance', 'shiqiao.head']) {
      expect([username, codeOf(await t.gql(REPORT, { i: input }, await t.login(username)))]).toEqual([username, 'FORBIDDEN']);
    }
    expect(codeOf(await t.gql(REPORT, { i: input }, await t.login('va.101201')))).toBe('NOT_FOUND');
    const reported = await as(t, 'va.102204', REPORT, { i: input });
    expect(reported.recordChangeReport.changeReport).toMatchObject({ reportedOn: input.reportedOn, enrolment: sun.id });
    expect((await as(t, 'shiqiao.caseworker', DUE)).reviewsDue.nodes.map((n: { payeeName: string }) => n.payeeName).sort()).toEqual([
      '孙福来',
      '马淑华',
    ]);
    const future = { ...input, reportedOn: '2099-01-01' };
    expect(messageKeyOf(await t.gql(REPORT, { i: future }, await t.login('shiqiao.caseworker')))).toBe('review.report.future');
  });
});

describe('recordReviewOutcome (D§9)', () => {
  it.each(['va.101204', 'hexi.member1', 'district.officer', 'finance', 'auditor', 'poverty', 'admin', 'dept.tax'])(
    'is refused to %s: the township reviews (D§9)',
    async (username) => {
      const wang = await enrolmentOf('王秀英');
      const input = { enrolmentId: wang.id, outcome: 'KEEP', reasons: '情况未变 (unchanged)' };
      expect(codeOf(await t.gql(RECORD, { i: input }, await t.login(username)))).toBe('FORBIDDEN');
    },
  );

  it("is answered NOT_FOUND for another township's recipient", async () => {
    const wang = await enrolmentOf('王秀英');
    const input = { enrolmentId: wang.id, outcome: 'KEEP', reasons: '情况未变 (unchanged)' };
    expect(codeOf(await t.gql(RECORD, { i: input }, await t.login('shiqiao.caseworker')))).toBe('NOT_FOUND');
  });

  it('a review lowers an amount from next month: this month is paid the old amount, the next the new, and the history shows both', async () => {
    const wang = await enrolmentOf('王秀英');
    await enrolledTwoMonthsAgo(wang.id);
    const old = wang.monthlyAmount;
    const noReference = { enrolmentId: wang.id, outcome: 'LOWER', amount: '100.00', reasons: '儿子开始赡养 (a son now supports her)' };
    expect(messageKeyOf(await t.gql(RECORD, { i: noReference }, await t.login('hexi.caseworker')))).toBe('review.verification.required');
    const notLower = { ...noReference, amount: '9999.00', verificationReference: '核对〔2026〕88号' };
    expect(messageKeyOf(await t.gql(RECORD, { i: notLower }, await t.login('hexi.caseworker')))).toBe('review.amount.notLowered');

    const lowered = (await as(t, 'hexi.caseworker', RECORD, { i: { ...noReference, verificationReference: '核对〔2026〕88号' } }))
      .recordReviewOutcome;
    expect(lowered.review).toMatchObject({
      outcome: 'LOWER',
      amountBefore: old,
      amount: '100.00',
      effectiveMonth: `${month(1)}-01`,
      verificationReference: '核对〔2026〕88号',
      enrolment: wang.id,
    });
    expect(lowered.enrolment).toMatchObject({ status: 'ACTIVE', monthlyAmount: '100.00' });
    // The next review moves on by the class (A: 12 months) from the month the outcome applies.
    expect(lowered.enrolment.nextReviewOn).toBe(`${month(13)}-01`);

    const { node } = await as(t, 'hexi.caseworker', HISTORY, { id: wang.id });
    expect(node.history).toEqual([
      expect.objectContaining({ kind: 'ENROLLED', amount: old, status: 'ACTIVE', effectiveMonth: `${month(-2)}-01`, review: null }),
      expect.objectContaining({
        kind: 'LOWERED',
        amount: '100.00',
        status: 'ACTIVE',
        effectiveMonth: `${month(1)}-01`,
        review: lowered.review.id,
      }),
    ]);
    expect((await as(t, 'va.101204', HISTORY, { id: wang.id })).node.history).toHaveLength(2);
    // Finance sees payees and amounts, not the circumstances a history gives reasons for (P4.4).
    expect((await t.gql(HISTORY, { id: wang.id }, await t.login('finance'))).data!.node.history).toBeNull();

    const manager = t.dataSource.manager;
    const paid = async (m: string) =>
      (await termsInMonth(manager, DISTRICT, HEXI, m)).find((terms) => terms.enrolmentId === rawId(wang.id))?.amount;
    expect(await paid(month(-3))).toBeUndefined();
    expect(await paid(month(-1))).toBe(old);
    expect(await paid(month(0))).toBe(old);
    expect(await paid(month(1))).toBe('100.00');
    expect(await paid(month(6))).toBe('100.00');
    expect(await termsInMonth(manager, DISTRICT, SHIQIAO, month(1))).not.toContainEqual(
      expect.objectContaining({ enrolmentId: rawId(wang.id) }),
    );
    await expect(termsInMonth(manager, DISTRICT, HEXI, '2026-13')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    // The rosters say the same (issue #12): this month's pays the old amount, the next month's the lowered one.
    const rostered = async (m: string) => {
      await as(t, 'hexi.caseworker', BUILD_ROSTER, { i: { townshipCode: HEXI, month: m } });
      const { rosters } = await as(t, 'hexi.caseworker', ROSTER_LINES, { m });
      const [hexi] = rosters.nodes.filter((r: { townshipCode: string }) => r.townshipCode === HEXI);
      return hexi.lines.nodes.filter((l: { payeeName: string }) => l.payeeName === '王秀英').map((l: { amount: string }) => l.amount);
    };
    expect(await rostered(month(0))).toEqual([old]);
    expect(await rostered(month(1))).toEqual(['100.00']);
  });

  it('END needs written reasons; with them the benefit ends from next month and is paid this month', async () => {
    const ma = await enrolmentOf('马淑华');
    await enrolledTwoMonthsAgo(ma.id);
    const bare = { enrolmentId: ma.id, outcome: 'END', reasons: '  ' };
    const refused = await t.gql(RECORD, { i: bare }, await t.login('shiqiao.caseworker'));
    expect([codeOf(refused), messageKeyOf(refused)]).toEqual(['BAD_USER_INPUT', 'review.end.reasonsRequired']);
    const reasons =
      '女儿每月寄回600元，家庭人均收入高于农村低保标准 (with 600 yuan a month from a daughter the income is above the standard)';
    const ended = (await as(t, 'shiqiao.head', RECORD, { i: { ...bare, reasons, verificationReference: '核对〔2026〕90号' } }))
      .recordReviewOutcome;
    expect(ended.review).toMatchObject({ outcome: 'END', amount: null, reasons, effectiveMonth: `${month(1)}-01`, noticeEndsAt: null });
    expect(ended.enrolment.status).toBe('ENDED');
    const { node } = await as(t, 'shiqiao.caseworker', HISTORY, { id: ma.id });
    expect(node.history.map((h: { kind: string; status: string }) => [h.kind, h.status])).toEqual([
      ['ENROLLED', 'ACTIVE'],
      ['ENDED', 'ENDED'],
    ]);
    const paid = async (m: string) => (await termsInMonth(t.dataSource.manager, DISTRICT, SHIQIAO, m)).map((terms) => terms.enrolmentId);
    expect(await paid(month(0))).toContain(rawId(ma.id));
    expect(await paid(month(1))).not.toContain(rawId(ma.id));
    const again = await t.gql(RECORD, { i: { enrolmentId: ma.id, outcome: 'KEEP', reasons: '复核' } }, await t.login('shiqiao.head'));
    expect(unmetKeysOf(again)).toEqual(['review.enrolment.ended']);
  });

  it('a TEKUN termination is publicly noticed for 7 days before it can end, and then ends from the next month (D§9)', async () => {
    const sun = await enrolmentOf('孙福来');
    const input = { enrolmentId: sun.id, outcome: 'END', reasons: '已由子女接回赡养 (taken in and supported by his children)' };
    const noticed = (await as(t, 'shiqiao.caseworker', RECORD, { i: input })).recordReviewOutcome;
    expect(noticed.enrolment.status).toBe('ACTIVE');
    expect(noticed.review).toMatchObject({ outcome: 'END', effectiveMonth: null });
    const days = (Date.parse(noticed.review.noticeEndsAt) - Date.parse(noticed.review.noticeStartsAt)) / 86_400_000;
    expect(days).toBeGreaterThan(7);
    expect(days).toBeLessThanOrEqual(8);
    expect((await as(t, 'shiqiao.caseworker', HISTORY, { id: sun.id })).node.history.map((h: { kind: string }) => h.kind)).toEqual([
      'ENROLLED',
    ]);

    const early = await t.gql(CONCLUDE, { i: { reviewId: noticed.review.id } }, await t.login('shiqiao.caseworker'));
    expect([codeOf(early), unmetKeysOf(early)]).toEqual(['INVALID_TRANSITION', ['review.termination.noticeRunning']]);
    const meanwhile = await t.gql(RECORD, { i: { ...input, outcome: 'KEEP' } }, await t.login('shiqiao.head'));
    expect(messageKeyOf(meanwhile)).toBe('review.termination.underNotice');

    // As if the notice period had passed.
    await t.ownerDataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE enrolment_reviews DISABLE TRIGGER enrolment_reviews_append_only');
      await manager.query(
        `UPDATE enrolment_reviews SET notice_starts_at = notice_starts_at - interval '8 days', notice_ends_at = notice_ends_at - interval '8 days' WHERE id = $1`,
        [rawId(noticed.review.id)],
      );
      await manager.query('ALTER TABLE enrolment_reviews ENABLE TRIGGER enrolment_reviews_append_only');
    });
    for (const username of ['va.102204', 'district.officer', 'shiqiao.member1']) {
      const refused = await t.gql(CONCLUDE, { i: { reviewId: noticed.review.id } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    const ended = (await as(t, 'shiqiao.caseworker', CONCLUDE, { i: { reviewId: noticed.review.id } })).concludeTermination;
    expect(ended.enrolment.status).toBe('ENDED');
    const { node } = await as(t, 'shiqiao.head', HISTORY, { id: sun.id });
    expect(node.history[1]).toMatchObject({
      kind: 'ENDED',
      status: 'ENDED',
      effectiveMonth: `${month(1)}-01`,
      reason: input.reasons,
      review: noticed.review.id,
    });
  });
});
