import { codeOf, TestApp, useTestApp } from './support/harness';
import { householdInput } from './support/households';
import { apply, as, stepOk } from './support/workflow';

/** Issue 11 item 7, D§6, D§7: the verification departments a district uses and its LINSHI cause
 * categories are the district's data, kept by the district officer, and what requests are checked against. */
const t = useTestApp();

const CATALOGUES = '{ settings { verificationDepartments { department findings active } linshiCauseCategories { code name active } } }';
const SET_DEPARTMENT = `mutation($i: SetVerificationDepartmentInput!) { setVerificationDepartment(input: $i) {
  settings { verificationDepartments { department findings active } } } }`;
const SET_CATEGORY = `mutation($i: SetLinshiCauseCategoryInput!) { setLinshiCauseCategory(input: $i) {
  settings { linshiCauseCategories { code name active } } } }`;
const OTHER_TIERS = ['admin', 'va.101201', 'hexi.caseworker', 'hexi.member1', 'hexi.head', 'finance', 'auditor', 'poverty', 'dept.tax'];
const fieldOf = (result: Awaited<ReturnType<TestApp['gql']>>) => result.errors?.[0]?.extensions?.field;
const auditCount = async (action: string) =>
  (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0].n as number;

describe('verification departments (D§7)', () => {
  it('start as the five every verification went to, with veterans affairs, the disabled persons’ federation and education listed; every tier reads them', async () => {
    for (const username of ['district.officer', 'va.101201', 'hexi.head']) {
      const { verificationDepartments } = (await as(t, username, CATALOGUES)).settings;
      expect(verificationDepartments.filter((d: { active: boolean }) => d.active).map((d: { department: string }) => d.department)).toEqual(
        ['BANK', 'HR_SOCIAL_SECURITY', 'MARKET_REGULATION', 'PUBLIC_SECURITY', 'TAX'],
      );
      expect(
        verificationDepartments.filter((d: { active: boolean }) => !d.active).map((d: { department: string }) => d.department),
      ).toEqual(['DISABLED_FEDERATION', 'EDUCATION', 'VETERANS']);
    }
  });

  it('are kept by the district officer, audited; every other tier is refused and nothing changes', async () => {
    const input = { department: 'VETERANS', findings: '优抚对象身份及待遇 (veteran status and benefits)', active: true };
    for (const username of OTHER_TIERS) {
      const refused = await t.gql(SET_DEPARTMENT, { i: input }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    expect(await auditCount('setVerificationDepartment')).toBe(0);
    const set = (await as(t, 'district.officer', SET_DEPARTMENT, { i: input })).setVerificationDepartment.settings;
    expect(set.verificationDepartments).toContainEqual(input);
    expect(await auditCount('setVerificationDepartment')).toBe(1);

    // A new verification goes to every department in use, veterans affairs now included.
    const { case: applied } = await apply(t, 'DIBAO', { head: '目录甲' });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
    const [request] = (
      await as(t, 'district.officer', 'query($c: ID!) { verificationRequests(caseId: $c) { nodes { id departments } } }', { c: applied.id })
    ).verificationRequests.nodes;
    expect(request.departments).toContain('VETERANS');

    // Approved for departments the district uses only: education is not in use, so it is refused naming the field.
    const APPROVE = `mutation($i: ApproveVerificationRequestInput!) { approveVerificationRequest(input: $i) {
      verificationRequest { status departments answers { departmentCode } } } }`;
    const unused = await t.gql(
      APPROVE,
      { i: { requestId: request.id, departments: ['TAX', 'EDUCATION'] } },
      await t.login('district.officer'),
    );
    expect([codeOf(unused), fieldOf(unused)]).toEqual(['BAD_USER_INPUT', 'departments']);
    const approved = (await as(t, 'district.officer', APPROVE, { i: { requestId: request.id, departments: ['TAX', 'VETERANS'] } }))
      .approveVerificationRequest.verificationRequest;
    expect(approved).toMatchObject({ status: 'DISPATCHED', departments: ['TAX', 'VETERANS'] });
    expect(approved.answers.map((a: { departmentCode: string }) => a.departmentCode).sort()).toEqual(['TAX', 'VETERANS']);

    await as(t, 'district.officer', SET_DEPARTMENT, { i: { ...input, active: false } });
  });
});

describe('LINSHI cause categories (D§6)', () => {
  const SUBMIT = 'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id causeCategory cause } } }';
  const household = async (head: string) =>
    (
      await as(t, 'va.101201', 'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }', {
        input: householdInput('510199101201', head, []),
      })
    ).createHousehold.household.id as string;

  it('are listed and retired by the district officer only; an application names one the district uses, or is refused naming causeCategory', async () => {
    const input = { code: 'ANIMAL_ATTACK', name: '动物伤害 (animal attack)', active: true };
    for (const username of OTHER_TIERS) {
      const refused = await t.gql(SET_CATEGORY, { i: input }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    const badCode = await t.gql(SET_CATEGORY, { i: { ...input, code: 'animal attack' } }, await t.login('district.officer'));
    expect([codeOf(badCode), fieldOf(badCode)]).toEqual(['BAD_USER_INPUT', 'code']);
    const listed = (await as(t, 'district.officer', SET_CATEGORY, { i: input })).setLinshiCauseCategory.settings;
    expect(listed.linshiCauseCategories).toContainEqual(input);
    expect(await auditCount('setLinshiCauseCategory')).toBe(1);

    const householdId = await household('目录乙');
    const application = (causeCategory?: string) => ({
      householdId,
      programme: 'LINSHI',
      channel: 'WINDOW',
      cause: '被狗咬伤 (bitten by a dog)',
      causeCategory,
    });
    const missing = await t.gql(SUBMIT, { input: application() }, await t.login('va.101201'));
    expect([codeOf(missing), fieldOf(missing)]).toEqual(['BAD_USER_INPUT', 'causeCategory']);
    const unknown = await t.gql(SUBMIT, { input: application('DOG_BITE') }, await t.login('va.101201'));
    expect([codeOf(unknown), fieldOf(unknown)]).toEqual(['BAD_USER_INPUT', 'causeCategory']);

    await as(t, 'district.officer', SET_CATEGORY, { i: { ...input, active: false } });
    const retired = await t.gql(SUBMIT, { input: application('ANIMAL_ATTACK') }, await t.login('va.101201'));
    expect([codeOf(retired), fieldOf(retired)]).toEqual(['BAD_USER_INPUT', 'causeCategory']);
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM cases WHERE applicant_name = '目录乙'"))[0].n).toBe(0);

    await as(t, 'district.officer', SET_CATEGORY, { i: input });
    const taken = (await as(t, 'va.101201', SUBMIT, { input: application('ANIMAL_ATTACK') })).submitApplication.case;
    expect(taken).toMatchObject({ causeCategory: 'ANIMAL_ATTACK', cause: '被狗咬伤 (bitten by a dog)' });
  });
});
