import { SignJWT } from 'jose';
import { Role } from '../permissions/roles';
import { createTokenSigner } from '../src/auth/tokens';
import { DEMO_ACCOUNTS } from '../src/seed/demo-district';
import { codeOf, DEMO_PASSWORD, JWT_SECRET_FOR_TESTS, messageKeyOf, useTestApp } from './support/harness';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt account { username } } }';
const ME = '{ me { username roles { role regionCode districtCode townshipCode villageCode } } }';

const t = useTestApp();

describe('signing in', () => {
  it('returns a signed, expiring token for the right password', async () => {
    const result = await t.gql(LOGIN, { u: 'hexi.caseworker', p: DEMO_PASSWORD });
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.account.username).toBe('hexi.caseworker');
    expect(result.data!.login.token.split('.')).toHaveLength(3);
    expect(new Date(result.data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await t.gql(LOGIN, { u: 'hexi.caseworker', p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { u: 'nobody.here', p: DEMO_PASSWORD });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(messageKeyOf(wrong)).toBe('auth.signIn.failed');
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const [row] = await t.dataSource.query("SELECT password_hash FROM accounts WHERE username = 'admin'");
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });
});

describe('sign-in throttling', () => {
  it('pauses sign-in for a username after five wrong passwords, even with the right one, saying for how long', async () => {
    for (let i = 0; i < 5; i += 1) expect(messageKeyOf(await t.gql(LOGIN, { u: 'va.201204', p: `wrong-${i}` }))).toBe('auth.signIn.failed');
    const locked = await t.gql(LOGIN, { u: 'va.201204', p: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    const { retryAfter, ...rest } = locked.errors![0].extensions!;
    expect(rest).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'auth.locked.account', params: { seconds: retryAfter } });
    expect(retryAfter).toEqual(expect.any(Number));
    expect(retryAfter as number).toBeGreaterThan(0);
    expect(retryAfter as number).toBeLessThanOrEqual(900);
    expect(locked.response.headers['retry-after']).toBe(String(retryAfter));
    expect(locked.errors![0].message).toBe(`该账号密码错误次数过多，请 ${String(retryAfter)} 秒后再试。`);
    expect((await t.gql(LOGIN, { u: 'va.201203', p: DEMO_PASSWORD })).errors).toBeUndefined();
  });
});

describe('changing the password', () => {
  const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { token } }';

  it('refuses a wrong current password and a short new one', async () => {
    const token = await t.login('va.201202');
    expect(codeOf(await t.gql(CHANGE, { c: 'nope-nope', n: 'another-password' }, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'short' }, token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ME, {}, token))).toBeUndefined();
  });

  it('retires every earlier token and returns a new one', async () => {
    const old = await t.login('va.201201');
    const changed = await t.gql(CHANGE, { c: DEMO_PASSWORD, n: 'a-new-password-2026' }, old);
    expect(changed.errors).toBeUndefined();
    expect(codeOf(await t.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, {}, changed.data!.changePassword.token)).data!.me.username).toBe('va.201201');
    expect(codeOf(await t.gql(LOGIN, { u: 'va.201201', p: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { u: 'va.201201', p: 'a-new-password-2026' })).errors).toBeUndefined();
  });
});

