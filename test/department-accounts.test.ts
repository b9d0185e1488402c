import { codeOf, messageKeyOf, TestApp, useTestApp } from './support/harness';
import { as } from './support/workflow';

/** D§7, issue 11 item 7: an integration account answers data checks for its department, so it is
 * created, and given the DEPARTMENT role, only for a department the district lists and has switched
 * on; anything else is refused naming the field, and nothing changes. */
const t = useTestApp();

const DISTRICT = '510199000000';
const CREATE = `mutation($u: String!, $d: Department) { createAccount(input: { username: $u, displayName: "部门接口", regionCode: "${DISTRICT}", departmentCode: $d }) {
  account { id username departmentCode } } }`;
const SET_DEPARTMENT = `mutation($i: SetVerificationDepartmentInput!) { setVerificationDepartment(input: $i) { settings { verificationDepartments { department active } } } }`;
const PROPOSE = `mutation($a: ID!) { proposeRoleGrant(input: { accountId: $a, role: DEPARTMENT, regionCode: "${DISTRICT}" }) { roleGrant { id } } }`;
const CONFIRM = 'mutation($g: ID!) { confirmRoleGrant(input: { roleGrantId: $g }) { roleGrant { id confirmedAt } } }';

const fieldOf = (result: Awaited<ReturnType<TestApp['gql']>>) => result.errors?.[0]?.extensions?.field;
const count = async (sql: string, params: unknown[]) => (await t.dataSource.query(sql, params))[0].n as number;
const accountsNamed = (username: string) => count('SELECT count(*)::int AS n FROM accounts WHERE username = $1', [username]);
const auditedCreations = (username: string) =>
  count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'createAccount' AND details->>'username' = $1`, [username]);
const grantsOf = (username: string) =>
  count('SELECT count(*)::int AS n FROM role_grants g JOIN accounts a ON a.id = g.account_id WHERE a.username = $1', [username]);
const confirmationsOf = (username: string) =>
  count(
    `SELECT count(*)::int AS n FROM role_grant_acts x JOIN role_grants g ON g.district_code = x.district_code AND g.id = x.grant_id
     JOIN accounts a ON a.id = g.account_id WHERE a.username = $1 AND x.kind = 'CONFIRM'`,
    [username],
  );
const setDepartment = (department: string, active: boolean) =>
  as(t, 'district.officer', SET_DEPARTMENT, { i: { department, findings: '优抚对象身份及待遇 (veteran status and benefits)', active } });

describe("an integration account's department (D§7)", () => {
  it('is refused at creation when the district has it switched off or does not list it, naming departmentCode; nothing is created', async () => {
    // Veterans affairs is listed but switched off in a new district.
    const off = await t.gql(CREATE, { u: 'dept.veterans.off', d: 'VETERANS' }, await t.login('admin'));
    expect([codeOf(off), fieldOf(off), messageKeyOf(off)]).toEqual(['BAD_USER_INPUT', 'departmentCode', 'catalogue.department.notInUse']);
    expect([await accountsNamed('dept.veterans.off'), await auditedCreations('dept.veterans.off')]).toEqual([0, 0]);

    // A department the district does not list at all.
    await t.dataSource.query(`DELETE FROM verification_departments WHERE district_code = $1 AND department = 'EDUCATION'`, [DISTRICT]);
    const unlisted = await t.gql(CREATE, { u: 'dept.education', d: 'EDUCATION' }, await t.login('admin'));
    expect([codeOf(unlisted), fieldOf(unlisted), messageKeyOf(unlisted)]).toEqual([
      'BAD_USER_INPUT',
      'departmentCode',
      'catalogue.department.notInUse',
    ]);
    expect([await accountsNamed('dept.education'), await auditedCreations('dept.education')]).toEqual([0, 0]);

    // A department in use, and an account of no department, are created.
    const tax = await t.gql(CREATE, { u: 'dept.tax2', d: 'TAX' }, await t.login('admin'));
    expect(tax.errors).toBeUndefined();
    expect(tax.data!.createAccount.account).toMatchObject({ username: 'dept.tax2', departmentCode: 'TAX' });
    const plain = await t.gql(CREATE, { u: 'no.department', d: null }, await t.login('admin'));
    expect(plain.errors).toBeUndefined();
  });

  it('is checked again when the account is given the DEPARTMENT role: proposed or confirmed only while the department is in use', async () => {
    await setDepartment('VETERANS', true);
    const created = await t.gql(CREATE, { u: 'dept.veterans', d: 'VETERANS' }, await t.login('admin'));
    expect(created.errors).toBeUndefined();
    const accountId = created.data!.createAccount.account.id;
    const proposed = (await as(t, 'admin', PROPOSE, { a: accountId })).proposeRoleGrant.roleGrant;

    // Switched off between proposal and confirmation: the confirmation is refused and records nothing.
    await setDepartment('VETERANS', false);
    const confirmOff = await t.gql(CONFIRM, { g: proposed.id }, await t.login('district.officer'));
    expect([codeOf(confirmOff), fieldOf(confirmOff), messageKeyOf(confirmOff)]).toEqual([
      'BAD_USER_INPUT',
      'roleGrantId',
      'account.department.notInUse',
    ]);
    expect(await confirmationsOf('dept.veterans')).toBe(0);
    // Nor can it be proposed afresh while off.
    const proposeOff = await t.gql(PROPOSE, { a: accountId }, await t.login('admin'));
    expect([codeOf(proposeOff), fieldOf(proposeOff), messageKeyOf(proposeOff)]).toEqual([
      'BAD_USER_INPUT',
      'accountId',
      'account.department.notInUse',
    ]);
    expect(await grantsOf('dept.veterans')).toBe(1);

    // Switched on again, the same grant is confirmed.
    await setDepartment('VETERANS', true);
    const confirmed = (await as(t, 'district.officer', CONFIRM, { g: proposed.id })).confirmRoleGrant.roleGrant;
    expect(confirmed.confirmedAt).toEqual(expect.any(String));
    expect(await confirmationsOf('dept.veterans')).toBe(1);
  });

  it("makes and empowers a bank's account even while the district does not ask banks about deposits: it also sends payment results (D§10)", async () => {
    await setDepartment('BANK', false);
    const created = await t.gql(CREATE, { u: 'dept.bank2', d: 'BANK' }, await t.login('admin'));
    expect(created.errors).toBeUndefined();
    const proposed = (await as(t, 'admin', PROPOSE, { a: created.data!.createAccount.account.id })).proposeRoleGrant.roleGrant;
    await as(t, 'district.officer', CONFIRM, { g: proposed.id });
    expect(await confirmationsOf('dept.bank2')).toBe(1);
  });
});
