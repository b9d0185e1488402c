import { Role } from '../permissions/roles';
import { DEMO_ACCOUNTS } from '../src/seed/demo-district';
import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { householdInput } from './support/households';
import { accountIdOf, as } from './support/workflow';

/**
 * Issue #16, "view as": an auditor looks at the API exactly as another account of its district sees
 * it, read-only, for the district's `viewAsMinutes`, every request audited naming both accounts.
 */

const VIEW_AS = 'mutation($input: ViewAsInput!) { viewAs(input: $input) { token expiresAt account { username } viewer { username } } }';
const ASSISTANT = 'va.101201';

describe('viewAs', () => {
  // A second auditor, for the test that takes the power away.
  const auditor2 = { username: 'auditor2', displayName: 'Second auditor', regionCode: '510199000000', roles: [Role.AUDITOR] };
  const t = useTestApp({ fixture: { regions: OTHER_DISTRICT.regions, accounts: [...OTHER_DISTRICT.accounts, auditor2] } });
  let assistantId: string;

  beforeAll(async () => {
    assistantId = await accountIdOf(t, ASSISTANT);
  });

  async function viewAs(username: string, accountId: string) {
    return t.gql(VIEW_AS, { input: { accountId } }, await t.login(username));
  }

  it('gives the auditor a short-lived token that sees what the viewed account sees, and nothing more', async () => {
    const started = Date.now();
    const result = await viewAs('auditor', assistantId);
    expect(result.errors).toBeUndefined();
    const { token, expiresAt, account, viewer } = result.data!.viewAs;
    expect(account.username).toBe(ASSISTANT);
    expect(viewer.username).toBe('auditor');
    // The district's default viewAsMinutes (15).
    const minutes = (new Date(expiresAt).getTime() - started) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);

    const me = await t.gql('{ me { username roles { role regionCode } } }', {}, token);
    expect(me.data!.me).toEqual({ username: ASSISTANT, roles: [{ role: 'VILLAGE_ASSISTANT', regionCode: '510199101201' }] });
    // The assistant reads no audit log; the auditor would.
    const log = await t.gql('{ auditLog(first: 1) { totalCount } }', {}, token);
    expect(codeOf(log)).toBe('FORBIDDEN');
    const asAuditor = await t.gql('{ auditLog(first: 1) { totalCount } }', {}, await t.login('auditor'));
    expect(asAuditor.errors).toBeUndefined();
  });

  it('refuses every mutation under the token, with a coded error, and logs the refusal naming both accounts', async () => {
    const { token } = (await viewAs('auditor', assistantId)).data!.viewAs;
    const attempt = await t.gql(
      'mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id } } }',
      { input: householdInput('510199101201') },
      token,
    );
    expect(codeOf(attempt)).toBe('FORBIDDEN');
    expect(messageKeyOf(attempt)).toBe('viewAs.readOnly');
    expect(attempt.status).toBe(403);
    // Nothing was written: the assistant itself sees no household.
    const households = await as(t, ASSISTANT, '{ households(first: 5) { totalCount } }');
    expect(households.households.totalCount).toBe(0);
    // Nor can the token start another view, or change the password behind it.
    const again = await t.gql(VIEW_AS, { input: { accountId: assistantId } }, token);
    expect(messageKeyOf(again)).toBe('viewAs.readOnly');
    const password = await t.gql(
      'mutation { changePassword(input: { currentPassword: "x", newPassword: "yyyyyyyyyy" }) { token } }',
      {},
      token,
    );
    expect(messageKeyOf(password)).toBe('viewAs.readOnly');

    const denied = await as(
      t,
      'auditor',
      '{ auditLog(first: 10, filter: { kind: DENIED, actorUsername: "auditor" }) { nodes { action reason details subjectId } } }',
    );
    const refusal = denied.auditLog.nodes.find((n: { details: { fields?: string[] } }) => n.details?.fields?.includes('createHousehold'));
    expect(refusal).toMatchObject({ action: 'mutation', details: { viewedAs: ASSISTANT } });
    expect(refusal.subjectId).toBe(assistantId);
  });

  it('audits the start and every read made under the token, naming the account looking and the account viewed', async () => {
    const { token } = (await viewAs('auditor', assistantId)).data!.viewAs;
    await t.gql('query Look { cases(first: 1) { totalCount } me { username } }', {}, token);
    const log = await as(
      t,
      'auditor',
      '{ auditLog(first: 20, filter: { kind: VIEW_AS }) { nodes { action actorUsername subjectId details } } }',
    );
    const entries = log.auditLog.nodes as { action: string; actorUsername: string; subjectId: string; details: Record<string, unknown> }[];
    expect(entries.every((e) => e.actorUsername === 'auditor' && e.subjectId === assistantId && e.details.viewedAs === ASSISTANT)).toBe(
      true,
    );
    expect(entries.find((e) => e.details.operation === 'Look')).toMatchObject({ action: 'read', details: { fields: ['cases', 'me'] } });
    expect(entries.some((e) => e.action === 'viewAs')).toBe(true);
  });

  it('lasts the district setting, never longer', async () => {
    await as(t, 'district.officer', 'mutation { updateSetting(input: { key: "viewAsMinutes", value: 2 }) { settings { districtCode } } }');
    const started = Date.now();
    const { expiresAt } = (await viewAs('auditor', assistantId)).data!.viewAs;
    expect((new Date(expiresAt).getTime() - started) / 60_000).toBeLessThanOrEqual(2.1);
    const tooLong = await t.gql(
      'mutation { updateSetting(input: { key: "viewAsMinutes", value: 600 }) { settings { districtCode } } }',
      {},
      await t.login('district.officer'),
    );
    expect(codeOf(tooLong)).toBe('BAD_USER_INPUT');
  });

  it('is refused to every other role, for oneself, and for an account of another district', async () => {
    const others = DEMO_ACCOUNTS.filter((a) => !a.roles.includes(Role.AUDITOR)).map((a) => a.username);
    // One account of each other role is enough: the refusal comes from the type-level check.
    const byRole = new Map<Role, string>();
    for (const account of DEMO_ACCOUNTS) for (const role of account.roles) if (!byRole.has(role)) byRole.set(role, account.username);
    for (const [role, username] of byRole) {
      if (role === Role.AUDITOR) continue;
      expect(others).toContain(username);
      const result = await viewAs(username, assistantId);
      expect([role, codeOf(result)]).toEqual([role, 'FORBIDDEN']);
    }
    const self = await viewAs('auditor', await accountIdOf(t, 'auditor'));
    expect(codeOf(self)).toBe('FORBIDDEN');
    const neighbourId = (await as(t, 'other.admin', '{ me { id } }')).me.id;
    const elsewhere = await viewAs('auditor', neighbourId);
    expect(codeOf(elsewhere)).toBe('NOT_FOUND');
  });

  it('ends as soon as the account looking loses the power to view', async () => {
    const { token } = (await viewAs('auditor2', assistantId)).data!.viewAs;
    expect((await t.gql('{ me { username } }', {}, token)).data!.me.username).toBe(ASSISTANT);
    const auditorId = await accountIdOf(t, 'auditor2');
    const grants = await as(t, 'district.officer', 'query($id: ID) { roleGrants(accountId: $id) { nodes { id role } } }', {
      id: auditorId,
    });
    const grant = grants.roleGrants.nodes.find((g: { role: string }) => g.role === 'AUDITOR');
    await as(t, 'district.officer', 'mutation($input: RevokeRoleGrantInput!) { revokeRoleGrant(input: $input) { roleGrant { id } } }', {
      input: { roleGrantId: grant.id },
    });
    const result = await t.gql('{ me { username } }', {}, token);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(messageKeyOf(result)).toBe('auth.viewAs.noLongerAllowed');
  });

  // Last: it invalidates the auditor's own sign-in.
  it('ends as soon as the password of the account looking changes', async () => {
    const { token } = (await viewAs('auditor', assistantId)).data!.viewAs;
    await t.dataSource.query("UPDATE accounts SET credentials_version = credentials_version + 1 WHERE username = 'auditor'");
    const result = await t.gql('{ me { username } }', {}, token);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(messageKeyOf(result)).toBe('auth.token.passwordChanged');
  });
});
