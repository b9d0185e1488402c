import { codeOf, messageKeyOf, useTestApp, unmetKeysOf } from './support/harness';
import { acceptedWorkPlan, accountIdOf, as, caseOf, letNoticePass, setHexiCommittee } from './support/workflow';

/**
 * The authority to decide as records (P3.1, P3.3, P5, D§13), over HTTP on the seeded demo: the
 * district has delegated every programme to Chengguan, Hexi and Shiqiao, and nothing to Baiyun.
 */

const HEXI = '510199101000';
const SHIQIAO = '510199102000';
const BAIYUN = '510199201000';
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const GRANT = `mutation($i: GrantDelegationInput!) { grantDelegation(input: $i) {
  delegation { id kind programme townshipCode effectiveFrom documentReference } staffingWarning } }`;
const REVOKE = 'mutation($i: RevokeDelegationInput!) { revokeDelegation(input: $i) { delegation { id kind revokes effectiveFrom } } }';
const HISTORY = `query($t: String) { delegations(townshipCode: $t, first: 50) { totalCount nodes { id kind programme townshipCode effectiveFrom revokes } } }`;
const CASE = `id status version decisionAuthority decidedUnder { id programme townshipCode documentReference }`;

const t = useTestApp({ demo: true });

async function caseOfHead(headName: string) {
  const found = await as(t, 'district.officer', `query($s: String) { cases(filter: { search: $s }) { nodes { ${CASE} } } }`, {
    s: headName,
  });
  return found.cases.nodes[0];
}

async function decide(username: string, caseId: string) {
  const { version } = await caseOf(t, 'district.officer', caseId);
  return t.gql(
    `mutation($i: ApproveCaseInput!) { approveCase(input: $i) { case { ${CASE} } } }`,
    { i: { caseId, version } },
    await t.login(username),
  );
}

async function grantOf(townshipCode: string, programme: string) {
  const history = await as(t, 'district.officer', HISTORY, { t: townshipCode });
  return history.delegations.nodes.find(
    (d: { kind: string; programme: string; revokes: string | null }) => d.kind === 'GRANT' && d.programme === programme,
  );
}

