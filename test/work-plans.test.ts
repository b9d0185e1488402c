import { codeOf, messageKeyOf, TestApp, unmetKeysOf, useTestApp } from './support/harness';
import { accountIdOf, as } from './support/workflow';

/**
 * Township work plans, progress reports and year-end evaluations filed with the district (P5.1–P5.3),
 * over HTTP on the seeded demo: every township's work plan is filed, the district accepted those of
 * the three townships it delegates to, and Baiyun's waits.
 */

const HEXI = '510199101000';
const BAIYUN = '510199201000';
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
// A committee formed today can take up a delegation from today, not one dated back before it (D§13).
const TODAY = new Date().toISOString().slice(0, 10);

const FIELDS = 'id townshipCode kind year title body documentDate status filedAt returnReasons reviewedAt';
const LIST = `query($t: String, $k: WorkPlanKind, $s: WorkPlanStatus) { workPlans(townshipCode: $t, kind: $k, status: $s, first: 50) { totalCount nodes { ${FIELDS} } } }`;
const DRAFT = `mutation($i: DraftWorkPlanInput!) { draftWorkPlan(input: $i) { workPlan { ${FIELDS} } } }`;
const REVISE = `mutation($i: ReviseWorkPlanInput!) { reviseWorkPlan(input: $i) { workPlan { ${FIELDS} } } }`;
const FILE = `mutation($i: FileWorkPlanInput!) { fileWorkPlan(input: $i) { workPlan { ${FIELDS} } } }`;
const ACCEPT = `mutation($i: AcceptWorkPlanInput!) { acceptWorkPlan(input: $i) { workPlan { ${FIELDS} } } }`;
const RETURN = `mutation($i: ReturnWorkPlanInput!) { returnWorkPlan(input: $i) { workPlan { ${FIELDS} } } }`;

const progressReport = (townshipCode = HEXI) => ({
  townshipCode,
  kind: 'PROGRESS_REPORT',
  year: YEAR,
  title: '河西镇第三季度工作进展',
  body: '已完成各村协理员培训。',
  documentDate: `${YEAR}-10-08`,
});

const t = useTestApp({ demo: true }, 180_000);

async function drafted(input = progressReport()) {
  return (await as(t, 'hexi.head', DRAFT, { i: input })).draftWorkPlan.workPlan;
}

describe('who sees the filed documents (P5.1, P5.2)', () => {
  it('the district sees every township’s work plan: three accepted, Baiyun’s filed and waiting', async () => {
    const { workPlans } = await as(t, 'district.officer', LIST, { k: 'WORK_PLAN' });
    const byTownship = Object.fromEntries(workPlans.nodes.map((p: { townshipCode: string; status: string }) => [p.townshipCode, p.status]));
    expect(byTownship).toEqual({ '510199001000': 'ACCEPTED', [HEXI]: 'ACCEPTED', '510199102000': 'ACCEPTED', [BAIYUN]: 'FILED' });
  });

  it.each(['hexi.head', 'hexi.caseworker'])('%s sees its own township’s documents only', async (username) => {
    const { workPlans } = await as(t, username, LIST, {});
    expect(workPlans.totalCount).toBeGreaterThan(0);
    expect(new Set(workPlans.nodes.map((p: { townshipCode: string }) => p.townshipCode))).toEqual(new Set([HEXI]));
  });

  it.each(['va.101201', 'hexi.member1', 'finance', 'auditor', 'poverty', 'dept.tax', 'admin'])(
    '%s may not read them (P5)',
    async (username) => {
      expect(codeOf(await t.gql(LIST, {}, await t.login(username)))).toBe('FORBIDDEN');
    },
  );
});

