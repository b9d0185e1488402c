import { monthFromNow, payHexiMonth } from './support/funds';
import { getNamedType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { UUID_PATTERN } from '../src/db/tenant-keys';
import { codeOf, GraphQLResult, useTestApp } from './support/harness';
import { idNumber } from './support/households';
import { approvedDibao, setHexiCommittee } from './support/workflow';

/**
 * Every connection, walked page by page over HTTP, returns each row that existed when the walk
 * began exactly once: over many rows sharing one timestamp (and rows microseconds apart within one
 * millisecond), and while new rows are inserted between pages.
 */
const t = useTestApp();

/** Rows created together: three instants a microsecond apart, each shared by a third of the rows. */
const TIED_AT = "'2026-03-01 08:00:00.123456+00'::timestamptz + (g % 3) * interval '1 microsecond'";
const TIED_ROWS = 105;
const PAGE_SIZES = [1, 7, 100];
const OVERDUE = '(COALESCE(due_at < now(), false) OR COALESCE(decision_due_at < now(), false))';

/** What a walk needs for one connection field: a caller that may see every row of its table in the
 * test district, the table, and which rows it lists when not all of them. New rows are copies of a
 * row of the table with a new id and timestamp (and `overrides`, for unique columns). The demo has a
 * second district and the province above both: a walk counts the rows of its caller's tenant only,
 * Yunxi's unless `tenant` names another (the province, for its proposals). */
interface WalkFixture {
  caller: string;
  table: string;
  tenant?: string;
  sortColumn: string;
  where?: string;
  overrides?: string;
}

const WALKS: Record<string, WalkFixture> = {
  cases: { caller: 'district.officer', table: 'cases', sortColumn: 'created_at' },
  overdueCases: {
    caller: 'hexi.caseworker',
    table: 'cases',
    sortColumn: 'created_at',
    where: OVERDUE,
    overrides: "jsonb_build_object('due_at', now() - interval '1 day')",
  },
  households: { caller: 'district.officer', table: 'households', sortColumn: 'created_at' },
  // Copies are decided: one change at a time may wait for confirmation per household.
  bankAccountChanges: {
    caller: 'district.officer',
    table: 'bank_account_changes',
    sortColumn: 'proposed_at',
    overrides: "jsonb_build_object('status', 'REJECTED')",
  },
  accounts: {
    caller: 'admin',
    table: 'accounts',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('username', 'walk.' || md5(random()::text))",
  },
  apiKeys: {
    caller: 'admin',
    table: 'api_keys',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('prefix', substr(md5(random()::text), 1, 16))",
  },
  auditLog: { caller: 'auditor', table: 'audit_log', sortColumn: 'at' },
  roleGrants: { caller: 'admin', table: 'role_grants', sortColumn: 'created_at' },
  enrolments: { caller: 'finance', table: 'enrolments', sortColumn: 'created_at' },
  verificationRequests: { caller: 'district.officer', table: 'verification_requests', sortColumn: 'requested_at' },
  verificationAnswers: { caller: 'district.officer', table: 'verification_answers', sortColumn: 'created_at' },
  meetings: { caller: 'hexi.head', table: 'meetings', sortColumn: 'created_at' },
  auditFindings: { caller: 'auditor', table: 'audit_findings', sortColumn: 'created_at' },
  developmentLinks: { caller: 'poverty', table: 'development_links', sortColumn: 'created_at' },
  kinDeclarations: { caller: 'district.officer', table: 'kin_declarations', sortColumn: 'declared_at' },
  delegations: { caller: 'district.officer', table: 'delegations', sortColumn: 'created_at' },
  // Soonest first by the review date; a copy made now falls due today, within the default 30 days.
  reviewsDue: {
    caller: 'district.officer',
    table: 'enrolments',
    sortColumn: 'next_review_on',
    where: "status = 'ACTIVE' AND next_review_on <= (now() AT TIME ZONE 'Asia/Shanghai')::date + 30",
  },
  petitions: {
    caller: 'district.officer',
    table: 'petitions',
    sortColumn: 'received_at',
    overrides: "jsonb_build_object('reference_hash', md5(random()::text))",
  },
  // One roster and one request per township (or district) and month, one payment per payee and month: copies take another key.
  rosters: {
    caller: 'auditor',
    table: 'rosters',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('month', substr(md5(random()::text), 1, 7))",
  },
  fundRequests: {
    caller: 'finance',
    table: 'fund_requests',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('month', substr(md5(random()::text), 1, 7))",
  },
  paymentBatches: { caller: 'finance', table: 'payment_batches', sortColumn: 'created_at' },
  institutionPayees: {
    caller: 'district.officer',
    table: 'institution_payees',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('name', md5(random()::text))",
  },
  // Copies are decided: one change at a time may wait for confirmation per institution.
  institutionAccountChanges: {
    caller: 'district.officer',
    table: 'institution_account_changes',
    sortColumn: 'proposed_at',
    overrides: "jsonb_build_object('status', 'REJECTED')",
  },
  payments: {
    caller: 'hexi.caseworker',
    table: 'payments',
    sortColumn: 'created_at',
    overrides: "jsonb_build_object('payee_key', gen_random_uuid())",
  },
  workPlans: { caller: 'district.officer', table: 'work_plans', sortColumn: 'created_at' },
  spotCheckDraws: { caller: 'district.officer', table: 'spot_check_draws', sortColumn: 'drawn_at' },
  districtProposals: { caller: 'province.operator', table: 'district_proposals', sortColumn: 'created_at', tenant: '510000000000' },
  // Decisions with no authority recorded are flagged by the historical check (D§13).
  decisionsWithoutAuthority: {
    caller: 'auditor',
    table: 'cases',
    sortColumn: 'decided_at',
    where: 'decided_at IS NOT NULL AND decision_authority IS NULL',
    overrides: "jsonb_build_object('decision_authority', NULL)",
  },
};

const tenantOf = (fixture: WalkFixture) => fixture.tenant ?? '510199000000';

/** Copies one row of the fixture's table `count` times, created at the SQL instant `at` (which may
 * use the series number `g`); returns the new ids. */
async function insertRows(fixture: WalkFixture, count: number, at: string): Promise<string[]> {
  const rows: { id: string }[] = await t.dataSource.query(`INSERT INTO ${fixture.table}
    SELECT (jsonb_populate_record(NULL::${fixture.table}, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(), '${fixture.sortColumn}', ${at})
      || ${fixture.overrides ?? "'{}'::jsonb"})).*
    FROM (SELECT * FROM ${fixture.table} WHERE district_code = '${tenantOf(fixture)}' LIMIT 1) x, generate_series(1, ${count}) g RETURNING id`);
  return rows.map((row) => row.id);
}

async function listedRows(fixture: WalkFixture): Promise<string[]> {
  const rows: { id: string }[] = await t.dataSource.query(
    `SELECT id FROM ${fixture.table} WHERE district_code = '${tenantOf(fixture)}' AND ${fixture.where ?? 'true'}`,
  );
  return rows.map((row) => row.id);
}

/** The row key inside an id, global or plain. */
function rowKeyOf(id: string): string {
  return UUID_PATTERN.test(id) ? id : Buffer.from(id, 'base64url').toString('utf8').split(':').pop()!;
}

beforeAll(async () => {
  // One row in every table through the workflow; the walks multiply them.
  await setHexiCommittee(t);
  await approvedDibao(t, '翻页户');
  await t.gql(
    'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { reference } }',
    { i: { kind: 'COMPLAINT', townshipCode: '510199101000', title: '翻页', content: '翻页' } },
    await t.login('district.officer'),
  );
  await payHexiMonth(t, monthFromNow(1));
  await t.dataSource.query(`INSERT INTO audit_findings (district_code, township_code, severity, title, body, created_by_id)
    SELECT district_code, township_code, 'OBSERVATION', '抽样', 'ok', id FROM accounts WHERE username = 'auditor'`);
  await t.dataSource
    .query(`INSERT INTO spot_check_draws (district_code, seed, algorithm, rate_percent, filed_by, pool_size, sample_size, drawn_by_id)
    SELECT district_code, repeat('0', 64), 'HMAC-SHA256-RANK-1', 30, now(), 0, 0, id FROM accounts WHERE username = 'district.officer'`);
  await t.dataSource.query(`INSERT INTO development_links (district_code, enrolment_id, township_code, village_code, measure, created_by_id)
    SELECT e.district_code, e.id, e.township_code, e.village_code, '技能培训', a.id FROM enrolments e, accounts a WHERE a.username = 'poverty'`);
  await t.dataSource.query(
    `INSERT INTO kin_declarations (district_code, account_id, name, id_number, relation)
    SELECT district_code, id, '亲属', $1, 'SPOUSE' FROM accounts WHERE username = 'hexi.member1'`,
    [idNumber('19800808', 556)],
  );
  await t.dataSource
    .query(`INSERT INTO bank_account_changes (district_code, township_code, village_code, household_id, bank_account, status, reason, proposed_by_id)
    SELECT h.district_code, h.township_code, h.village_code, h.id, '6228480000123456789', 'PROPOSED', '换卡', a.id FROM households h, accounts a
     WHERE h.head_name = '翻页户' AND a.username = 'va.101201'`);
  await t.dataSource.query(`INSERT INTO api_keys (account_id, district_code, name, prefix, secret_hash, created_by_id)
    SELECT d.id, d.district_code, 'walk', 'walkkey000000000', repeat('0', 64), a.id FROM accounts d, accounts a WHERE d.username = 'dept.tax' AND a.username = 'admin'`);
  await t.dataSource.query(`INSERT INTO institution_payees (district_code, township_code, name, bank_name, bank_account, created_by_id)
    SELECT district_code, '510199101000', '河西敬老院', '农业银行', '6228480000111122223', id FROM accounts WHERE username = 'hexi.head'`);
  await t.dataSource
    .query(`INSERT INTO institution_account_changes (district_code, township_code, institution_payee_id, bank_name, bank_account, status, reason, proposed_by_id)
    SELECT i.district_code, i.township_code, i.id, '建设银行', '6217000011112222333', 'PROPOSED', '换开户行', a.id FROM institution_payees i, accounts a
     WHERE i.name = '河西敬老院' AND a.username = 'hexi.head'`);
  await t.gql(
    'mutation { proposeDistrict(input: { regionCode: "510196000000", name: "翻页区", adminUsername: "walk.admin", adminDisplayName: "翻页" }) { proposal { id } } }',
    {},
    await t.login('province.operator'),
  );
  for (const fixture of Object.values(WALKS)) await insertRows(fixture, TIED_ROWS, TIED_AT);
});

it('has a walk for every connection field of the schema', async () => {
  const schema = await buildAppSchema();
  const connections = Object.values(schema.getQueryType()!.getFields())
    .filter((field) => getNamedType(field.type).name.endsWith('Connection'))
    .map((field) => field.name)
    .sort();
  expect(connections).toEqual(Object.keys(WALKS).sort());
});

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = (field: string) => `query($first: Int, $after: String) { ${field}(first: $first, after: $after) {
  totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

describe.each(Object.entries(WALKS))('%s', (field, fixture) => {
  it.each(PAGE_SIZES)(
    'walked %i at a time while rows are added, returns every earlier row once and counts every row',
    async (size) => {
      const token = await t.login(fixture.caller);
      const before = new Set(await listedRows(fixture));
      expect(before.size).toBeGreaterThanOrEqual(TIED_ROWS);
      const added: string[] = [];
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; ; page += 1) {
        const result: GraphQLResult<Record<string, Page>> = await t.gql(PAGE(field), { first: size, after }, token);
        expect(result.errors).toBeUndefined();
        const connection = result.data![field];
        expect(connection.totalCount).toBe(before.size + added.length);
        expect(connection.edges.length).toBeLessThanOrEqual(size);
        expect(connection.nodes).toEqual(connection.edges.map((edge) => edge.node));
        expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
        seen.push(...connection.edges.map((edge) => rowKeyOf(edge.node.id)));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
        // Between pages a row arrives: newer than all, or sharing the tied instants.
        added.push(...(await insertRows(fixture, 1, page % 2 === 0 ? 'clock_timestamp()' : TIED_AT)));
      }
      expect(seen.filter((id, index) => seen.indexOf(id) !== index)).toEqual([]);
      expect(seen.filter((id) => before.has(id)).sort()).toEqual([...before].sort());
      expect(seen.filter((id) => !before.has(id) && !added.includes(id))).toEqual([]);
      // Three connections list cases, so the cases walked one at a time are several hundred pages.
    },
    180_000,
  );
});

describe('cursors and page sizes', () => {
  const CASES = 'query($first: Int, $after: String) { cases(first: $first, after: $after) { totalCount } }';
  const cursor = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');
  const id = '00000000-0000-4000-8000-000000000000';

  it.each([
    ['not base64 JSON', 'not a cursor'],
    ['a cursor of another list', cursor(['Household', '2026-03-01T08:00:00.123456Z', id])],
    ['a cursor in the old millisecond form', cursor(['2026-03-01T08:00:00.123Z', id])],
    ['a cursor dated in year 275760', cursor(['Case', '275760-09-13T00:00:00.000000Z', id])],
    ['a cursor dated in year 0', cursor(['Case', '0000-01-01T00:00:00.000000Z', id])],
    ['a cursor on a day that does not exist', cursor(['Case', '2026-02-30T08:00:00.000000Z', id])],
    ['a cursor at hour 25', cursor(['Case', '2026-03-01T25:00:00.000000Z', id])],
    ['a cursor with a malformed id', cursor(['Case', '2026-03-01T08:00:00.123456Z', 'x'])],
  ])('refuses %s with BAD_USER_INPUT, never a 500', async (_, after) => {
    const result = await t.gql(CASES, { first: 5, after }, await t.login('district.officer'));
    expect(result.status).toBeLessThan(500);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ messageKey: 'page.after.invalid', field: 'after' });
  });

  it.each([0, -1, 101])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    expect(codeOf(await t.gql(CASES, { first }, await t.login('district.officer')))).toBe('BAD_USER_INPUT');
  });

  it('gives 50 rows when first is left out or null', async () => {
    const token = await t.login('district.officer');
    for (const query of ['{ cases { edges { cursor } } }', '{ cases(first: null) { edges { cursor } } }']) {
      expect((await t.gql(query, {}, token)).data!.cases.edges).toHaveLength(50);
    }
  });
});
