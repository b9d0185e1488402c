import type { Grant } from '../permissions/policy';
import type { Scope } from '../permissions/vocabulary';
import { Role } from '../permissions/roles';
import { checkInvariants, passes, renderReport } from '../permissions/invariant-check';
import { INVARIANTS } from '../permissions/invariants';
import { workflowNeeds } from '../src/modules/policy/workflow-needs';
import { codeOf, useTestApp } from './support/harness';
import { as } from './support/workflow';

/**
 * Issue #17: the separation of duties the plan demands holds for every combination of roles. The
 * checker runs over the real table; then each invariant is broken on purpose by one added or widened
 * row, and the report must name that row and the smallest combination of roles that uses it.
 */

const NEEDS = workflowNeeds();

const row = (role: Role, action: Grant['action'], subject: Grant['subject'], scope: Scope, extra: Partial<Grant> = {}): Grant => ({
  role,
  action,
  subject,
  scope,
  clause: 'P4.4',
  reason: { zh: '测试用的规则。', en: 'A row added by the test.' },
  ...extra,
});

type Edit = (table: readonly Grant[]) => { table: Grant[]; changed: Grant };

const adding =
  (added: Grant): Edit =>
  (table) => ({ table: [...table, added], changed: added });

/** Replaces the one row `which` finds with `widen(row)`. */
const replacing =
  (which: (g: Grant) => boolean, widen: (g: Grant) => Grant): Edit =>
  (table) => {
    const found = table.filter(which);
    if (found.length !== 1) throw new Error(`expected one row to widen, found ${found.length}`);
    const changed = widen(found[0]);
    return { table: table.map((g) => (g === found[0] ? changed : g)), changed };
  };

/** Narrows `role`'s denial of confirming what it proposed itself on `subject` to the rows that also match `conditions`. */
const narrowingOwnProposalDenial = (role: Role, subject: Grant['subject'], conditions: Record<string, unknown>): Edit =>
  replacing(
    (g) =>
      g.role === role &&
      g.subject === subject &&
      g.action === 'confirm' &&
      Boolean(g.inverted) &&
      'proposedById' in (g.when?.conditions ?? {}),
    (g) => ({ ...g, when: { conditions: { proposedById: '$accountId', ...conditions }, text: g.when!.text } }),
  );

/** Runs the checker on the table with one edit, through the same `defineAbilityFor` the server uses
 * (the policy module itself is replaced, so the ability builder reads the edited table). */
function checkWith(id: string, edit: Edit, extraSubjects: Record<string, Record<string, string>> = {}) {
  let result: { text: string; status: string; rowNumber: number } | undefined;
  jest.isolateModules(() => {
    const policy = jest.requireActual<typeof import('../permissions/policy')>('../permissions/policy');
    const { table, changed } = edit(policy.POLICY);
    jest.doMock('../permissions/policy', () => ({ ...policy, POLICY: table }));
    if (Object.keys(extraSubjects).length) {
      const subjects = jest.requireActual<typeof import('../permissions/subjects')>('../permissions/subjects');
      const scopes = { ...subjects.SUBJECT_SCOPE_FIELDS, ...extraSubjects };
      jest.doMock('../permissions/subjects', () => ({ ...subjects, SUBJECT_SCOPE_FIELDS: scopes, SUBJECT_NAMES: Object.keys(scopes) }));
    }
    const check = jest.requireActual<typeof import('../permissions/invariant-check')>('../permissions/invariant-check');
    const report = check.checkInvariants({ workflow: NEEDS, only: [id] });
    result = { text: check.renderReport(report, 'en'), status: report.results[0].outcome.status, rowNumber: table.indexOf(changed) + 1 };
  });
  jest.dontMock('../permissions/policy');
  jest.dontMock('../permissions/subjects');
  return result!;
}

