import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase, OpenDatabase } from '../src/db/open-database';
import { checkDistribution, citusDdl, readCatalog, REFERENCE_TABLES } from '../src/db/distribution';
import { createTestDatabase } from './support/harness';

/**
 * Ready for Citus (D§1, issue #15): the migrated schema, read from PostgreSQL's own catalog, keeps
 * `district_code` in every tenant table's primary key, unique keys and foreign keys to other tenant
 * tables, and every other table is a listed reference table.
 */

let database: { url: string; drop(): Promise<void> };
let db: OpenDatabase;
let client: Client;
const catalog = () => readCatalog(async (sql) => (await client.query(sql)).rows);

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openDatabase(loadConfig({ ...process.env, DATABASE_URL: database.url }), createLogger('silent'));
  client = new Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.close();
  await database.drop();
});

describe('distribution by district (D§1)', () => {
  it('every table of the migrated schema is a tenant table keyed by district_code or a listed reference table', async () => {
    const { kinds, problems } = checkDistribution(await catalog());
    expect(problems).toEqual([]);
    for (const table of ['cases', 'households', 'persons', 'enrolments', 'audit_log', 'votes', 'delegations', 'role_grants']) {
      expect(kinds.get(table)).toBe('distributed');
    }
    expect(
      [...kinds]
        .filter(([, kind]) => kind === 'reference')
        .map(([name]) => name)
        .sort(),
    ).toEqual(Object.keys(REFERENCE_TABLES).sort());
  });

  it('citus:ddl distributes every tenant table on district_code, co-located, after the tables its keys point at', async () => {
    const ddl = citusDdl(await catalog());
    expect(ddl).toContain("SELECT create_reference_table('regions');");
    expect(ddl).toContain("SELECT create_distributed_table('households', 'district_code');");
    expect(ddl).toContain("SELECT create_distributed_table('cases', 'district_code', colocate_with => 'households');");
    const at = (table: string) => ddl.findIndex((line) => line.includes(`('${table}'`));
    expect(at('households')).toBeLessThan(at('cases'));
    expect(at('cases')).toBeLessThan(at('votes'));
    expect(at('meetings')).toBeLessThan(at('votes'));
    expect(at('regions')).toBeLessThan(at('appraisals'));
  });

  it('docs/scale-out.md shows the statements citus:ddl prints today', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'scale-out.md'), 'utf8');
    const shown = /<!-- citus:ddl -->\n```sql\n([\s\S]*?)\n```\n<!-- \/citus:ddl -->/.exec(doc)?.[1].split('\n');
    expect(shown?.filter((line) => !line.startsWith('--'))).toEqual(citusDdl(await catalog()));
  });

  describe('a key that loses district_code is named', () => {
    afterEach(() => client.query('DROP TABLE IF EXISTS probe_child, probe_rows'));

    it('a primary key without it', async () => {
      await client.query('CREATE TABLE probe_rows (district_code varchar(12) NOT NULL, id uuid PRIMARY KEY)');
      expect(checkDistribution(await catalog()).problems).toEqual(['probe_rows: primary key (id) lacks district_code']);
    });

    it('a unique key without it', async () => {
      await client.query(
        'CREATE TABLE probe_rows (district_code varchar(12) NOT NULL, id uuid, ref text, PRIMARY KEY (district_code, id))',
      );
      await client.query('CREATE UNIQUE INDEX probe_rows_ref ON probe_rows (ref)');
      expect(checkDistribution(await catalog()).problems).toEqual(['probe_rows: unique key probe_rows_ref (ref) lacks district_code']);
    });

    it('a foreign key to a tenant table that does not pair district_code', async () => {
      await client.query('CREATE TABLE probe_rows (district_code varchar(12) NOT NULL, id uuid, PRIMARY KEY (district_code, id))');
      await client.query('CREATE UNIQUE INDEX probe_rows_id ON probe_rows (id, district_code)');
      await client.query(
        `CREATE TABLE probe_child (district_code varchar(12) NOT NULL, id uuid, row_id uuid, other_district varchar(12),
           PRIMARY KEY (district_code, id), CONSTRAINT probe_child_fk FOREIGN KEY (row_id, other_district) REFERENCES probe_rows (id, district_code))`,
      );
      expect(checkDistribution(await catalog()).problems).toEqual([
        'probe_child: foreign key probe_child_fk (row_id, other_district) → probe_rows does not pair district_code with district_code',
      ]);
    });

    it('a table with no district_code that is not a reference table, and the DDL refuses to print', async () => {
      await client.query('CREATE TABLE probe_rows (id uuid PRIMARY KEY)');
      const rows = await catalog();
      expect(checkDistribution(rows).problems).toEqual(['probe_rows: has no district_code and is not listed as a reference table']);
      expect(() => citusDdl(rows)).toThrow(/cannot be distributed/);
    });
  });
});
