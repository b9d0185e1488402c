import { Client } from 'pg';
import { codeOf, GraphQLResult, startTestApp, TestApp } from './support/harness';
import { CREATE_HOUSEHOLD, householdInput } from './support/households';
import { OutageProxy } from './support/outage-proxy';

/**
 * The database going away under load and coming back (issue #10, item 9). The server reaches its
 * PostgreSQL through a proxy that can cut every connection and refuse new ones, which is how a
 * stopped database or a failed network looks from the server. While it is away `/readyz` answers
 * 503 and every request fails fast with SERVICE_UNAVAILABLE (never a 500, nothing half-written);
 * once it is back the pool reconnects by itself and a retried write is stored exactly once.
 */

let t: TestApp;
let proxy: OutageProxy;
beforeAll(async () => {
  t = await startTestApp({
    connectThrough: async (url) => {
      const started = await OutageProxy.start(url);
      proxy = started.proxy;
      return started.url;
    },
  });
});
let loading = true;
afterAll(async () => {
  loading = false;
  await proxy.restore();
  await t.close();
  await proxy.cut();
});

/** Households with this head, counted directly (not through the server or the proxy). */
async function householdsHeadedBy(name: string): Promise<number> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM persons WHERE name = $1', [name]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const readiness = async () => (await t.http().get('/readyz')).status;

it('answers 503 and SERVICE_UNAVAILABLE while the database is away, writes nothing, and recovers by itself', async () => {
  const assistant = await t.login('va.101201');
  const caseworker = await t.login('hexi.caseworker');
  expect(await readiness()).toBe(200);

  // Load that keeps running across the outage: every answer must be a success or a coded refusal.
  const answers: GraphQLResult[] = [];
  const load = Promise.all(
    [0, 1, 2, 3].map(async (worker) => {
      while (loading) {
        answers.push(
          worker % 2
            ? await t.gql('{ publicNotices(villageCode: "510199101201") { programme } }')
            : await t.gql('{ cases(first: 5) { totalCount } }', {}, caseworker),
        );
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));

  await proxy.cut();
  expect(await readiness()).toBe(503);
  const refused = await t.gql(CREATE_HOUSEHOLD, { input: householdInput('510199101201', '断库时') }, assistant);
  expect(refused.status).not.toBe(500);
  expect(codeOf(refused)).toBe('SERVICE_UNAVAILABLE');
  expect(refused.errors![0].extensions).toMatchObject({ messageKey: 'database.unavailable' });
  const anonymous = await t.gql('{ publicNotices(villageCode: "510199101201") { programme } }');
  expect(codeOf(anonymous)).toBe('SERVICE_UNAVAILABLE');
  await new Promise((resolve) => setTimeout(resolve, 500));

  await proxy.restore();
  const until = Date.now() + 15_000;
  while ((await readiness()) !== 200 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await readiness()).toBe(200);
  loading = false;
  await load;

  const retried = await t.gql(CREATE_HOUSEHOLD, { input: householdInput('510199101201', '恢复后') }, assistant);
  expect(retried.errors).toBeUndefined();
  expect(await householdsHeadedBy('断库时')).toBe(0);
  expect(await householdsHeadedBy('恢复后')).toBe(1);

  expect(answers.length).toBeGreaterThan(10);
  for (const answer of answers) {
    expect(answer.status).not.toBe(500);
    if (answer.errors) expect(answer.errors.map((error) => error.extensions?.code)).toEqual(answer.errors.map(() => 'SERVICE_UNAVAILABLE'));
  }
  expect(answers.some((answer) => codeOf(answer) === 'SERVICE_UNAVAILABLE')).toBe(true);
  expect(answers.at(-1)!.errors).toBeUndefined();
}, 90_000);
