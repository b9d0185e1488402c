import fc from 'fast-check';
import { startTestApp, TestApp } from './support/harness';

/**
 * The leak hunt as a property test (issue #10, item 10). fast-check draws an account of every role
 * and scope (the seeded demo accounts of both demo districts and the province, README) and a
 * random request: lists with filters, `node` and by-id fields with ids of every scope and of the
 * other district, nested fields, aliases and fragments, mutations on rows of other scopes. No
 * answer may hold a row or id the account may not see, nor a personal field its roles do not grant.
 *
 * The oracle is independent of the code under test: for each account, the ids of cases,
 * households, persons and enrolments it may see are computed by SQL queries written here from the
 * policy as documented (docs/permission-matrix.md: VILLAGE_ASSISTANT its village, P4.1; township
 * roles their township, P4.2, P3.1, P3.2; DISTRICT_OFFICER and AUDITOR their district; FINANCE
 * households paid by an active enrolment; POVERTY rural DIBAO households with a member able to
 * work, D§11; DEPARTMENT, ADMIN and PROVINCE_OPERATOR none of them), from the account's roles
 * as stored. Nothing of the API's own scoping (CASL rules, their SQL translation) is used.
 *
 * `LEAK_PROBES` sets the number of requests (`npm run test:long` runs 10,000).
 */

const PROBES = Number(process.env.LEAK_PROBES ?? 300);
const SEED = 10_2026;

const ACCOUNTS = [
  'admin',
  'district.officer',
  'finance',
  'auditor',
  'poverty',
  'dept.police',
  'dept.bank',
  'hexi.head',
  'hexi.caseworker',
  'hexi.member1',
  'shiqiao.caseworker',
  'chengguan.head',
  'baiyun.caseworker2',
  'va.101201',
  'va.102203',
  'va.001001',
  'qingshan.admin',
  'qingshan.officer',
  'longtan.head',
  'longtan.caseworker',
  'longtan.member1',
  'va.103201',
  'province.operator',
];

/** Subjects the oracle knows, and the table each lives in. */
const TABLES = { Case: 'cases', Household: 'households', Person: 'persons', Enrolment: 'enrolments' } as const;
type Subject = keyof typeof TABLES;

/**
 * The SQL condition (on alias `r` of the subject's table) under which one role held for `region`
 * may read a row, from the policy table; null when the role reads none of that subject.
 */
function scopeOf(subject: Subject, role: string, region: string): string | null {
  const village = `r.village_code = '${region}'`;
  const township = `r.township_code = '${region}'`;
  const district = `r.district_code = '${region}'`;
  const activeEnrolment = (programme: string) =>
    `EXISTS (SELECT 1 FROM enrolments e WHERE e.district_code = r.district_code AND e.household_id = r.id AND e.status = 'ACTIVE'${programme})`;
  switch (role) {
    case 'VILLAGE_ASSISTANT':
      return village;
    case 'TOWNSHIP_CASEWORKER':
    case 'TOWNSHIP_HEAD':
      return township;
    case 'COMMITTEE_MEMBER':
      return subject === 'Enrolment' ? null : township;
    case 'DISTRICT_OFFICER':
      return district;
    case 'AUDITOR':
      return subject === 'Person' ? null : district;
    case 'FINANCE_OFFICER':
      if (subject === 'Household') return `${district} AND ${activeEnrolment('')}`;
      return subject === 'Enrolment' ? district : null;
    case 'POVERTY_OFFICER':
      if (subject === 'Household') {
        return `${district} AND r.residence = 'RURAL' AND r.has_member_able_to_work AND ${activeEnrolment(" AND e.programme = 'DIBAO'")}`;
      }
      if (subject === 'Enrolment') return `${district} AND r.programme = 'DIBAO' AND r.residence = 'RURAL' AND r.has_member_able_to_work`;
      return null;
    default:
      return null;
  }
}

/** Personal fields some roles read only masked (or not at all): their unmasked value must not reach
 * an account none of whose roles grants them for that row. Which roles grant them, from the policy. */
