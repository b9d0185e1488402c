import { loadConfig } from '../src/config';
import { DEMO_PASSWORD, GraphQLResult, messageKeyOf, startTestApp, TestApp } from './support/harness';

/**
 * Sign-in throttling that holds with replicas (issue 10 item 6): two instances of the API on one
 * database count the same attempts; an account is locked after failures from any addresses, an
 * address after failures on any usernames, each with its own message; locks end with their time;
 * X-Forwarded-For is believed only from the listed proxies.
 */

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
/** The limits these tests run with: five per account (the default), eight per address. */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 8;
const ENV = { LOGIN_MAX_FAILURES_PER_ADDRESS: String(PER_ADDRESS) };

let a: TestApp;
let b: TestApp;
/** A third instance behind a proxy list that does not include the test client's loopback hop. */
let untrusting: TestApp;

beforeAll(async () => {
  // The test client is the loopback "proxy" of A and B: X-Forwarded-For gives each attempt its address.
  a = await startTestApp({ env: { ...ENV, TRUSTED_PROXIES: 'loopback' } });
  b = await startTestApp({ sharing: a, env: { ...ENV, TRUSTED_PROXIES: 'loopback' } });
  untrusting = await startTestApp({ sharing: a, env: { ...ENV, TRUSTED_PROXIES: '192.0.2.1' } });
});
afterAll(async () => {
  await untrusting?.close();
  await b?.close();
  await a?.close();
});

let lastAddress = 0;
/** An address no other attempt in this file used. */
const freshAddress = () => `198.51.100.${(lastAddress += 1)}`;

const signIn = (app: TestApp, username: string, password: string, address: string) =>
  app.gql(LOGIN, { u: username, p: password }, undefined, { 'x-forwarded-for': address });

function expectLocked(result: GraphQLResult, messageKey: string): void {
  expect(result.status).toBe(429);
  const { retryAfter, ...rest } = result.errors![0].extensions!;
  expect(rest).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey, params: { seconds: retryAfter } });
  expect(retryAfter as number).toBeGreaterThan(0);
  expect(retryAfter as number).toBeLessThanOrEqual(900);
  expect(result.response.headers['retry-after']).toBe(String(retryAfter));
}

describe('throttle state shared by replicas', () => {
  it('counts failures on one instance against attempts on the other', async () => {
    const address = freshAddress();
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      expect(messageKeyOf(await signIn(i % 2 ? b : a, 'hexi.member1', `wrong-${i}`, address))).toBe('auth.signIn.failed');
    }
    expectLocked(await signIn(b, 'hexi.member1', DEMO_PASSWORD, address), 'auth.locked.account');
    expectLocked(await signIn(a, 'hexi.member1', DEMO_PASSWORD, address), 'auth.locked.account');
  });

  it('lets at most the limit of a parallel burst reach the password check, across instances', async () => {
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 3 * PER_ACCOUNT }, (_, i) => signIn(i % 2 ? b : a, 'hexi.member2', `wrong-${i}`, address)),
    );
    const keys = results.map(messageKeyOf);
    expect(keys.filter((key) => key === 'auth.signIn.failed').length).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(keys.filter((key) => key !== 'auth.signIn.failed').every((key) => key === 'auth.locked.account')).toBe(true);
  });
});