describe('bearer tokens', () => {
  it('are refused when expired', async () => {
    const expired = await createTokenSigner(JWT_SECRET_FOR_TESTS, 0).sign(await accountId('hexi.caseworker'), 0);
    const result = await t.gql(ME, {}, expired.token);
    expect(result.status).toBe(401);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(messageKeyOf(result)).toBe('auth.token.expired');
  });

  it('are refused when tampered with', async () => {
    const token = await t.login('hexi.caseworker');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: await accountId('admin') })).toString('base64url');
    const result = await t.gql(ME, {}, [header, forged, signature].join('.'));
    expect(result.status).toBe(401);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
  });

  it('are refused when signed with another key', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(await accountId('admin'))
      .setIssuer('delegated-assistance')
      .setAudience('delegated-assistance-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('are refused once the account is deactivated, and both changes are in the audit log', async () => {
    const token = await t.login('va.101204');
    expect(codeOf(await t.gql(ME, {}, token))).toBeUndefined();
    const admin = await t.login('admin');
    const id = (await t.gql('{ accounts(role: VILLAGE_ASSISTANT, regionCode: "510199101204") { nodes { id } } }', {}, admin)).data!.accounts
      .nodes[0].id;
    const off = await t.gql(
      'mutation($id: ID!) { setAccountActive(input: { accountId: $id, active: false }) { account { active } } }',
      { id },
      admin,
    );
    expect(off.data!.setAccountActive.account.active).toBe(false);
    expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { u: 'va.101204', p: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    await t.gql('mutation($id: ID!) { setAccountActive(input: { accountId: $id, active: true }) { account { active } } }', { id }, admin);
    // Retired for good: reactivation does not revive a token signed before the deactivation.
    expect(codeOf(await t.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { u: 'va.101204', p: DEMO_PASSWORD }))).toBeUndefined();
    const log = await t.gql(
      '{ auditLog(filter: { subjectType: "Account", actorUsername: "admin" }) { nodes { action } } }',
      {},
      await t.login('auditor'),
    );
    expect(log.data!.auditLog.nodes.map((e: { action: string }) => e.action)).toEqual(['activateAccount', 'deactivateAccount']);
  });

  it('must come as "Bearer <credential>"', async () => {
    const result = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', 'Basic abc')
      .send({ query: ME });
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('me', () => {
  const oneAccountPerRole = Object.values(Role).map((role) => [role, DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!] as const);

  it.each(oneAccountPerRole)('answers for a %s with its roles and scope', async (_role, demo) => {
    const result = await t.gql(ME, {}, await t.login(demo.username));
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.username).toBe(demo.username);
    expect(result.data!.me.roles.map((r: { role: string }) => r.role).sort()).toEqual([...demo.roles].sort());
    for (const role of result.data!.me.roles) {
      expect(role.regionCode).toBe(demo.regionCode);
      // A province operator's tenant is its province, which stands where a district's code would (D§1).
      expect(role.districtCode).toBe(demo.roles.includes(Role.PROVINCE_OPERATOR) ? '510000000000' : '510199000000');
    }
  });

  it('gives a village assistant its village and township as scope', async () => {
    const result = await t.gql(ME, {}, await t.login('va.101202'));
    expect(result.data!.me.roles[0]).toMatchObject({ townshipCode: '510199101000', villageCode: '510199101202' });
  });

  it('is refused to anonymous callers', async () => {
    const result = await t.gql(ME);
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(result.data?.me ?? null).toBeNull();
  });
});

describe('department API keys (D§14)', () => {
  const CREATE = 'mutation($n: String!) { createApiKey(input: { name: $n }) { secret apiKey { id prefix lastUsedAt revokedAt } } }';

  it('are created by the department itself, shown once to it, stored hashed, and record their last use', async () => {
    const issued = await t.gql(CREATE, { n: 'tax production' }, await t.login('dept.tax'));
    expect(issued.errors).toBeUndefined();
    const { secret, apiKey } = issued.data!.createApiKey;
    expect(secret).toMatch(/^dak_[0-9a-f]{12}_/);
    const [row] = await t.dataSource.query('SELECT secret_hash FROM api_keys WHERE prefix = $1', [apiKey.prefix]);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secret_hash).not.toContain(secret.slice('dak_'.length + 13));

    const me = await t.gql(ME, {}, secret);
    expect(me.data!.me.username).toBe('dept.tax');
    const listed = await t.gql('{ apiKeys { nodes { prefix lastUsedAt } } }', {}, await t.login('admin'));
    expect(listed.data!.apiKeys.nodes.find((k: { prefix: string }) => k.prefix === apiKey.prefix).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it('are refused once ADMIN revokes them', async () => {
    const issued = await t.gql(CREATE, { n: 'bank' }, await t.login('dept.bank'));
    const { secret, apiKey } = issued.data!.createApiKey;
    expect(codeOf(await t.gql(ME, {}, secret))).toBeUndefined();
    const revoked = await t.gql(
      'mutation($id: ID!) { revokeApiKey(input: { apiKeyId: $id }) { apiKey { revokedAt } } }',
      { id: apiKey.id },
      await t.login('admin'),
    );
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    const refused = await t.gql(ME, {}, secret);
    expect(refused.status).toBe(401);
    expect(messageKeyOf(refused)).toBe('auth.apiKey.revoked');
  });

  it('with a wrong secret are refused', async () => {
    const issued = await t.gql(CREATE, { n: 'hrss' }, await t.login('dept.hrss'));
    const { secret } = issued.data!.createApiKey;
    const wrong = secret.slice(0, -4) + (secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(codeOf(await t.gql(ME, {}, wrong))).toBe('UNAUTHENTICATED');
  });

  it('cannot be minted by ADMIN or any other tier, so no one but the department ever holds its secret', async () => {
    for (const username of ['admin', 'district.officer', 'hexi.head', 'auditor', 'va.101201']) {
      const refused = await t.gql(CREATE, { n: 'x' }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    const [{ count }] = await t.dataSource.query("SELECT count(*)::int AS count FROM api_keys WHERE name = 'x'");
    expect(count).toBe(0);
  });
});

async function accountId(username: string): Promise<string> {
  const [row] = await t.dataSource.query('SELECT id FROM accounts WHERE username = $1', [username]);
  return row.id;
}
