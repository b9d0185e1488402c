import { codeOf, useTestApp } from './support/harness';
import { apply, applyForHeadsKin, as, meetingWithVotes, prepareForReview, rawId, stepOk } from './support/workflow';

/**
 * Every decision checked against the authority of its date (D§13), and every path that decides a
 * case gated by the same delegation (P1, P3.1, P5), over HTTP on the seeded demo: the district has
 * delegated every programme to Chengguan, Hexi and Shiqiao, nothing to Baiyun.
 */

const HEXI = '510199101000';
const today = () => new Date().toISOString().slice(0, 10);

const CHECK = `{ decisionsWithoutAuthority(first: 50) { totalCount nodes { id applicantName status decisionAuthority decidedUnder { id } } } }`;
const DECIDED = `id status version decisionAuthority decidedUnder { id programme townshipCode }`;
const PENDING = 'query($id: ID!) { case(id: $id) { pendingSteps { step roles accounts { username } } } }';

/** Every member who may vote refuses; hexi.caseworker2 investigated and recuses (D§4). */
const ALL_REJECT = { 'hexi.head': 'REJECT', 'hexi.member1': 'REJECT', 'hexi.member2': 'REJECT', 'hexi.member3': 'REJECT' };
const REASONS = '家庭人均收入高于标准 (per-capita income above the standard)';

const t = useTestApp({ demo: true });

const flagged = async (username = 'district.officer') =>
  (await as(t, username, CHECK)).decisionsWithoutAuthority.nodes.map((c: { applicantName: string }) => c.applicantName);

async function conclude(username: string, caseId: string, meetingId: string) {
  const { version } = (await as(t, 'district.officer', 'query($id: ID!) { case(id: $id) { version } }', { id: caseId })).case;
  return t.gql(
    `mutation($i: ConcludeReviewInput!) { concludeReview(input: $i) { case { ${DECIDED} } } }`,
    { i: { caseId, version, meetingId, reasons: REASONS } },
    await t.login(username),
    { 'accept-language': 'en' },
  );
}

async function hexiGrant(programme: string) {
  const { delegations } = await as(
    t,
    'district.officer',
    `{ delegations(townshipCode: "${HEXI}", first: 50) { nodes { id kind programme } } }`,
  );
  return delegations.nodes.find((d: { kind: string; programme: string }) => d.kind === 'GRANT' && d.programme === programme);
}

describe('the historical check of decisions against the authority of their date (D§13)', () => {
  it("flags the seeded refusal Baiyun's head signed without a delegation, and none of the demo's other decisions", async () => {
    const { decisionsWithoutAuthority } = await as(t, 'district.officer', CHECK);
    expect(decisionsWithoutAuthority.totalCount).toBe(1);
    expect(decisionsWithoutAuthority.nodes).toEqual([
      expect.objectContaining({ applicantName: '谢秋菊', status: 'DENIED', decisionAuthority: 'DELEGATION', decidedUnder: null }),
    ]);
    // The demo's other decisions were each made by the authority of their date: not flagged.
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM cases WHERE decided_at IS NOT NULL');
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await flagged('auditor')).toEqual(['谢秋菊']);
  });

  it.each(['va.101201', 'hexi.caseworker', 'hexi.member1', 'hexi.head', 'finance', 'poverty', 'dept.tax', 'admin'])(
    'is the district officer’s and the auditor’s: %s is refused (P4.3, D§13)',
    async (username) => {
      expect(codeOf(await t.gql(CHECK, {}, await t.login(username)))).toBe('FORBIDDEN');
    },
  );

  it('flags a district decision made while a delegation was in force, and a decision whose authority is not recorded', async () => {
    const [approved] = await t.dataSource.query(
      "SELECT id, decision_authority, decided_under_id FROM cases WHERE applicant_name = '王秀英' AND decided_at IS NOT NULL",
    );
    expect(approved.decision_authority).toBe('DELEGATION');
    try {
      await t.dataSource.query("UPDATE cases SET decision_authority = 'DISTRICT', decided_under_id = NULL WHERE id = $1", [approved.id]);
      expect(await flagged()).toEqual(expect.arrayContaining(['王秀英', '谢秋菊']));
      await t.dataSource.query('UPDATE cases SET decision_authority = NULL WHERE id = $1', [approved.id]);
      expect(await flagged()).toEqual(expect.arrayContaining(['王秀英', '谢秋菊']));
    } finally {
      await t.dataSource.query('UPDATE cases SET decision_authority = $2, decided_under_id = $3 WHERE id = $1', [
        approved.id,
        approved.decision_authority,
        approved.decided_under_id,
      ]);
    }
    expect(await flagged()).toEqual(['谢秋菊']);
  });
});