describe('drafted, filed, returned with reasons, revised, refiled and accepted (P5.1–P5.3)', () => {
  it('runs the whole round', async () => {
    const draft = await drafted();
    expect(draft).toMatchObject({ status: 'DRAFTED', filedAt: null, kind: 'PROGRESS_REPORT', year: YEAR });
    const i = { workPlanId: draft.id };

    const filed = (await as(t, 'hexi.head', FILE, { i })).fileWorkPlan.workPlan;
    expect(filed.status).toBe('FILED');
    expect(filed.filedAt).not.toBeNull();

    const returned = (await as(t, 'district.officer', RETURN, { i: { ...i, reasons: '缺少各村协理员名单。' } })).returnWorkPlan.workPlan;
    expect(returned).toMatchObject({ status: 'RETURNED', returnReasons: '缺少各村协理员名单。' });

    const revised = (await as(t, 'hexi.head', REVISE, { i: { ...i, body: '已完成各村协理员培训；名单附后。' } })).reviseWorkPlan.workPlan;
    expect(revised).toMatchObject({ status: 'RETURNED', body: '已完成各村协理员培训；名单附后。', title: draft.title });

    expect((await as(t, 'hexi.head', FILE, { i })).fileWorkPlan.workPlan.status).toBe('FILED');
    const accepted = (await as(t, 'district.officer', ACCEPT, { i })).acceptWorkPlan.workPlan;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.reviewedAt).not.toBeNull();

    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE subject_type = 'WorkPlan' AND subject_id = $1 ORDER BY at, id`,
      [Buffer.from(draft.id, 'base64url').toString().split(':').pop()],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'draftWorkPlan',
      'fileWorkPlan',
      'returnWorkPlan',
      'reviseWorkPlan',
      'fileWorkPlan',
      'acceptWorkPlan',
    ]);
  });

  it('each step only from its states: no acceptance of a draft, no revision of a filed document, no second acceptance', async () => {
    const draft = await drafted();
    const i = { workPlanId: draft.id };
    const early = await t.gql(ACCEPT, { i }, await t.login('district.officer'));
    expect(codeOf(early)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(early)).toEqual(['workPlan.step.notFromStatus']);
    await as(t, 'hexi.head', FILE, { i });
    expect(codeOf(await t.gql(REVISE, { i: { ...i, title: '改' } }, await t.login('hexi.head')))).toBe('INVALID_TRANSITION');
    await as(t, 'district.officer', ACCEPT, { i });
    expect(codeOf(await t.gql(ACCEPT, { i }, await t.login('district.officer')))).toBe('INVALID_TRANSITION');
    expect(codeOf(await t.gql(RETURN, { i: { ...i, reasons: '再退' } }, await t.login('district.officer')))).toBe('INVALID_TRANSITION');
  });

  it('bad input is named, never a 500', async () => {
    const login = await t.login('hexi.head');
    const field = (r: Awaited<ReturnType<TestApp['gql']>>) => r.errors?.[0]?.extensions?.field;
    expect(field(await t.gql(DRAFT, { i: { ...progressReport(), year: 1900 } }, login))).toBe('year');
    expect(field(await t.gql(DRAFT, { i: { ...progressReport(), title: '  ' } }, login))).toBe('title');
    expect(field(await t.gql(DRAFT, { i: { ...progressReport(), townshipCode: '510199101201' } }, login))).toBe('townshipCode');
    expect(codeOf(await t.gql(FILE, { i: { workPlanId: 'nonsense' } }, login))).toBe('BAD_USER_INPUT');
  });
});

describe('only the township head drafts and files, only the district decides (P5.1)', () => {
  it.each(['hexi.caseworker', 'hexi.member1', 'va.101201', 'district.officer', 'finance', 'auditor', 'admin', 'dept.tax'])(
    '%s may not draft or file a township document',
    async (username) => {
      expect(codeOf(await t.gql(DRAFT, { i: progressReport() }, await t.login(username)))).toBe('FORBIDDEN');
      const draft = await drafted();
      expect(codeOf(await t.gql(FILE, { i: { workPlanId: draft.id } }, await t.login(username)))).toMatch(/FORBIDDEN|NOT_FOUND/);
      expect(codeOf(await t.gql(REVISE, { i: { workPlanId: draft.id, title: '越权' } }, await t.login(username)))).toMatch(
        /FORBIDDEN|NOT_FOUND/,
      );
    },
  );

  it('another township’s head may neither draft for Hexi nor see or file its documents', async () => {
    expect(codeOf(await t.gql(DRAFT, { i: progressReport() }, await t.login('shiqiao.head')))).toBe('FORBIDDEN');
    const draft = await drafted();
    expect(codeOf(await t.gql(FILE, { i: { workPlanId: draft.id } }, await t.login('shiqiao.head')))).toBe('NOT_FOUND');
  });

  it.each(['hexi.head', 'hexi.caseworker', 'va.101201', 'finance', 'auditor', 'admin', 'poverty'])(
    '%s may neither accept nor return a filed document',
    async (username) => {
      const draft = await drafted();
      const i = { workPlanId: draft.id };
      await as(t, 'hexi.head', FILE, { i });
      expect(codeOf(await t.gql(ACCEPT, { i }, await t.login(username)))).toMatch(/FORBIDDEN|NOT_FOUND/);
      expect(codeOf(await t.gql(RETURN, { i: { ...i, reasons: '越权' } }, await t.login(username)))).toMatch(/FORBIDDEN|NOT_FOUND/);
      const { workPlans } = await as(t, 'district.officer', LIST, { t: HEXI, s: 'FILED' });
      expect(workPlans.nodes.map((p: { id: string }) => p.id)).toContain(draft.id);
    },
  );
});

describe('the year-end evaluation shows the township’s figures next to its text (P5.3)', () => {
  it('its figures are the township’s statistics for its year, for the district as for the township', async () => {
    const evaluation = await drafted({ ...progressReport(), kind: 'EVALUATION', title: '河西镇年度评估报告' });
    const query = `query($id: ID!) { node(id: $id) { ... on WorkPlan { kind figures { townshipCode month applications approvals refusals recipients } } } }`;
    const statistics = await as(
      t,
      'district.officer',
      'query($y: Int!, $t: String) { districtStatistics(year: $y, townshipCode: $t) { townshipCode month applications approvals refusals recipients } }',
      {
        y: YEAR,
        t: HEXI,
      },
    );
    expect(statistics.districtStatistics).toHaveLength(12);
    for (const username of ['hexi.head', 'district.officer']) {
      const { node } = await as(t, username, query, { id: evaluation.id });
      expect(node.figures).toEqual(statistics.districtStatistics);
    }
    const applications = statistics.districtStatistics.reduce((sum: number, row: { applications: number }) => sum + row.applications, 0);
    expect(applications).toBeGreaterThan(0);
    const plan = (await as(t, 'district.officer', LIST, { t: HEXI, k: 'WORK_PLAN' })).workPlans.nodes[0];
    expect((await as(t, 'district.officer', query, { id: plan.id })).node.figures).toBeNull();
  });
});

describe('a township takes up a delegation only with a work plan the district accepted (P5.1, D§13)', () => {
  const bare = useTestApp();

  const GRANT = 'mutation($i: GrantDelegationInput!) { grantDelegation(input: $i) { delegation { id townshipCode } } }';

  it('names the missing work plan while it is only filed, and grants once it is accepted', async () => {
    const functions = ['CHAIR', 'CIVIL_AFFAIRS', 'DISCIPLINE_INSPECTION', 'FINANCE', 'POVERTY_ALLEVIATION'];
    const usernames = ['hexi.head', 'hexi.caseworker2', 'hexi.member1', 'hexi.member2', 'hexi.member3'];
    const members = await Promise.all(usernames.map(async (u, n) => ({ accountId: await accountIdOf(bare, u), function: functions[n] })));
    const { setCommittee } = await as(
      bare,
      'hexi.head',
      'mutation($i: SetCommitteeInput!) { setCommittee(input: $i) { committee { valid } } }',
      {
        i: { townshipCode: HEXI, members, deputyChairId: await accountIdOf(bare, 'hexi.member3') },
      },
    );
    expect(setCommittee.committee.valid).toBe(true);
    const officer = await bare.login('district.officer');

    const refused = await bare.gql(
      GRANT,
      { i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: TODAY, documentReference: '云溪民发〔2026〕60号' } },
      officer,
    );
    expect(codeOf(refused)).toBe('INVALID_TRANSITION');
    expect(unmetKeysOf(refused)).toEqual(['delegation.precondition.noAcceptedWorkPlan']);

    const draft = (await as(bare, 'hexi.head', DRAFT, { i: { ...progressReport(), kind: 'WORK_PLAN', title: '河西镇工作方案' } }))
      .draftWorkPlan.workPlan;
    await as(bare, 'hexi.head', FILE, { i: { workPlanId: draft.id } });
    const stillRefused = await bare.gql(
      GRANT,
      { i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: TODAY, documentReference: '云溪民发〔2026〕61号' } },
      officer,
    );
    expect(unmetKeysOf(stillRefused)).toEqual(['delegation.precondition.noAcceptedWorkPlan']);

    await as(bare, 'district.officer', ACCEPT, { i: { workPlanId: draft.id } });
    const granted = await bare.gql(
      GRANT,
      { i: { townshipCode: HEXI, programme: 'DIBAO', effectiveFrom: TODAY, documentReference: '云溪民发〔2026〕62号' } },
      officer,
    );
    expect(granted.errors).toBeUndefined();
    expect(messageKeyOf(granted)).toBeUndefined();
    expect(granted.data!.grantDelegation.delegation.townshipCode).toBe(HEXI);
  });
});