const PERSONAL: Record<string, { subject: Subject; grantedTo: string[] }> = {
  idNumber: { subject: 'Person', grantedTo: ['VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_HEAD', 'DISTRICT_OFFICER'] },
  phone: { subject: 'Household', grantedTo: ['VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_HEAD', 'DISTRICT_OFFICER'] },
  address: { subject: 'Household', grantedTo: ['VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_HEAD', 'DISTRICT_OFFICER'] },
  healthDetail: { subject: 'Person', grantedTo: ['VILLAGE_ASSISTANT', 'TOWNSHIP_CASEWORKER', 'TOWNSHIP_HEAD', 'DISTRICT_OFFICER'] },
};

interface Account {
  username: string;
  districtCode: string;
  roles: { role: string; region: string }[];
  token: string;
  /** Global ids of each subject it may read. */
  visible: Record<Subject, Set<string>>;
  /** Per personal field, the ids of rows whose field it may read unmasked. */
  unmasked: Record<string, Set<string>>;
}

let t: TestApp;
const accounts: Account[] = [];
/** Every id of the oracle's subjects, of both districts, to be asked for by anyone. */
const everyId: string[] = [];

const globalId = (type: string, districtCode: string, id: string) => Buffer.from(`${type}:${districtCode}:${id}`).toString('base64url');

async function idsWhere(subject: Subject, conditions: string[]): Promise<Set<string>> {
  if (conditions.length === 0) return new Set();
  const rows: { district_code: string; id: string }[] = await t.dataSource.query(
    `SELECT r.district_code, r.id FROM ${TABLES[subject]} r WHERE ${conditions.map((c) => `(${c})`).join(' OR ')}`,
  );
  return new Set(rows.map((row) => globalId(subject, row.district_code, row.id)));
}

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  for (const username of ACCOUNTS) {
    const roles: { district_code: string; role: string; region_code: string }[] = await t.dataSource.query(
      'SELECT a.district_code, r.role, r.region_code FROM accounts a JOIN account_roles r ON r.account_id = a.id WHERE a.username = $1',
      [username],
    );
    const held = roles.map((row) => ({ role: row.role, region: row.region_code }));
    const visible = {} as Record<Subject, Set<string>>;
    for (const subject of Object.keys(TABLES) as Subject[]) {
      visible[subject] = await idsWhere(
        subject,
        held.map(({ role, region }) => scopeOf(subject, role, region)).filter((c): c is string => c !== null),
      );
    }
    const unmasked: Record<string, Set<string>> = {};
    for (const [field, { subject, grantedTo }] of Object.entries(PERSONAL)) {
      unmasked[field] = await idsWhere(
        subject,
        held
          .filter(({ role }) => grantedTo.includes(role))
          .map(({ role, region }) => scopeOf(subject, role, region))
          .filter((c): c is string => c !== null),
      );
    }
    accounts.push({ username, districtCode: roles[0].district_code, roles: held, token: await t.login(username), visible, unmasked });
  }
  for (const [subject, table] of Object.entries(TABLES)) {
    const rows: { district_code: string; id: string }[] = await t.dataSource.query(`SELECT district_code, id FROM ${table} ORDER BY id`);
    everyId.push(...rows.map((row) => globalId(subject, row.district_code, row.id)));
  }
}, 120_000);
afterAll(() => t?.close());

it('the oracle sees rows on both sides for the accounts it is about', () => {
  const of = (username: string) => accounts.find((a) => a.username === username)!;
  // A broken oracle (everything or nothing visible) would make the property vacuous.
  expect(of('va.101201').visible.Case.size).toBeGreaterThan(0);
  expect(of('va.101201').visible.Case.size).toBeLessThan(of('hexi.caseworker').visible.Case.size);
  expect(of('hexi.caseworker').visible.Case.size).toBeLessThan(of('district.officer').visible.Case.size);
  expect(of('qingshan.officer').visible.Case.size).toBeGreaterThan(0);
  expect(of('admin').visible.Case.size).toBe(0);
  expect(everyId.length).toBeGreaterThan(of('district.officer').visible.Case.size);
});

// ---- requests -------------------------------------------------------------------------------

const PERSON = 'id name idNumber healthDetail household { id phone address }';
const HOUSEHOLD = `id headName phone address members { ${PERSON} } cases { id applicantName }`;
const CASE = `id applicantName status household { ${HOUSEHOLD} }`;
const ENROLMENT = `id payeeName household { ${HOUSEHOLD} } case { ${CASE} }`;
const BY_TYPE: Record<Subject, string> = { Case: CASE, Household: HOUSEHOLD, Person: PERSON, Enrolment: ENROLMENT };

