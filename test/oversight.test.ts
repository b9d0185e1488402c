import { codeOf, useTestApp } from './support/harness';
import { approvedDibao, as, setHexiCommittee } from './support/workflow';

/** Audit adds its findings, poverty alleviation its development links (P4.4); nobody else may. */
const t = useTestApp();
let enrolmentId: string;
beforeAll(async () => {
  await setHexiCommittee(t);
  await approvedDibao(t, '帮扶户');
  enrolmentId = (await as(t, 'poverty', '{ enrolments { nodes { id payeeName } } }')).enrolments.nodes[0].id;
});

const FINDING =
  'mutation { recordAuditFinding(input: { severity: IRREGULARITY, title: "Late payments", body: "Paid after the 10th (晚于10日发放).", townshipCode: "510199101000" }) { auditFinding { id severity } } }';
const LINK =
  'mutation($e: ID!) { linkDevelopmentSupport(input: { enrolmentId: $e, measure: "公益岗位 (public-welfare job)" }) { developmentLink { id measure } } }';

it('lets the auditor record findings, which the district officer reads', async () => {
  expect((await as(t, 'auditor', FINDING)).recordAuditFinding.auditFinding.severity).toBe('IRREGULARITY');
  const [enrolled] = (await as(t, 'auditor', '{ cases(filter: { status: [APPROVED] }) { edges { node { id } } } }')).cases.edges;
  const onCase = await as(
    t,
    'auditor',
    'mutation($s: ID!) { recordAuditFinding(input: { severity: OBSERVATION, title: "Checked", body: "Decision matches the accounting.", subjectId: $s }) { auditFinding { subjectId } } }',
    { s: enrolled.node.id },
  );
  expect(onCase.recordAuditFinding.auditFinding.subjectId).toBe(enrolled.node.id);
  expect((await as(t, 'district.officer', '{ auditFindings { nodes { title } } }')).auditFindings.nodes).toEqual([
    { title: 'Checked' },
    { title: 'Late payments' },
  ]);
});

it.each(['district.officer', 'hexi.head', 'hexi.caseworker', 'va.101201', 'finance', 'poverty', 'dept.tax', 'admin'])(
  'refuses a finding from %s',
  async (username) => {
    expect(codeOf(await t.gql(FINDING, {}, await t.login(username)))).toBe('FORBIDDEN');
  },
);

it('lets the poverty office link support to a rural DIBAO household able to work', async () => {
  expect((await as(t, 'poverty', LINK, { e: enrolmentId })).linkDevelopmentSupport.developmentLink.measure).toMatch(/public-welfare/);
  expect((await as(t, 'hexi.caseworker', '{ developmentLinks { nodes { measure } } }')).developmentLinks.nodes).toHaveLength(1);
});

it.each(['district.officer', 'hexi.head', 'auditor', 'finance', 'va.101201', 'admin'])(
  'refuses a development link from %s',
  async (username) => {
    const result = await t.gql(LINK, { e: enrolmentId }, await t.login(username));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(result));
  },
);