describe('policy invariants over every combination of roles (issue #17)', () => {
  it('hold on the table, checked exhaustively in under 30 s', () => {
    const report = checkInvariants({ workflow: NEEDS });
    expect(passes(report)).toBe(true);
    // Every invariant is checked against rows of the table, and holds.
    expect(Object.fromEntries(report.results.map((r) => [r.invariant.id, r.outcome.status]))).toEqual(
      Object.fromEntries(INVARIANTS.map((i) => [i.id, 'HOLDS'])),
    );
    expect(report.millis).toBeLessThan(30_000);
  });

  it('speaks Chinese first and English on request', () => {
    const report = checkInvariants({ workflow: NEEDS, only: ['grants.fromClauses'] });
    expect(renderReport(report, 'zh')).toContain('权限表的每一行都引用方案条款');
    expect(renderReport(report, 'en')).toContain('Every row of the table cites a clause');
  });

  const isDelegatedDecision = (g: Grant) => g.role === Role.TOWNSHIP_HEAD && g.action === 'decide' && !g.inverted;

  // Each: the invariant, the edit that breaks it, the smallest combination the report must name.
  const BREAKS: { id: string; how: string; edit: Edit; smallest: string; subjects?: Record<string, Record<string, string>> }[] = [
    {
      id: 'duties.decideAndPay',
      how: "the caseworker's and the head's decide-then-pay denials narrowed to LINSHI cases (D§6)",
      // The head decides and the caseworker pays: one account holding both roles breaks it.
      edit: (table) => {
        const narrowed = (g: Grant): Grant =>
          (g.role === Role.TOWNSHIP_HEAD || g.role === Role.TOWNSHIP_CASEWORKER) &&
          g.action === 'pay' &&
          Boolean(g.inverted) &&
          'decidedById' in (g.when?.conditions ?? {})
            ? { ...g, when: { conditions: { decidedById: '$accountId', programme: 'LINSHI' }, text: g.when!.text } }
            : g;
        const edited = table.map(narrowed);
        return { table: edited, changed: edited.find((g, i) => g !== table[i] && g.role === Role.TOWNSHIP_CASEWORKER)! };
      },
      smallest:
        'Smallest combination (2 roles): TOWNSHIP_CASEWORKER held for township A (110101001000) + TOWNSHIP_HEAD held for township A (110101001000)',
    },
    {
      id: 'duties.proposeAndConfirmRole',
      how: "ADMIN's own-proposal denial narrowed to district-tier roles (D§14)",
      edit: narrowingOwnProposalDenial(Role.ADMIN, 'RoleGrant', { districtTier: true }),
      smallest: 'Smallest combination (1 role): ADMIN held for district D (110101000000)',
    },
    {
      id: 'duties.changeAndConfirmBankAccount',
      how: "the caseworker's own-proposal denial on bank account changes narrowed to rejected ones (D§10)",
      edit: narrowingOwnProposalDenial(Role.TOWNSHIP_CASEWORKER, 'BankAccountChange', { status: 'REJECTED' }),
      smallest: 'Smallest combination (1 role): TOWNSHIP_CASEWORKER held for township A (110101001000)',
    },
    {
      id: 'duties.changeAndConfirmInstitutionAccount',
      how: "the head's own-proposal denial on institution account changes narrowed to rejected ones (D§10)",
      edit: narrowingOwnProposalDenial(Role.TOWNSHIP_HEAD, 'InstitutionAccountChange', { status: 'REJECTED' }),
      smallest: 'Smallest combination (1 role): TOWNSHIP_HEAD held for township A (110101001000)',
    },
    {
      id: 'delegation.districtNeverDecidesDelegated',
      how: "the head's decision widened from the own township to the district",
      edit: adding(row(Role.TOWNSHIP_HEAD, 'decide', 'Case', 'district', { clause: 'P3.1' })),
      smallest: 'Smallest combination (1 role): TOWNSHIP_HEAD held for township A (110101001000)',
    },
    {
      id: 'delegation.townshipNeverDecidesWithout',
      how: "the head's decision widened past its delegation condition",
      edit: replacing(isDelegatedDecision, (g) => ({ ...g, when: undefined })),
      smallest: 'Smallest combination (1 role): TOWNSHIP_HEAD held for township A (110101001000)',
    },
    {
      id: 'kin.neverActs',
      how: 'a district officer allowed to pay: with a village role to declare kin, a pair pays its own kin',
      edit: adding(row(Role.DISTRICT_OFFICER, 'pay', 'Case', 'district', { clause: 'D§6' })),
      smallest:
        'Smallest combination (2 roles): VILLAGE_ASSISTANT held for village A1 (110101001001) + DISTRICT_OFFICER held for district D (110101000000)',
    },
    {
      id: 'reads.personal.FINANCE_OFFICER',
      how: "finance's payee fields widened by the phone number",
      edit: replacing(
        (g) => g.role === Role.FINANCE_OFFICER && g.subject === 'Household',
        (g) => ({ ...g, fields: [...g.fields!, 'phone'] }),
      ),
      smallest: 'Smallest combination (1 role): FINANCE_OFFICER held for district D (110101000000)',
    },
    {
      id: 'reads.personal.AUDITOR',
      how: "audit's household read widened to every field",
      edit: replacing(
        (g) => g.role === Role.AUDITOR && g.subject === 'Household',
        (g) => ({ ...g, fields: undefined }),
      ),
      smallest: 'Smallest combination (1 role): AUDITOR held for district D (110101000000)',
    },
    {
      id: 'reads.personal.POVERTY_OFFICER',
      how: 'poverty alleviation given the household members',
      edit: adding(row(Role.POVERTY_OFFICER, 'read', 'Person', 'district')),
      smallest: 'Smallest combination (1 role): POVERTY_OFFICER held for district D (110101000000)',
    },
    {
      id: 'reads.personal.DEPARTMENT',
      how: 'a department given the households',
      edit: adding(row(Role.DEPARTMENT, 'read', 'Household', 'district')),
      smallest: 'Smallest combination (1 role): DEPARTMENT held for district D (110101000000)',
    },
    {
      id: 'reads.adminNoCaseData',
      how: 'ADMIN given the enrolments',
      edit: adding(row(Role.ADMIN, 'read', 'Enrolment', 'district', { clause: 'D§2' })),
      smallest: 'Smallest combination (1 role): ADMIN held for district D (110101000000)',
    },
    {
      id: 'duties.proposeAndConfirmDistrict',
      how: "the province operator's own-proposal denial of confirmation dropped (D§14)",
      edit: (table) => {
        const denial = table.find(
          (g) => g.role === Role.PROVINCE_OPERATOR && g.action === 'confirm' && Boolean(g.inverted) && g.subject === 'DistrictProposal',
        )!;
        const grant = table.find((g) => g.role === Role.PROVINCE_OPERATOR && g.action === 'confirm' && !g.inverted)!;
        return { table: table.filter((g) => g !== denial), changed: grant };
      },
      smallest: 'Smallest combination (1 role): PROVINCE_OPERATOR held for province P (110000000000)',
    },
    {
      id: 'reads.provinceNoDistrictData',
      how: 'the province operator given the cases of its province, were cases to carry a province code',
      subjects: { Case: { district: 'districtCode', township: 'townshipCode', village: 'villageCode', province: 'provinceCode' } },
      edit: adding(row(Role.PROVINCE_OPERATOR, 'read', 'Case', 'province', { clause: 'D§1' })),
      smallest: 'Smallest combination (1 role): PROVINCE_OPERATOR held for province P (110000000000)',
    },
    {
      id: 'power.neverAlone',
      how: 'ADMIN allowed to edit role grants',
      edit: adding(row(Role.ADMIN, 'update', 'RoleGrant', 'district', { clause: 'D§14' })),
      smallest: 'Smallest combination (1 role): ADMIN held for district D (110101000000)',
    },
    {
      id: 'grants.fromClauses',
      how: 'a row citing a clause the plan does not have',
      edit: adding(row(Role.AUDITOR, 'read', 'Settings', 'district', { clause: 'P9.9' })),
      smallest: 'Smallest combination (1 role): AUDITOR held for district D (110101000000)',
    },
    {
      id: 'workflow.noDeadSteps',
      how: 'a denial that takes filing away from the township caseworker',
      edit: adding(row(Role.TOWNSHIP_CASEWORKER, 'file', 'Case', 'township', { inverted: true, clause: 'P3.1' })),
      smallest: 'Smallest combination: none (no combination of roles can do it)',
    },
  ];

  it('break each invariant in the table of breaks', () => {
    expect(BREAKS.map((b) => b.id).sort()).toEqual(INVARIANTS.map((i) => i.id).sort());
  });

  it.each(BREAKS)('$id is reported with the row and the smallest combination when broken by $how', ({ id, edit, smallest, subjects }) => {
    const { text, status, rowNumber } = checkWith(id, edit, subjects);
    expect(status).toBe('VIOLATED');
    expect(text).toContain(`✗ ${id}`);
    expect(text).toContain(smallest);
    expect(text).toContain(`row #${rowNumber}:`);
  });
});