describe('a committee refusal is a decision: gated by the delegation like an approval (P1, P3.1, P5, D§13)', () => {
  let delegated: string;
  let preDelegation: string;
  let approving: string;
  let meetingId: string;
  let approvingMeetingId: string;

  beforeAll(async () => {
    const cases = [];
    for (const head of ['甲受托', '乙委前', '丙公示']) cases.push((await apply(t, 'DIBAO', { head })).case.id);
    for (const id of cases) await prepareForReview(t, id);
    [delegated, preDelegation, approving] = cases;
    meetingId = await meetingWithVotes(t, [delegated, preDelegation], ALL_REJECT);
    approvingMeetingId = await meetingWithVotes(t, [approving], {
      'hexi.head': 'APPROVE',
      'hexi.member1': 'APPROVE',
      'hexi.member2': 'APPROVE',
      'hexi.member3': 'APPROVE',
    });
  });

  it('under a delegation the head signs the refusal and it records the delegation; the district is refused (P1)', async () => {
    const byDistrict = await conclude('district.officer', delegated, meetingId);
    expect(codeOf(byDistrict)).toBe('FORBIDDEN');
    expect(byDistrict.errors![0].extensions!.clause).toBe('P1');
    const byHead = await conclude('hexi.head', delegated, meetingId);
    expect(byHead.errors).toBeUndefined();
    const grant = await hexiGrant('DIBAO');
    expect(byHead.data!.concludeReview.case).toMatchObject({
      status: 'DENIED',
      decisionAuthority: 'DELEGATION',
      decidedUnder: { id: grant.id, programme: 'DIBAO', townshipCode: HEXI },
    });
  });

  it('once the delegation is revoked the head is refused, naming the missing delegation, and the district signs the refusal (P5)', async () => {
    const grant = await hexiGrant('DIBAO');
    await as(t, 'district.officer', 'mutation($i: RevokeDelegationInput!) { revokeDelegation(input: $i) { delegation { id } } }', {
      i: { delegationId: grant.id, effectiveFrom: today(), documentReference: '云溪民发〔2026〕60号' },
    });
    const pending = (await as(t, 'hexi.caseworker', PENDING, { id: preDelegation })).case.pendingSteps;
    expect(pending.find((p: { step: string }) => p.step === 'concludeReview').roles).toEqual(
      expect.arrayContaining(['TOWNSHIP_HEAD', 'DISTRICT_OFFICER']),
    );

    const byHead = await conclude('hexi.head', preDelegation, meetingId);
    expect(codeOf(byHead)).toBe('FORBIDDEN');
    expect(byHead.errors![0].message).toMatch(/delegation in force/);
    expect((await as(t, 'district.officer', 'query($id: ID!) { case(id: $id) { status } }', { id: preDelegation })).case.status).toBe(
      'TOWNSHIP_REVIEW',
    );
    const byDistrict = await conclude('district.officer', preDelegation, meetingId);
    expect(byDistrict.errors).toBeUndefined();
    expect(byDistrict.data!.concludeReview.case).toMatchObject({ status: 'DENIED', decisionAuthority: 'DISTRICT', decidedUnder: null });
  });

  it('opening the notice is not a decision: the head still concludes an approving review, the district may not (P3.2)', async () => {
    expect(codeOf(await conclude('district.officer', approving, approvingMeetingId))).toBe('FORBIDDEN');
    const byHead = await conclude('hexi.head', approving, approvingMeetingId);
    expect(byHead.errors).toBeUndefined();
    expect(byHead.data!.concludeReview.case).toMatchObject({ status: 'PUBLIC_NOTICE', decisionAuthority: null });
  });

  it('the historical check finds both refusals made by the authority of their date, the revocation recorded after the first notwithstanding', async () => {
    expect(await flagged()).toEqual(['谢秋菊']);
  });
});

describe('Case.pendingSteps names the deputy chair where the chair must recuse (D§4)', () => {
  it('lists COMMITTEE_MEMBER and the deputy chair for concluding the review and for deciding', async () => {
    const applied = await applyForHeadsKin(t, 'TEKUN');
    expect(applied.kinRegistered).toBe(true);
    await prepareForReview(t, applied.id, { tekun: true });
    const meetingId = await meetingWithVotes(t, [applied.id], {
      'hexi.member1': 'APPROVE',
      'hexi.member2': 'APPROVE',
      'hexi.member3': 'APPROVE',
    });

    const review = (await as(t, 'hexi.caseworker', PENDING, { id: applied.id })).case.pendingSteps.find(
      (p: { step: string }) => p.step === 'concludeReview',
    );
    expect(review.roles).toEqual(expect.arrayContaining(['COMMITTEE_MEMBER']));
    expect(review.accounts.map((a: { username: string }) => a.username)).toEqual(['hexi.member3']);
    const [{ acting }] = await t.dataSource.query('SELECT cardinality(acting_chair_ids) AS acting FROM cases WHERE id = $1', [
      rawId(applied.id),
    ]);
    expect(acting).toBe(1);
    expect((await stepOk(t, 'hexi.member3', 'concludeReview', applied.id, { meetingId })).status).toBe('PUBLIC_NOTICE');
  });
});
