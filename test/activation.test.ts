/**
 * New accounts (D§14): ADMIN creates an account without roles or password; its holder chooses the
 * password with a one-time code that expires; ADMIN alone cannot give it a district-tier role.
 */
import { codeOf, messageKeyOf, useTestApp } from './support/harness';

const t = useTestApp();

const CREATE = `mutation($u: String!, $d: Department) { createAccount(input: { username: $u, displayName: "新人", regionCode: "510199000000", departmentCode: $d }) {
  activationCode account { id username roles { role } } } }`;
const ACTIVATE = `mutation($u: String!, $c: String!, $p: String!) { activateAccount(input: { username: $u, code: $c, password: $p }) {
  token account { username roles { role } } } }`;
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

async function created(username: string, departmentCode?: string): Promise<{ id: string; code: string }> {
  const result = await t.gql(CREATE, { u: username, d: departmentCode ?? null }, await t.login('admin'));
  expect(result.errors).toBeUndefined();
  expect(result.data!.createAccount.account.roles).toEqual([]);
  return { id: result.data!.createAccount.account.id, code: result.data!.createAccount.activationCode };
}

describe('a new account (D§14)', () => {
  it('cannot be given a password or roles by ADMIN: the input has no such fields', async () => {
    const withPassword = await t.gql(
      'mutation { createAccount(input: { username: "x.pw", displayName: "x", regionCode: "510199000000", password: "chosen-by-admin" }) { account { id } } }',
      {},
      await t.login('admin'),
    );
    expect(codeOf(withPassword)).toBe('GRAPHQL_VALIDATION_FAILED');
    const withRoles = await t.gql(
      'mutation { createAccount(input: { username: "x.roles", displayName: "x", regionCode: "510199000000", roles: [{ role: DISTRICT_OFFICER, regionCode: "510199000000" }] }) { account { id } } }',
      {},
      await t.login('admin'),
    );
    expect(codeOf(withRoles)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('signs in only after its holder chooses a password with the one-time code, which works once', async () => {
    const { code } = await created('new.holder');
    const [row] = await t.dataSource.query("SELECT password_hash, activation_code_hash FROM accounts WHERE username = 'new.holder'");
    expect(row.password_hash).toBeNull();
    expect(row.activation_code_hash).not.toContain(code);
    expect(codeOf(await t.gql(ACTIVATE, { u: 'new.holder', c: 'wrong-code-00', p: 'my-own-password' }))).toBe('UNAUTHENTICATED');
    const activated = await t.gql(ACTIVATE, { u: 'new.holder', c: code, p: 'my-own-password' });
    expect(activated.errors).toBeUndefined();
    expect(activated.data!.activateAccount.account).toEqual({ username: 'new.holder', roles: [] });
    expect((await t.gql(LOGIN, { u: 'new.holder', p: 'my-own-password' })).errors).toBeUndefined();
    const again = await t.gql(ACTIVATE, { u: 'new.holder', c: code, p: 'someone-elses-pw' });
    expect(messageKeyOf(again)).toBe('auth.activation.failed');
  });

  it('cannot be activated after its code expires', async () => {
    const { code } = await created('late.holder');
    await t.dataSource.query("UPDATE accounts SET activation_expires_at = now() - interval '1 second' WHERE username = 'late.holder'");
    expect(messageKeyOf(await t.gql(ACTIVATE, { u: 'late.holder', c: code, p: 'my-own-password' }))).toBe('auth.activation.failed');
  });

  it('gets a district-tier role only when a district officer confirms ADMIN’s proposal', async () => {
    const { id, code } = await created('new.officer');
    const { token } = (await t.gql(ACTIVATE, { u: 'new.officer', c: code, p: 'my-own-password' })).data!.activateAccount;
    const proposed = await t.gql(
      'mutation($a: ID!) { proposeRoleGrant(input: { accountId: $a, role: DISTRICT_OFFICER, regionCode: "510199000000" }) { roleGrant { id } } }',
      { a: id },
      await t.login('admin'),
    );
    const grant = proposed.data!.proposeRoleGrant.roleGrant.id;
    const confirm = 'mutation($g: ID!) { confirmRoleGrant(input: { roleGrantId: $g }) { roleGrant { id } } }';
    expect(codeOf(await t.gql(confirm, { g: grant }, await t.login('admin')))).toBe('FORBIDDEN');
    // Without a confirmed grant it holds no power at all, not even reading its own account.
    expect((await t.gql('{ me { roles { role } } }', {}, token)).data!.me).toBeNull();
    expect((await t.gql(confirm, { g: grant }, await t.login('district.officer'))).errors).toBeUndefined();
    expect((await t.gql('{ me { roles { role } } }', {}, token)).data!.me.roles).toEqual([{ role: 'DISTRICT_OFFICER' }]);
  });

  it.each(['district.officer', 'hexi.head', 'hexi.caseworker', 'va.101201', 'auditor', 'finance', 'poverty', 'dept.tax'])(
    'cannot be created by %s',
    async (username) => {
      expect(codeOf(await t.gql(CREATE, { u: `by.${username.replace(/\./g, '-')}` }, await t.login(username)))).toBe('FORBIDDEN');
    },
  );
});