const alias = fc.constantFrom('', 'a: ', 'x1: ', 'other: ');
const villages = fc.constantFrom('510199101201', '510199101202', '510199102203', '510199001001', '510197103201', '510199201204');
const townships = fc.constantFrom('510199101000', '510199102000', '510199001000', '510199201000', '510197103000');
const first = fc.constantFrom(1, 5, 50, 100);
/** An id the account may see (so that its own rows are asked for with their nested neighbours),
 * one of its own district outside its scope (where a leak is likeliest), or any of either district;
 * read when drawn, after `beforeAll` has collected them. */
const pick = (list: string[]) => fc.nat().map((n) => list[n % list.length]);
const anyId = (account: Account) => {
  const own = Object.values(account.visible).flatMap((ids) => [...ids]);
  const visible = new Set(own);
  const near = everyId.filter((id) => Buffer.from(id, 'base64url').toString().split(':')[1] === account.districtCode && !visible.has(id));
  return fc.oneof(...[own, near, everyId].filter((list) => list.length > 0).map(pick));
};

/** A request as text; `fragment` is appended to the document when a selection uses one. */
interface Request {
  query: string;
  variables: Record<string, unknown>;
}

const withFragment = (type: Subject, useFragment: boolean) =>
  useFragment
    ? { selection: `...F${type}`, fragment: ` fragment F${type} on ${type} { ${BY_TYPE[type]} }` }
    : { selection: BY_TYPE[type], fragment: '' };

const caseList = fc
  .record({
    a: alias,
    n: first,
    filter: fc.record(
      {
        villageCode: villages,
        townshipCode: townships,
        search: fc.constantFrom('刘', '张', '王', '%', '_', ''),
        status: fc.constantFrom(['SUBMITTED'], ['ACCEPTED']),
      },
      { requiredKeys: [] },
    ),
    fragment: fc.boolean(),
  })
  .map(({ a, n, filter, fragment }): Request => {
    const f = withFragment('Case', fragment);
    return {
      query: `query($f: CaseFilter) { ${a}cases(first: ${n}, filter: $f) { totalCount nodes { ${f.selection} } } }${f.fragment}`,
      variables: { f: filter },
    };
  });

const householdList = fc
  .record({
    a: alias,
    n: first,
    village: fc.option(villages),
    search: fc.option(fc.constantFrom('刘', '张', '王', '李')),
    fragment: fc.boolean(),
  })
  .map(({ a, n, village, search, fragment }): Request => {
    const f = withFragment('Household', fragment);
    return {
      query: `query($v: String, $s: String) { ${a}households(first: ${n}, villageCode: $v, search: $s) { nodes { ${f.selection} } } }${f.fragment}`,
      variables: { v: village, s: search },
    };
  });

const enrolmentList = fc
  .record({ a: alias, n: first, village: fc.option(villages), fragment: fc.boolean() })
  .map(({ a, n, village, fragment }): Request => {
    const f = withFragment('Enrolment', fragment);
    return {
      query: `query($v: String) { ${a}enrolments(first: ${n}, villageCode: $v) { nodes { ${f.selection} } } }${f.fragment}`,
      variables: { v: village },
    };
  });

/** `node(id)` with inline fragments on every type, under several aliases. */
const byNode = (account: Account) =>
  fc.record({ ids: fc.array(anyId(account), { minLength: 1, maxLength: 4 }) }).map(({ ids }): Request => ({
    query: `query(${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${ids
      .map(
        (_, i) =>
          `n${i}: node(id: $i${i}) { id ...on Case { ${CASE} } ...on Household { ${HOUSEHOLD} } ...on Person { ${PERSON} } ...on Enrolment { ${ENROLMENT} } }`,
      )
      .join(' ')} }`,
    variables: Object.fromEntries(ids.map((id, i) => [`i${i}`, id])),
  }));