describe('lock-out per account and per address', () => {
  it('locks an account after failures from any addresses, for every address, not other accounts', async () => {
    for (let i = 0; i < PER_ACCOUNT; i += 1) {
      expect(messageKeyOf(await signIn(i % 2 ? b : a, 'hexi.member3', `wrong-${i}`, freshAddress()))).toBe('auth.signIn.failed');
    }
    const address = freshAddress();
    const locked = await signIn(a, 'hexi.member3', DEMO_PASSWORD, address);
    expectLocked(locked, 'auth.locked.account');
    expect(locked.errors![0].message).toMatch(/^该账号密码错误次数过多，请 \d+ 秒后再试。$/);
    expect((await signIn(a, 'hexi.member4', DEMO_PASSWORD, address)).errors).toBeUndefined();
  });

  it('locks an address after failures on any usernames, for every username, not other addresses', async () => {
    const address = freshAddress();
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      expect(messageKeyOf(await signIn(i % 2 ? b : a, `guess.${i}`, 'a-common-password', address))).toBe('auth.signIn.failed');
    }
    const locked = await signIn(b, 'shiqiao.member1', DEMO_PASSWORD, address);
    expectLocked(locked, 'auth.locked.address');
    expect(locked.errors![0].message).toMatch(/^来自此地址的密码错误次数过多，请 \d+ 秒后再试。$/);
    expect((await signIn(b, 'shiqiao.member1', DEMO_PASSWORD, freshAddress())).errors).toBeUndefined();
  });

  it('forgives the failures of a username from an address when it signs in from there', async () => {
    const address = freshAddress();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < PER_ACCOUNT - 1; i += 1) {
        expect(messageKeyOf(await signIn(i % 2 ? b : a, 'shiqiao.member2', `wrong-${i}`, address))).toBe('auth.signIn.failed');
      }
      expect((await signIn(round ? a : b, 'shiqiao.member2', DEMO_PASSWORD, address)).errors).toBeUndefined();
    }
  });

  it('ends a lock when its time has passed, and deletes expired rows a batch at a time, oldest first', async () => {
    const username = 'shiqiao.member3';
    for (let i = 0; i < PER_ACCOUNT; i += 1) await signIn(a, username, `wrong-${i}`, freshAddress());
    expectLocked(await signIn(b, username, DEMO_PASSWORD, freshAddress()), 'auth.locked.account');
    // The clock moves on by LOGIN_LOCK_SECONDS: every attempt's time runs out. A batch of rows that
    // expired earlier is ahead of them in the cleanup, so the lock ends by the time alone.
    await a.dataSource.query(`UPDATE sign_in_failures SET expires_at = now() - interval '1 second' WHERE username = $1`, [username]);
    await a.dataSource.query(
      `INSERT INTO sign_in_failures (username, address, failures, expires_at)
       SELECT 'stale.' || n, '203.0.113.1', 1, now() - interval '1 hour' FROM generate_series(1, 100) n`,
    );
    const remaining = async () =>
      (await a.dataSource.query('SELECT count(*)::int AS n FROM sign_in_failures WHERE username = $1', [username]))[0].n;
    expect((await signIn(b, username, DEMO_PASSWORD, freshAddress())).errors).toBeUndefined();
    expect(await remaining()).toBe(PER_ACCOUNT);
    expect((await signIn(a, username, DEMO_PASSWORD, freshAddress())).errors).toBeUndefined();
    expect(await remaining()).toBe(0);
  });
});

describe('client address behind proxies', () => {
  it('ignores X-Forwarded-For from a hop not listed in TRUSTED_PROXIES: a rotating header is still one address', async () => {
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      expect(messageKeyOf(await signIn(untrusting, `rotor.${i}`, 'a-common-password', freshAddress()))).toBe('auth.signIn.failed');
    }
    expectLocked(await signIn(untrusting, 'shiqiao.member4', DEMO_PASSWORD, freshAddress()), 'auth.locked.address');
  });

  it('takes the address the trusted proxy saw, not what the client wrote before it', async () => {
    // The client writes a new address each time; the proxy appends the one it received from.
    const real = freshAddress();
    for (let i = 0; i < PER_ADDRESS; i += 1) {
      expect(messageKeyOf(await signIn(a, `spoof.${i}`, 'a-common-password', `${freshAddress()}, ${real}`))).toBe('auth.signIn.failed');
    }
    expectLocked(await signIn(b, 'hexi.caseworker2', DEMO_PASSWORD, `${freshAddress()}, ${real}`), 'auth.locked.address');
  });

  it('refuses to start on the replaced TRUST_PROXY, which trusted any sender with `true` or a hop count', () => {
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY is replaced by TRUSTED_PROXIES/);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16' }).trustedProxies).toEqual(['10.0.0.5', '10.1.0.0/16']);
  });
});
