import { getNamedType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { hashPassword } from '../src/auth/passwords';
import { seedScale, ScaleDistrict } from '../src/seed/scale-seed';
import { DEMO_PASSWORD, useTestApp } from './support/harness';
import { statementsOf } from './support/statements';

/**
 * Every list the API offers, asked by every role over a district's worth of rows (the scale seed at
 * a tenth of its size with six months of payments, vacuumed and analysed as autovacuum leaves it),
 * runs on indexes: the plan of each statement it issues is read with EXPLAIN ANALYZE and none may read
 * a whole case, person, household, enrolment, payment or audit table (issue 14 §3), neither by a
 * sequential scan nor by walking an index and discarding what a filter refuses. The statements are
 * the ones the API itself sends, caught from its query logger, as its own pool runs them: behind the
 * district wall's row-level security.
 */
const WATCHED = new Set(['cases', 'persons', 'households', 'enrolments', 'enrolment_changes', 'payments', 'audit_log', 'case_events']);

const t = useTestApp({ seed: false });
let district: ScaleDistrict;
beforeAll(async () => {
  const { districts } = await seedScale(t.ownerDataSource, { factor: 0.1, months: 6, passwordHash: await hashPassword(DEMO_PASSWORD) });
  district = districts[0];
  // As autovacuum leaves a table in service: statistics, and the visibility map that lets a count read an index alone.
  await t.ownerDataSource.query('VACUUM ANALYZE');
}, 300_000);

/**
 * Two oversight lists of the district tier test every case of the district against conditions no
 * index can order (a deadline passed by now, a decision without a delegation in force, D§13): they
 * read the district's cases whole by design, and are the only lists allowed to.
 */
const WHOLE_DISTRICT_REPORTS = ['overdueCases', 'decisionsWithoutAuthority'];

/** A count the planner expects to keep at least this share of a table reads it faster whole. */
const WHOLE_TABLE_SHARE = 0.2;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Plan Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Scans of a watched table that read it whole, or walk an index over at least `share` of its rows
 * only to throw them away in a filter (an ordered walk with a condition no index serves). */
function wholeReads(node: PlanNode, rows: Map<string, number>, share: number): PlanNode[] {
  const table = node['Relation Name'];
  const watched = table !== undefined && WATCHED.has(table);
  const removed = (node['Rows Removed by Filter'] ?? 0) * node['Actual Loops'];
  const own = watched && (node['Node Type'] === 'Seq Scan' || removed >= share * rows.get(table)!) ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => wholeReads(child, rows, share))];
}

const ROLES = () => ({
  VILLAGE_ASSISTANT: district.usernames.villageAssistant,
  TOWNSHIP_CASEWORKER: district.usernames.townshipCaseworker,
  TOWNSHIP_HEAD: district.usernames.townshipHead,
  DISTRICT_OFFICER: district.usernames.districtOfficer,
  FINANCE_OFFICER: district.usernames.finance,
  AUDITOR: district.usernames.auditor,
  POVERTY_OFFICER: district.usernames.poverty,
  ADMIN: district.usernames.admin,
  DEPARTMENT: district.usernames.bank,
});