/** `case(id)` / `household(id)` with an id of any scope (and of any type: a mix-up must not leak either). */
const byId = (account: Account) =>
  fc
    .record({ field: fc.constantFrom(['case', 'Case'] as const, ['household', 'Household'] as const), id: anyId(account), a: alias })
    .map(({ field, id, a }): Request => ({
      query: `query($id: ID!) { ${a}${field[0]}(id: $id) { ${BY_TYPE[field[1]]} } }`,
      variables: { id },
    }));

/** Mutations on rows of any scope: whatever they answer is checked like a read. */
const mutation = (account: Account) =>
  fc.record({ id: anyId(account), kind: fc.integer({ min: 0, max: 2 }) }).map(({ id, kind }): Request => {
    switch (kind) {
      case 0:
        return {
          query: `mutation($i: UpdateHouseholdInput!) { updateHousehold(input: $i) { household { ${HOUSEHOLD} } } }`,
          variables: { i: { householdId: id, phone: '13900000000' } },
        };
      case 1:
        return {
          query: `mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { ${CASE} } } }`,
          variables: { i: { caseId: id, version: 1 } },
        };
      default:
        return {
          query: `mutation($i: RequestMaterialsInput!) { requestMaterials(input: $i) { case { ${CASE} } } }`,
          variables: { i: { caseId: id, version: 1, missingMaterials: ['x'] } },
        };
    }
  });

const requestFor = (account: Account) =>
  fc.oneof(
    { arbitrary: caseList, weight: 3 },
    { arbitrary: householdList, weight: 2 },
    { arbitrary: enrolmentList, weight: 1 },
    { arbitrary: byNode(account), weight: 3 },
    { arbitrary: byId(account), weight: 1 },
    { arbitrary: mutation(account), weight: 1 },
  );

// ---- the property ---------------------------------------------------------------------------

const accountNamed = (username: string) => accounts.find((account) => account.username === username)!;
let checkedIds = 0;
const refusals = new Map<string, number>();

/** Every leak in a response: ids outside the account's visible sets, personal fields unmasked. */
function leaksIn(account: Account, data: unknown): string[] {
  const leaks: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}.${i}`));
    if (!value || typeof value !== 'object') return;
    const row = value as Record<string, unknown>;
    const id = typeof row.id === 'string' ? row.id : null;
    const type = id ? Buffer.from(id, 'base64url').toString().split(':')[0] : null;
    if (id && type && type in TABLES) checkedIds++;
    if (id && type && type in TABLES && !account.visible[type as Subject].has(id))
      leaks.push(`${path}: ${type} ${id} is outside ${account.username}'s scope`);
    for (const [field, { subject }] of Object.entries(PERSONAL)) {
      const shown = row[field];
      if (type === subject && typeof shown === 'string' && !shown.includes('*') && !account.unmasked[field].has(id!)) {
        leaks.push(`${path}.${field}: unmasked for ${account.username}`);
      }
    }
    for (const [key, item] of Object.entries(row)) walk(item, `${path}.${key}`);
  };
  walk(data, 'data');
  return leaks;
}

it(`no response of ${PROBES} random requests holds a row, id or field outside the caller's permission`, async () => {
  let probes = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(
      // Drawn by username, so that a counterexample reads as one.
      fc.constantFrom(...ACCOUNTS).chain((username) => requestFor(accountNamed(username)).map((req) => [username, req] as const)),
      async ([username, req]) => {
        const account = accountNamed(username);
        probes++;
        const result = await t.gql(req.query, req.variables, account.token);
        for (const error of result.errors ?? []) {
          const key = `${String(error.extensions?.code)} ${String(error.extensions?.messageKey)}`;
          refusals.set(key, (refusals.get(key) ?? 0) + 1);
        }
        expect(result.status).toBeLessThan(500);
        expect(leaksIn(account, result.data)).toEqual([]);
      },
    ),
    { seed: SEED, numRuns: PROBES, endOnFailure: true },
  );
  console.log(`leak hunt: ${probes} probes in ${((Date.now() - started) / 1000).toFixed(1)} s, ${checkedIds} ids checked`, refusals);
  // Not vacuous: most answers carry rows (a query the schema refuses would check nothing).
  expect(checkedIds).toBeGreaterThan(probes);
  expect(refusals.get('GRAPHQL_VALIDATION_FAILED undefined') ?? 0).toBe(0);
}, 3_600_000);