describe('delegation records (D§13)', () => {
  it('the district reads the seeded delegations: every programme to every township but Baiyun', async () => {
    const { delegations } = await as(t, 'district.officer', HISTORY, {});
    expect(delegations.totalCount).toBe(9);
    expect(new Set(delegations.nodes.map((d: { townshipCode: string }) => d.townshipCode))).toEqual(
      new Set(['510199001000', HEXI, SHIQIAO]),
    );
  });

  it("township staff see their own township's delegations only; a village assistant none (P3.1)", async () => {
    const own = await as(t, 'hexi.caseworker', HISTORY, {});
    expect(own.delegations.nodes.map((d: { townshipCode: string }) => d.townshipCode)).toEqual([HEXI, HEXI, HEXI]);
    expect((await as(t, 'baiyun.head', HISTORY, {})).delegations.totalCount).toBe(0);
    expect(codeOf(await t.gql(HISTORY, {}, await t.login('va.101201')))).toBe('FORBIDDEN');
  });

  it.each(['va.101201', 'hexi.caseworker', 'hexi.member1', 'hexi.head', 'finance', 'auditor', 'poverty', 'dept.tax', 'admin'])(
    'only a DISTRICT_OFFICER grants or revokes a delegation: %s is refused (P3.1, P3.3)',
    async (username) => {
      const grant = { townshipCode: BAIYUN, programme: 'DIBAO', effectiveFrom: today(), documentReference: '越权〔2026〕1号' };
      expect(codeOf(await t.gql(GRANT, { i: grant }, await t.login(username)))).toBe('FORBIDDEN');
      const hexiDibao = await grantOf(HEXI, 'DIBAO');
      const revoke = { delegationId: hexiDibao.id, effectiveFrom: today(), documentReference: '越权〔2026〕2号' };
      expect(codeOf(await t.gql(REVOKE, { i: revoke }, await t.login(username)))).toBe('FORBIDDEN');
    },
  );

  it('whoCan(decide) names the district officer in Baiyun, by the pre-delegation grant (P5), and the head in Hexi (P3.1)', async () => {
    const query = 'query($id: ID!) { whoCan(action: decide, subjectType: Case, subjectId: $id) { account { username } grant { clause } } }';
    const baiyun = await caseOfHead('罗大勇');
    expect((await as(t, 'district.officer', query, { id: baiyun.id })).whoCan).toEqual([
      { account: { username: 'district.officer' }, grant: { clause: 'P5' } },
    ]);
    const hexi = await caseOfHead('刘桂兰');
    expect((await as(t, 'district.officer', query, { id: hexi.id })).whoCan).toEqual([
      { account: { username: 'hexi.head' }, grant: { clause: 'P3.1' } },
    ]);
  });

  it('a grant reports the staffing shortfall as a warning and is recorded all the same (P6.2)', async () => {
    // Baiyun's seeded work plan waits for the district: accepted, it meets the precondition (P5.1, D§13).
    const { workPlans } = await as(
      t,
      'district.officer',
      'query { workPlans(townshipCode: "510199201000", status: FILED) { nodes { id } } }',
    );
    await as(t, 'district.officer', 'mutation($i: AcceptWorkPlanInput!) { acceptWorkPlan(input: $i) { workPlan { status } } }', {
      i: { workPlanId: workPlans.nodes[0].id },
    });
    const granted = await as(t, 'district.officer', GRANT, {
      i: { townshipCode: BAIYUN, programme: 'TEKUN', effectiveFrom: tomorrow(), documentReference: '云溪民发〔2026〕20号' },
    });
    expect(granted.grantDelegation.delegation).toMatchObject({ kind: 'GRANT', programme: 'TEKUN', townshipCode: BAIYUN });
    expect(granted.grantDelegation.staffingWarning).toMatch(/2.*3/);
    const again = await t.gql(
      GRANT,
      { i: { townshipCode: BAIYUN, programme: 'TEKUN', effectiveFrom: tomorrow(), documentReference: '重复' } },
      await t.login('district.officer'),
    );
    expect(messageKeyOf(again)).toBe('delegation.alreadyInForce');
  });

  it('after its date the township head decides, the district may not (P1), and the decision records the delegation', async () => {
    const zhou = await caseOfHead('周桂芳');
    await letNoticePass(t, zhou.id);
    const byDistrict = await decide('district.officer', zhou.id);
    expect(codeOf(byDistrict)).toBe('FORBIDDEN');
    expect(byDistrict.errors![0].extensions!.clause).toBe('P1');
    const byHead = await decide('shiqiao.head', zhou.id);
    expect(byHead.errors).toBeUndefined();
    const shiqiaoDibao = await grantOf(SHIQIAO, 'DIBAO');
    expect(byHead.data!.approveCase.case).toMatchObject({
      status: 'APPROVED',
      decisionAuthority: 'DELEGATION',
      decidedUnder: { id: shiqiaoDibao.id, programme: 'DIBAO', townshipCode: SHIQIAO, documentReference: '云溪民发〔2026〕12号' },
    });
  });

  it('revocation restores the district from its date; before a new grant takes effect the head is refused, naming the missing delegation', async () => {
    const hexiDibao = await grantOf(HEXI, 'DIBAO');
    const revoked = await as(t, 'district.officer', REVOKE, {
      i: { delegationId: hexiDibao.id, effectiveFrom: today(), documentReference: '云溪民发〔2026〕30号' },
    });
    expect(revoked.revokeDelegation.delegation).toMatchObject({ kind: 'REVOCATION', revokes: hexiDibao.id, effectiveFrom: today() });
    await as(t, 'district.officer', GRANT, {
      i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: tomorrow(), documentReference: '云溪民发〔2026〕31号' },
    });

    const li = await caseOfHead('李德福');
    const byHead = await t.gql(
      `mutation($i: ApproveCaseInput!) { approveCase(input: $i) { case { id } } }`,
      { i: { caseId: li.id, version: li.version } },
      await t.login('hexi.head'),
      { 'accept-language': 'en' },
    );
    expect(codeOf(byHead)).toBe('FORBIDDEN');
    expect(byHead.errors![0].message).toMatch(/delegation in force/);
    const explained = await t.gql(
      'query($id: ID!) { explainPermission(action: decide, subjectType: Case, subjectId: $id) { allowed failedConditions } }',
      { id: li.id },
      await t.login('hexi.head'),
      { 'accept-language': 'en' },
    );
    // The head also sits on the committee: that role's conditions (standing in for a recused chair) fail too.
    expect(explained.data!.explainPermission).toEqual({
      allowed: false,
      failedConditions: expect.arrayContaining([
        `TOWNSHIP_HEAD held for ${HEXI}: only where the case's township holds a delegation in force for its programme`,
      ]),
    });

    const byDistrict = await decide('district.officer', li.id);
    expect(byDistrict.errors).toBeUndefined();
    expect(byDistrict.data!.approveCase.case).toMatchObject({ status: 'APPROVED', decisionAuthority: 'DISTRICT', decidedUnder: null });
  });

  it('delegations lists the history: grants, the revocation naming its grant, the grant to come', async () => {
    const { delegations } = await as(t, 'hexi.head', HISTORY, { t: HEXI });
    const dibao = delegations.nodes.filter((d: { programme: string }) => d.programme === 'DIBAO');
    expect(dibao.map((d: { kind: string; effectiveFrom: string }) => [d.kind, d.effectiveFrom])).toEqual([
      ['GRANT', tomorrow()],
      ['REVOCATION', today()],
      ['GRANT', today()],
    ]);
    expect(dibao[1].revokes).toBe(dibao[2].id);
  });

  it('a grant is revoked once, and the records themselves cannot be edited or deleted', async () => {
    const hexiTekun = await grantOf(HEXI, 'TEKUN');
    const revoke = { delegationId: hexiTekun.id, effectiveFrom: tomorrow(), documentReference: '云溪民发〔2026〕40号' };
    await as(t, 'district.officer', REVOKE, { i: revoke });
    expect(messageKeyOf(await t.gql(REVOKE, { i: revoke }, await t.login('district.officer')))).toBe('delegation.alreadyRevoked');
    await expect(t.ownerDataSource.query("UPDATE delegations SET effective_from = '2020-01-01'")).rejects.toThrow(/append-only/);
    await expect(t.ownerDataSource.query('DELETE FROM delegations')).rejects.toThrow(/append-only/);
  });
});