describe('policyInvariants over GraphQL, for the audit console (issue #17)', () => {
  const t = useTestApp({ demo: true });

  const QUERY = '{ policyInvariants { invariantId clause text status combination rows { role action subject } violation note } }';

  it.each(['auditor', 'district.officer', 'admin'])(
    'answers %s (who may explain any account of the district) in Chinese first',
    async (username) => {
      const { policyInvariants } = await as(t, username, QUERY);
      expect(policyInvariants.map((i: { invariantId: string }) => i.invariantId)).toEqual(INVARIANTS.map((i) => i.id));
      const decideAndPay = policyInvariants.find((i: { invariantId: string }) => i.invariantId === 'duties.decideAndPay');
      expect(decideAndPay).toMatchObject({ clause: 'D§6, D§10', status: 'HOLDS', combination: [], rows: [], violation: null });
      expect(decideAndPay.text).toContain('任何账号都不能既对案件作出审批决定');
      const bank = policyInvariants.find((i: { invariantId: string }) => i.invariantId === 'duties.changeAndConfirmBankAccount');
      expect(bank).toMatchObject({ clause: 'D§10, D§14', status: 'HOLDS', combination: [], rows: [], violation: null });
    },
  );

  it('answers in English on request', async () => {
    const result = await t.gql(QUERY, {}, await t.login('auditor'), { 'Accept-Language': 'en' });
    expect(result.data!.policyInvariants[0].text).toBe(INVARIANTS[0].text.en);
  });

  it.each(['hexi.head', 'hexi.caseworker', 'finance', 'poverty', 'dept.tax', 'va.101201'])(
    'refuses %s, who may explain only its own account (P4.3, P4.4, D§2)',
    async (username) => {
      const result = await t.gql(QUERY, {}, await t.login(username));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.data?.policyInvariants ?? null).toBeNull();
    },
  );
});