it('runs every list of every role on indexes, never reading a whole case, person, household, enrolment, payment or audit table', async () => {
  const schema = await buildAppSchema();
  const lists = Object.values(schema.getQueryType()!.getFields())
    .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
    .map((field) => field.name);
  expect(lists.length).toBeGreaterThan(20);
  // The township caseworker's page of issue 14, with the nested lists it reads, and the case list's
  // filters that pick a few rows out of many (the rarest programme, an early state), each as every role asks.
  const queries = [
    ...lists.map((field) => `{ ${field}(first: 50) { totalCount edges { cursor node { id } } } }`),
    '{ cases(first: 50) { totalCount edges { node { id status household { headName members { name } } } } } }',
    '{ cases(first: 50, filter: { programme: TEKUN }) { totalCount edges { cursor node { id } } } }',
    '{ cases(first: 50, filter: { status: [INVESTIGATING] }) { totalCount edges { cursor node { id } } } }',
  ];
  const rows = new Map<string, number>(
    (await t.dataSource.query(`SELECT relname, reltuples FROM pg_class WHERE relname = ANY($1)`, [[...WATCHED]])).map(
      (r: { relname: string; reltuples: number }) => [r.relname, Number(r.reltuples)],
    ),
  );
  const scans: string[] = [];
  let explained = 0;
  for (const [role, username] of Object.entries(ROLES())) {
    const token = await t.login(username);
    for (const query of queries) {
      const statements = await statementsOf(t, () => t.gql(query, {}, token));
      for (const { sql, parameters } of statements) {
        if (!/^\s*SELECT/i.test(sql) || ![...WATCHED].some((table) => sql.includes(`"${table}"`) || sql.includes(` ${table} `))) continue;
        const [{ 'QUERY PLAN': plan }]: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await t.dataSource.query(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
          parameters,
        );
        explained++;
        for (const scan of wholeReads(plan[0].Plan, rows, WHOLE_TABLE_SHARE)) {
          const table = scan['Relation Name']!;
          // A total over most of the district (finance's paid households, say) is read whole faster than through an index.
          const largeCount = /^\s*SELECT COUNT\(/i.test(sql) && scan['Plan Rows'] >= WHOLE_TABLE_SHARE * rows.get(table)!;
          const report = WHOLE_DISTRICT_REPORTS.some((field) => query.startsWith(`{ ${field}(`)) && table === 'cases';
          if (!largeCount && !report)
            scans.push(`${role} ${query.slice(0, 60)}… reads all of ${table} (${scan['Node Type']}): ${sql.slice(0, 300)}`);
        }
      }
    }
  }
  expect(explained).toBeGreaterThan(50);
  expect(scans).toEqual([]);
}, 300_000);

it('seeds data the workflow accepts: an unbroken audit chain, rosters that add up, every payment sent and every failure re-paid', async () => {
  const chain = await t.gql(
    'query($d: String!) { verifyAuditChain(districtCode: $d) { ok entriesChecked firstBrokenLink { position problem } } }',
    { d: district.districtCode },
    await t.login(district.usernames.auditor),
  );
  expect(chain.errors).toBeUndefined();
  expect(chain.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenLink: null });
  expect(chain.data!.verifyAuditChain.entriesChecked).toBeGreaterThan(10_000);
  const [books] = await t.dataSource.query(
    `SELECT
       (SELECT count(*) FROM rosters r WHERE r.status <> 'SUBMITTED'
          OR r.line_count <> (SELECT count(*) FROM roster_lines l WHERE l.district_code = r.district_code AND l.roster_id = r.id)
          OR r.total <> (SELECT coalesce(sum(amount), 0) FROM roster_lines l WHERE l.district_code = r.district_code AND l.roster_id = r.id))::int AS "rostersOff",
       (SELECT count(*) FROM payments p JOIN roster_lines l ON l.district_code = p.district_code AND l.id = p.roster_line_id
          WHERE p.amount <> l.amount OR p.payee_key <> coalesce(l.enrolment_id, l.case_id))::int AS "paymentsOff",
       (SELECT count(*) FROM enrolments e JOIN cases c ON c.district_code = e.district_code AND c.id = e.case_id
          WHERE c.status NOT IN ('APPROVED', 'FILED'))::int AS "enrolmentsOfUndecidedCases",
       (SELECT count(*) FROM households h WHERE h.active_enrolment <> EXISTS (SELECT 1 FROM enrolments e
          WHERE e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE'))::int AS "flagsOff",
       (SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM payment_transfers t
          WHERE t.district_code = p.district_code AND t.payment_id = p.id))::int AS "paymentsNeverSent",
       (SELECT count(*) FROM payment_results r WHERE r.outcome = 'FAILED' AND NOT EXISTS (SELECT 1 FROM payment_transfers t
          WHERE t.district_code = r.district_code AND t.payment_id = r.payment_id AND t.id <> r.transfer_id))::int AS "failuresNotRepaid",
       (SELECT count(DISTINCT created_at)::float / count(*) FROM cases) AS "distinctCaseTimes",
       (SELECT count(*) FROM (SELECT created_at FROM cases GROUP BY created_at HAVING count(*) > 1) shared)::int AS "sharedCaseTimes"`,
  );
  expect(books).toMatchObject({
    rostersOff: 0,
    paymentsOff: 0,
    enrolmentsOfUndecidedCases: 0,
    flagsOff: 0,
    paymentsNeverSent: 0,
    failuresNotRepaid: 0,
  });
  // Mostly distinct times, as real work has, and some batches that share one.
  expect(books.distinctCaseTimes).toBeGreaterThan(0.7);
  expect(books.sharedCaseTimes).toBeGreaterThan(0);
});