describe('a township without a valid committee cannot take up a delegation (P3.2, D§13)', () => {
  const bare = useTestApp();

  it('names the missing committee', async () => {
    const result = await bare.gql(
      GRANT,
      { i: { townshipCode: SHIQIAO, programme: 'DIBAO', effectiveFrom: today(), documentReference: '云溪民发〔2026〕50号' } },
      await bare.login('district.officer'),
    );
    expect(codeOf(result)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(result)).toEqual(['delegation.precondition.noCommittee', 'delegation.precondition.noAcceptedWorkPlan']);
    expect((await as(bare, 'district.officer', HISTORY, {})).delegations.totalCount).toBe(0);
  });

  it('names every problem of an invalid committee', async () => {
    const committee = await setHexiCommittee(bare, ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2']);
    expect(committee.valid).toBe(false);
    const result = await bare.gql(
      GRANT,
      { i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: today(), documentReference: '云溪民发〔2026〕51号' } },
      await bare.login('district.officer'),
    );
    expect(unmetKeysOf(result)).toEqual([
      'delegation.precondition.committeeInvalid',
      'committee.problem.tooFewMembers',
      'committee.problem.deputyChair',
      'delegation.precondition.noAcceptedWorkPlan',
    ]);
    expect((await as(bare, 'district.officer', HISTORY, {})).delegations.totalCount).toBe(0);
  });

  it("checks the committee as it stood on the delegation's date: formed today, it cannot take up a delegation from yesterday", async () => {
    const seats = ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2', 'hexi.member3'];
    const functions = ['CHAIR', 'CIVIL_AFFAIRS', 'DISCIPLINE_INSPECTION', 'FINANCE', 'POVERTY_ALLEVIATION'];
    const members = await Promise.all(seats.map(async (u, i) => ({ accountId: await accountIdOf(bare, u), function: functions[i] })));
    const formed = await as(bare, 'hexi.head', 'mutation($i: SetCommitteeInput!) { setCommittee(input: $i) { committee { valid } } }', {
      i: { townshipCode: HEXI, members, deputyChairId: await accountIdOf(bare, 'hexi.member3') },
    });
    expect(formed.setCommittee.committee.valid).toBe(true);
    await acceptedWorkPlan(bare, HEXI);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const backdated = await bare.gql(
      GRANT,
      { i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: yesterday, documentReference: '云溪民发〔2026〕52号' } },
      await bare.login('district.officer'),
    );
    expect(codeOf(backdated)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(backdated)).toEqual(
      expect.arrayContaining(['delegation.precondition.committeeInvalid', 'committee.problem.tooFewMembers']),
    );
    expect((await as(bare, 'district.officer', HISTORY, {})).delegations.totalCount).toBe(0);
    const fromToday = await as(bare, 'district.officer', GRANT, {
      i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: today(), documentReference: '云溪民发〔2026〕53号' },
    });
    expect(fromToday.grantDelegation.delegation).toMatchObject({ kind: 'GRANT', townshipCode: HEXI, effectiveFrom: today() });
  });
});
