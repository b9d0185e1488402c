/**
 * Role grants as records (D§14): a proposal grants nothing; the power appears when the right
 * second account confirms it and ends from the date of its revocation; no account grants itself.
 */
import { toGlobalId } from '../src/graphql/node';
import { codeOf, useTestApp } from './support/harness';

const t = useTestApp();

const DISTRICT = '510199000000';
const HEXI = '510199101000';
const GRANT_FIELDS = 'id role regionCode proposedAs confirmedAt revokedFrom proposedBy { username } confirmedBy { username }';
const PROPOSE = `mutation($a: ID!, $r: Role!, $c: String!) { proposeRoleGrant(input: { accountId: $a, role: $r, regionCode: $c }) { roleGrant { ${GRANT_FIELDS} } } }`;
const CONFIRM = `mutation($g: ID!) { confirmRoleGrant(input: { roleGrantId: $g }) { roleGrant { ${GRANT_FIELDS} } } }`;
const REVOKE = `mutation($g: ID!, $at: DateTime) { revokeRoleGrant(input: { roleGrantId: $g, effectiveAt: $at }) { roleGrant { ${GRANT_FIELDS} } } }`;
const GRANTS_AT = `query($a: ID!, $at: DateTime) { roleGrants(accountId: $a, at: $at) { nodes { ${GRANT_FIELDS} } } }`;

async function accountId(username: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT id FROM accounts WHERE username = $1', [username]);
  return toGlobalId('Account', row.id);
}

async function rolesOf(username: string): Promise<string[]> {
  const result = await t.gql('{ me { roles { role regionCode } } }', {}, await t.login(username));
  return result.data!.me.roles.map((r: { role: string; regionCode: string }) => `${r.role}@${r.regionCode}`).sort();
}

async function propose(as: string, username: string, role: string, regionCode: string) {
  return t.gql(PROPOSE, { a: await accountId(username), r: role, c: regionCode }, await t.login(as));
}

describe('a district-tier role (D§14)', () => {
  let grantId: string;

  it('proposed by ADMIN alone grants nothing, and ADMIN cannot confirm it', async () => {
    const proposed = await propose('admin', 'poverty', 'AUDITOR', DISTRICT);
    expect(proposed.errors).toBeUndefined();
    grantId = proposed.data!.proposeRoleGrant.roleGrant.id;
    expect(proposed.data!.proposeRoleGrant.roleGrant).toMatchObject({
      proposedAs: 'ADMIN',
      confirmedAt: null,
      proposedBy: { username: 'admin' },
    });
    expect(await rolesOf('poverty')).toEqual([`POVERTY_OFFICER@${DISTRICT}`]);
    expect(codeOf(await t.gql(CONFIRM, { g: grantId }, await t.login('admin')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ auditLog(first: 1) { totalCount } }', {}, await t.login('poverty')))).toBe('FORBIDDEN');
  });

  it('is held once a district officer confirms it, with both accounts on record', async () => {
    const confirmed = await t.gql(CONFIRM, { g: grantId }, await t.login('district.officer'));
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmRoleGrant.roleGrant).toMatchObject({
      proposedBy: { username: 'admin' },
      confirmedBy: { username: 'district.officer' },
    });
    expect(await rolesOf('poverty')).toEqual([`AUDITOR@${DISTRICT}`, `POVERTY_OFFICER@${DISTRICT}`]);
    expect((await t.gql('{ auditLog(first: 1) { totalCount } }', {}, await t.login('poverty'))).errors).toBeUndefined();
    expect(codeOf(await t.gql(CONFIRM, { g: grantId }, await t.login('district.officer')))).toBe('CONFLICT');
  });

  it('ends from the date of its revocation, and the history still answers who held it before, on whose grant', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const revoked = await t.gql(REVOKE, { g: grantId, at: null }, await t.login('district.officer'));
    expect(revoked.errors).toBeUndefined();
    expect(await rolesOf('poverty')).toEqual([`POVERTY_OFFICER@${DISTRICT}`]);
    const poverty = await accountId('poverty');
    const then = await t.gql(GRANTS_AT, { a: poverty, at: before }, await t.login('auditor'));
    expect(then.data!.roleGrants.nodes.map((g: { role: string }) => g.role).sort()).toEqual(['AUDITOR', 'POVERTY_OFFICER']);
    expect(then.data!.roleGrants.nodes.find((g: { role: string }) => g.role === 'AUDITOR')).toMatchObject({
      proposedBy: { username: 'admin' },
      confirmedBy: { username: 'district.officer' },
    });
    const now = await t.gql(GRANTS_AT, { a: poverty, at: new Date().toISOString() }, await t.login('auditor'));
    expect(now.data!.roleGrants.nodes.map((g: { role: string }) => g.role)).toEqual(['POVERTY_OFFICER']);
  });

  it('answers who held a role in a township on a date, and on whose grant', async () => {
    const heads = await t.gql(
      'query($at: DateTime) { roleGrants(role: TOWNSHIP_HEAD, regionCode: "510199101000", at: $at) { nodes { proposedAs account { username } } } }',
      { at: new Date().toISOString() },
      await t.login('auditor'),
    );
    expect(heads.data!.roleGrants.nodes).toEqual([{ proposedAs: 'SEED', account: { username: 'hexi.head' } }]);
    const before = await t.gql(
      '{ roleGrants(role: TOWNSHIP_HEAD, regionCode: "510199101000", at: "2020-01-01T00:00:00Z") { totalCount } }',
      {},
      await t.login('auditor'),
    );
    expect(before.data!.roleGrants.totalCount).toBe(0);
  });

  it('the seeded roles are grants made by the seed', async () => {
    const seeded = await t.gql(GRANTS_AT, { a: await accountId('finance'), at: null }, await t.login('finance'));
    expect(seeded.data!.roleGrants.nodes).toEqual([
      expect.objectContaining({ role: 'FINANCE_OFFICER', proposedAs: 'SEED', proposedBy: null, confirmedBy: null }),
    ]);
  });
});

