import { Client, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../ormconfig';
import { withScope } from '../src/async-scope';
import { acrossDistricts, admit, withinRequest } from '../src/db/district-wall';
import { startTestApp, TestApp } from './support/harness';
import { apply } from './support/workflow';

/**
 * Issue #10 item 5: row-level security by district, the second wall. The policy table keeps each
 * caller to its scope; this wall holds where a query forgot the policy: run as the application's
 * role inside a request, a query with no filter at all reaches nothing of another district.
 */
const HEXI = '510199000000';
const QINGSHAN = '510197000000';
const PROVINCE = '510000000000';

let t: TestApp;
/** The application's role, on a pool of one connection: every statement shares it. */
let single: DataSource;
beforeAll(async () => {
  t = await startTestApp({ env: { DB_POOL_SIZE: '1' } });
  await apply(t, 'DIBAO', { head: '墙内' });
  single = new DataSource(dataSourceOptions(t.appDatabaseUrl, undefined, { size: 1, connectTimeoutMs: 5000 }, true));
  await single.initialize();
});
afterAll(async () => {
  await single?.destroy();
  await t.close();
});

/** The districts whose accounts a query with no filter sees (the demo has accounts in both districts and the province). */
const districtsSeen = async (db: DataSource) =>
  (await db.query<{ district_code: string }[]>('SELECT DISTINCT district_code FROM accounts ORDER BY 1')).map((r) => r.district_code);
const EVERY = [PROVINCE, QINGSHAN, HEXI];

it('enables the district policy on every table that holds rows of a district', async () => {
  const rows: { name: string; rls: boolean; policies: number }[] = await t.ownerDataSource.query(
    `SELECT c.relname AS name, c.relrowsecurity AS rls,
            (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'district_wall') AS policies
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'district_code' AND NOT a.attisdropped
      ORDER BY 1`,
  );
  expect(rows.length).toBeGreaterThan(40);
  expect(rows.filter((r) => !r.rls || r.policies !== 1)).toEqual([]);
});

it('shows a query that forgot the filter only the caller’s district, and nothing before the caller is known', async () => {
  expect(await acrossDistricts(() => districtsSeen(t.dataSource))).toEqual(EVERY);
  await withinRequest(async () => {
    expect(await districtsSeen(t.dataSource)).toEqual([]);
    admit({ districtCode: HEXI });
    expect(await districtsSeen(t.dataSource)).toEqual([HEXI]);
    const cases: { district_code: string }[] = await t.dataSource.query(`SELECT DISTINCT district_code FROM cases`);
    expect(cases).toEqual([{ district_code: HEXI }]);
    // The roles view reads with the asker's rights, not its owner's.
    const roles: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM account_roles r WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = r.account_id)`,
    );
    expect(roles[0].n).toBe(0);
  });
  await withinRequest(async () => {
    admit({ districtCode: QINGSHAN });
    expect(await districtsSeen(t.dataSource)).toEqual([QINGSHAN]);
  });
});

it('opens the wall for the rest of the request from a scope nested in it, and crosses it inside acrossDistricts only', async () => {
  await withinRequest(async () => {
    // A nested scope, as a transaction's, shares the request's wall: the caller may be resolved there.
    await withScope({}, async () => {
      await Promise.resolve();
      admit({ districtCode: HEXI });
    });
    expect(await districtsSeen(t.dataSource)).toEqual([HEXI]);
    expect(await acrossDistricts(() => districtsSeen(t.dataSource))).toEqual(EVERY);
    expect(await districtsSeen(t.dataSource)).toEqual([HEXI]);
  });
});

it('lets a province operator reach the districts of its province', async () => {
  await withinRequest(async () => {
    admit({ districtCode: PROVINCE });
    expect(await districtsSeen(t.dataSource)).toEqual(EVERY);
    const cases: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM cases WHERE district_code = $1`, [HEXI]);
    expect(cases[0].n).toBeGreaterThan(0);
  });
});

it('refuses to write a row into another district', async () => {
  await withinRequest(async () => {
    admit({ districtCode: HEXI });
    await expect(
      t.dataSource.query(`INSERT INTO district_holidays (district_code, day, kind) VALUES ($1, '2031-01-02', 'HOLIDAY')`, [QINGSHAN]),
    ).rejects.toThrow(/row-level security/);
    const changed = await t.dataSource.query(`UPDATE cases SET updated_at = updated_at WHERE district_code = $1`, [QINGSHAN]);
    expect(changed[1]).toBe(0);
  });
});

it('sets the wall of each piece of work on a connection that served another', async () => {
  await withinRequest(async () => {
    admit({ districtCode: HEXI });
    expect(await districtsSeen(single)).toEqual([HEXI]);
  });
  await withinRequest(async () => {
    admit({ districtCode: QINGSHAN });
    expect(await districtsSeen(single)).toEqual([QINGSHAN]);
  });
  expect(await districtsSeen(single)).toEqual(EVERY);
});

it('sets the wall again after a transaction that changed it rolled back', async () => {
  // Outside a request the connection reaches every district; a transaction narrows it to Hexi and
  // rolls back, which restores every district on the connection, whatever the client remembers.
  expect(await districtsSeen(single)).toEqual(EVERY);
  await withinRequest(async () => {
    admit({ districtCode: HEXI });
    await expect(
      single.transaction(async (manager) => {
        await manager.query('SELECT 1 FROM cases LIMIT 1');
        throw new Error('abandon the step');
      }),
    ).rejects.toThrow('abandon the step');
    expect(await districtsSeen(single)).toEqual([HEXI]);
  });
});

it('walls every GraphQL request to its caller’s district', async () => {
  const [hexi, qingshan] = await Promise.all([t.login('hexi.caseworker'), t.login('qingshan.officer')]);
  const { master: pool } = t.dataSource.driver as unknown as { master: { connect(): Promise<Client & { release(): void }> } };
  const wallOfTheConnection = async () => {
    const client = await pool.connect();
    try {
      // Past the wall's own client, which would set the wall of this (request-less) work first.
      const { rows } = await (Client.prototype.query as (text: string) => Promise<QueryResult>).call(
        client,
        `SELECT current_setting('app.district_low', true) AS low, current_setting('app.district_high', true) AS high`,
      );
      return rows[0] as { low: string; high: string };
    } finally {
      client.release();
    }
  };
  expect((await t.gql('{ cases(first: 1) { totalCount } }', {}, hexi)).errors).toBeUndefined();
  expect(await wallOfTheConnection()).toEqual({ low: HEXI, high: HEXI });
  expect((await t.gql('{ cases(first: 1) { totalCount } }', {}, qingshan)).errors).toBeUndefined();
  expect(await wallOfTheConnection()).toEqual({ low: QINGSHAN, high: QINGSHAN });
});
