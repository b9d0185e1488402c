/**
 * A replica remembers the actor behind each signed-in token (issue #14) and checks only its
 * district's authority epoch on each request; a change of who may do what, made through another
 * replica on the same database or directly in SQL, is refused on the very next request (D§14: the
 * power ends from its revocation; a deactivated account signs nothing).
 */
import { toGlobalId } from '../src/graphql/node';
import { codeOf, startTestApp, TestApp } from './support/harness';
import { householdWithCase } from './support/households';

let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({ sharing: a });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const CASES = '{ cases(first: 1) { totalCount } }';
const ROLES = '{ me { roles { role regionCode } } }';

async function grantOf(username: string, role: string): Promise<string> {
  const [row] = await a.dataSource.query<{ id: string }[]>(
    'SELECT g.id FROM role_grants g JOIN accounts a ON a.id = g.account_id WHERE a.username = $1 AND g.role = $2',
    [username, role],
  );
  return toGlobalId('RoleGrant', `${'510199000000'}:${row.id}`);
}

it('a signed-in request reads one statement for its actor once the token is known', async () => {
  const token = await a.login('hexi.caseworker2');
  const first = await b.gql('{ __typename }', {}, token);
  const again = await b.gql('{ __typename }', {}, token);
  expect([first.status, again.status]).toEqual([200, 200]);
  expect(again.statements).toBe(1);
  expect(first.statements).toBeGreaterThanOrEqual(again.statements);
});

it('a role grant revoked through one replica is refused by the other on its next request (D§14)', async () => {
  const token = await a.login('hexi.caseworker');
  // The other replica knows the token and its roles, twice over.
  expect((await b.gql(CASES, {}, token)).errors).toBeUndefined();
  expect((await b.gql(CASES, {}, token)).errors).toBeUndefined();
  const grant = await grantOf('hexi.caseworker', 'TOWNSHIP_CASEWORKER');
  const revoked = await a.gql(
    'mutation($g: ID!) { revokeRoleGrant(input: { roleGrantId: $g }) { roleGrant { revokedFrom } } }',
    { g: grant },
    await a.login('hexi.head'),
  );
  expect(revoked.errors).toBeUndefined();
  expect(codeOf(await b.gql(CASES, {}, token))).toBe('FORBIDDEN');
});

it('a revocation dated a moment ahead takes effect at that moment, with no write then', async () => {
  const token = await a.login('hexi.caseworker3');
  expect((await b.gql(CASES, {}, token)).errors).toBeUndefined();
  const grant = await grantOf('hexi.caseworker3', 'TOWNSHIP_CASEWORKER');
  const at = new Date(Date.now() + 1500);
  const revoked = await a.gql(
    'mutation($g: ID!, $at: DateTime) { revokeRoleGrant(input: { roleGrantId: $g, effectiveAt: $at }) { roleGrant { revokedFrom } } }',
    { g: grant, at: at.toISOString() },
    await a.login('hexi.head'),
  );
  expect(revoked.errors).toBeUndefined();
  expect((await b.gql(CASES, {}, token)).errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 100));
  expect(codeOf(await b.gql(CASES, {}, token))).toBe('FORBIDDEN');
});

it('an account deactivated through one replica is refused by the other on its next request', async () => {
  const token = await a.login('hexi.member4');
  expect((await b.gql(ROLES, {}, token)).errors).toBeUndefined();
  expect((await b.gql(ROLES, {}, token)).errors).toBeUndefined();
  const [{ id }] = await a.dataSource.query<{ id: string }[]>("SELECT id FROM accounts WHERE username = 'hexi.member4'");
  const deactivated = await a.gql(
    'mutation($a: ID!) { setAccountActive(input: { accountId: $a, active: false }) { account { active } } }',
    { a: toGlobalId('Account', id) },
    await a.login('admin'),
  );
  expect(deactivated.errors).toBeUndefined();
  const refused = await b.gql(ROLES, {}, token);
  expect(refused.status).toBe(401);
  expect(codeOf(refused)).toBe('UNAUTHENTICATED');
});

it('a delegation recorded directly in SQL changes what the other replica lets the township head decide, at once (D§13)', async () => {
  const { case: shiqiaoCase } = await householdWithCase(a, 'va.102201', '510199102201', 'DIBAO', '石大山');
  const token = await a.login('shiqiao.head');
  const explain = `{ explainPermission(action: decide, subjectType: Case, subjectId: "${shiqiaoCase.id}") { failedConditions } }`;
  const before = await b.gql(explain, {}, token, { 'accept-language': 'en' });
  expect(before.errors).toBeUndefined();
  expect(JSON.stringify(before.data)).toMatch(/delegation in force/);
  expect((await b.gql(explain, {}, token, { 'accept-language': 'en' })).data).toEqual(before.data);
  await a.dataSource.query(
    `INSERT INTO delegations (district_code, township_code, kind, programme, effective_from, document_reference, created_by_id)
     SELECT '510199000000', '510199102000', 'GRANT', 'DIBAO', current_date - 1, 'test', id FROM accounts WHERE username = 'district.officer'`,
  );
  const after = await b.gql(explain, {}, token, { 'accept-language': 'en' });
  expect(JSON.stringify(after.data)).not.toMatch(/delegation in force/);
});