describe('no account grants a power to itself (D§14)', () => {
  it('ADMIN cannot propose a role for itself', async () => {
    expect(codeOf(await propose('admin', 'admin', 'DISTRICT_OFFICER', DISTRICT))).toBe('FORBIDDEN');
  });

  it('an account cannot confirm a grant made for itself', async () => {
    const proposed = await propose('admin', 'district.officer', 'AUDITOR', DISTRICT);
    expect(codeOf(await t.gql(CONFIRM, { g: proposed.data!.proposeRoleGrant.roleGrant.id }, await t.login('district.officer')))).toBe(
      'FORBIDDEN',
    );
    expect(await rolesOf('district.officer')).toEqual([`DISTRICT_OFFICER@${DISTRICT}`]);
  });

  it('the township head cannot confirm its own proposal; ADMIN, the other side, can', async () => {
    const proposed = await propose('hexi.head', 'hexi.member1', 'TOWNSHIP_CASEWORKER', HEXI);
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeRoleGrant.roleGrant.id;
    expect(codeOf(await t.gql(CONFIRM, { g: id }, await t.login('hexi.head')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CONFIRM, { g: id }, await t.login('district.officer')))).toBe('FORBIDDEN');
    expect((await t.gql(CONFIRM, { g: id }, await t.login('admin'))).errors).toBeUndefined();
    expect(await rolesOf('hexi.member1')).toEqual([`COMMITTEE_MEMBER@${HEXI}`, `TOWNSHIP_CASEWORKER@${HEXI}`]);
  });

  it('a township role ADMIN proposed is confirmed by that township head, not by another', async () => {
    const proposed = await propose('admin', 'hexi.member2', 'TOWNSHIP_CASEWORKER', HEXI);
    const id = proposed.data!.proposeRoleGrant.roleGrant.id;
    expect(codeOf(await t.gql(CONFIRM, { g: id }, await t.login('admin')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CONFIRM, { g: id }, await t.login('shiqiao.head')))).toBe('NOT_FOUND');
    expect((await t.gql(CONFIRM, { g: id }, await t.login('hexi.head'))).errors).toBeUndefined();
  });

  it('a township head cannot propose a district-tier role', async () => {
    expect(codeOf(await propose('hexi.head', 'hexi.member3', 'DISTRICT_OFFICER', DISTRICT))).toBe('FORBIDDEN');
  });
});

describe('every other tier is refused each grant mutation (D§14)', () => {
  const OTHERS = ['va.101202', 'hexi.caseworker', 'hexi.member3', 'finance', 'auditor', 'poverty', 'dept.tax'];

  it.each(OTHERS)('%s cannot propose a role', async (username) => {
    expect(codeOf(await propose(username, 'hexi.caseworker3', 'COMMITTEE_MEMBER', HEXI))).toBe('FORBIDDEN');
  });

  it.each(OTHERS)('%s cannot confirm or revoke a grant', async (username) => {
    const proposed = await propose('admin', 'hexi.caseworker3', 'COMMITTEE_MEMBER', HEXI);
    const id = proposed.data!.proposeRoleGrant.roleGrant.id;
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await t.gql(CONFIRM, { g: id }, await t.login(username))));
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await t.gql(REVOKE, { g: id, at: null }, await t.login(username))));
  });
});
