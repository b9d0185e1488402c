import fc from 'fast-check';
import { useTestApp } from './support/harness';
import { seedLeakFixtures } from './support/leak-fixtures';

/**
 * The leak hunt as a property test (issue #10, item 10). fast-check draws an account of every role
 * and scope (the seeded demo accounts of both demo districts and the province, README, and a caller
 * without an account) and a random request: the lists of every personal or scoped subject with
 * filters, `node` and by-id fields with ids of every type, scope and of the other district, nested
 * fields, aliases and fragments, mutations on rows of other scopes. No answer may hold a row the
 * account may not read, nor a personal field its roles do not grant.
 *
 * The oracle is independent of the code under test: for every type with a global id the API
 * returns, `RULES` below says, from DOMAIN.md and the policy as documented (docs/permission-matrix.md),
 * which rows each role held for a region may read, as a condition on the row's own columns (its
 * district, township and village codes, the account it belongs to, its department) written here in
 * SQL; the ids each account may see are those rows, for the roles it holds as stored. Nothing of the
 * API's own scoping (CASL rules, their SQL translation, the policy table) is used. Every object with
 * an id in a response is checked, whatever field it was reached through; an id of a type the oracle
 * has no rule for is itself a failure, so a new type cannot slip past the hunt unchecked.
 *
 * `LEAK_PROBES` sets the number of requests (`npm run test:long` runs 10,000).
 */

const PROBES = Number(process.env.LEAK_PROBES ?? 100);
const SEED = 10_2026;

/** The caller without an account: it may read running public notices and nothing else (D§12). */
const ANONYMOUS = 'anonymous';

const ACCOUNTS = [
  ANONYMOUS,
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
  'va.101204',
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

// ---- the oracle -----------------------------------------------------------------------------

/** One role an account holds, where, and who it is. */
interface Held {
  role: string;
  region: string;
  me: string;
  department: string | null;
}

const districtOf = (code: string) => `${code.slice(0, 6)}000000`;

/**
 * How far a role's reading of a type reaches: rows of its village, township or district (the
 * district of the region it is held for), rows that are its own (`self`: the type's `own` column is
 * its account id), rows addressed to its department, or a condition of its own.
 */
type Reach = 'village' | 'township' | 'district' | 'self' | 'department' | ((held: Held) => string);

interface Rule {
  table: string;
  /** The key of the global id (`Type:<key>`) as SQL on the row; by default `<district>:<id>`. */
  key?: string;
  /** The column naming the account a row belongs to, for the `self` reach. */
  own?: string;
  /** Per role: its reach, and optionally a further condition on the row. */
  readers: Partial<Record<string, Reach | [Reach, string]>>;
  /** Rows anyone may read, the caller without an account included. */
  everyone?: string;
}

const VA = 'VILLAGE_ASSISTANT';
const TC = 'TOWNSHIP_CASEWORKER';
const CM = 'COMMITTEE_MEMBER';
const TH = 'TOWNSHIP_HEAD';
const DO = 'DISTRICT_OFFICER';
const FIN = 'FINANCE_OFFICER';
const AUD = 'AUDITOR';
const POV = 'POVERTY_OFFICER';
const DEP = 'DEPARTMENT';
const ADM = 'ADMIN';
const PROV = 'PROVINCE_OPERATOR';
const ROLES = [VA, TC, CM, TH, DO, FIN, AUD, POV, DEP, ADM, PROV];

const each = (roles: string[], reach: Reach | [Reach, string]) => Object.fromEntries(roles.map((role) => [role, reach]));

/** An active enrolment pays the household (D§10); a rural DIBAO one with a member able to work is poverty alleviation's (P4.4). */
const paidHousehold = (programme = '') =>
  `EXISTS (SELECT 1 FROM enrolments e WHERE e.district_code = r.district_code AND e.household_id = r.id AND e.status = 'ACTIVE'${programme})`;
const POVERTY_HOUSEHOLD = `r.residence = 'RURAL' AND r.has_member_able_to_work AND ${paidHousehold(" AND e.programme = 'DIBAO'")}`;
const POVERTY_ENROLMENT = `r.programme = 'DIBAO' AND r.residence = 'RURAL' AND r.has_member_able_to_work`;

/** Who reads a case and the records of its handling (P4.1, P4.2, P3.1, P3.2, P4.3, P4.4). */
const CASE_READERS = { [VA]: 'village', ...each([TC, CM, TH], 'township'), ...each([DO, AUD], 'district') } as const;
/** Who reads the records of a recipient's dynamic management (P4.1, P2.3, P4.3). */
const RECIPIENT_READERS = { [VA]: 'village', ...each([TC, TH], 'township'), [DO]: 'district' } as const;

/**
 * Every type with a global id, the table its rows live in, and who may read which of them, as the
 * policy is documented (docs/permission-matrix.md; DOMAIN.md §2, §10, §12–§14).
 */
const RULES: Record<string, Rule> = {
  Region: {
    table: 'regions',
    key: 'r.code',
    readers: {
      ...each(
        ROLES.filter((role) => role !== PROV),
        ({ region }) => `r.district_code = '${districtOf(region)}'`,
      ),
      [PROV]: ({ region }) => `r.level = 'DISTRICT' AND r.province_code = '${region.slice(0, 2)}'`,
    },
  },
  Account: {
    table: 'accounts',
    key: 'r.id::text',
    own: 'id',
    readers: { ...each(ROLES, 'self'), ...each([TC, CM, TH], 'township'), ...each([DO, AUD, ADM, PROV], 'district') },
  },
  RoleGrant: {
    table: 'role_grants',
    own: 'account_id',
    readers: { ...each(ROLES, 'self'), [TH]: 'township', ...each([ADM, DO, AUD], 'district') },
  },
  ApiKey: { table: 'api_keys', key: 'r.id::text', own: 'account_id', readers: { [DEP]: 'self', [ADM]: 'district' } },
  DistrictProposal: { table: 'district_proposals', readers: { [PROV]: ({ region }) => `r.province_code = '${region.slice(0, 2)}'` } },
  Household: {
    table: 'households',
    readers: {
      [VA]: 'village',
      ...each([TC, CM, TH], 'township'),
      ...each([DO, AUD], 'district'),
      [FIN]: ['district', paidHousehold()],
      [POV]: ['district', POVERTY_HOUSEHOLD],
    },
  },
  Person: { table: 'persons', readers: { [VA]: 'village', ...each([TC, CM, TH], 'township'), [DO]: 'district' } },
  Case: { table: 'cases', readers: CASE_READERS },
  CaseEvent: { table: 'case_events', readers: CASE_READERS },
  Investigation: { table: 'investigations', readers: CASE_READERS },
  IncomeAccounting: { table: 'income_accountings', readers: CASE_READERS },
  Appraisal: { table: 'appraisals', readers: CASE_READERS },
  Objection: { table: 'objections', readers: CASE_READERS },
  Delivery: { table: 'deliveries', readers: CASE_READERS },
  SpotCheck: { table: 'spot_checks', readers: CASE_READERS },
  Enrolment: {
    table: 'enrolments',
    readers: {
      [VA]: 'village',
      ...each([TC, TH], 'township'),
      ...each([DO, FIN, AUD], 'district'),
      [POV]: ['district', POVERTY_ENROLMENT],
    },
  },
  EnrolmentReview: { table: 'enrolment_reviews', readers: RECIPIENT_READERS },
  EnrolmentChange: { table: 'enrolment_changes', readers: { ...RECIPIENT_READERS, [AUD]: 'district' } },
  ChangeReport: { table: 'change_reports', readers: RECIPIENT_READERS },
  DevelopmentLink: { table: 'development_links', readers: { ...each([TC, TH], 'township'), ...each([DO, POV], 'district') } },
  BankAccountChange: {
    table: 'bank_account_changes',
    readers: { [VA]: 'village', ...each([TC, TH], 'township'), ...each([DO, AUD], 'district') },
  },
  KinDeclaration: { table: 'kin_declarations', own: 'account_id', readers: { ...each([VA, TC, CM, TH], 'self'), [DO]: 'district' } },
  // A township sees a petition about it only once the district shares it (D§12).
  Petition: { table: 'petitions', readers: { ...each([TC, TH], ['township', 'r.shared_with_township']), [DO]: 'district' } },
  CommitteeView: { table: 'committees', readers: { ...each([TC, CM, TH], 'township'), ...each([DO, AUD], 'district') } },
  Meeting: { table: 'meetings', readers: { ...each([TC, CM, TH], 'township'), ...each([DO, AUD], 'district') } },
  Delegation: { table: 'delegations', readers: { ...each([TC, CM, TH], 'township'), ...each([DO, FIN, AUD, POV], 'district') } },
  WorkPlan: { table: 'work_plans', readers: { ...each([TC, TH], 'township'), [DO]: 'district' } },
  VerificationRequest: { table: 'verification_requests', readers: { ...each([TC, TH], 'township'), ...each([DO, AUD], 'district') } },
  VerificationAnswer: {
    table: 'verification_answers',
    readers: {
      [DO]: 'district',
      [DEP]: 'department',
    },
  },
  // The district's own sample (P4.3): no township reaches a draw or its pool.
  SpotCheckDraw: { table: 'spot_check_draws', readers: each([DO, AUD], 'district') },
  SpotCheckPoolEntry: { table: 'spot_check_pool_entries', readers: each([DO, AUD], 'district') },
  AuditEntry: { table: 'audit_log', own: 'actor_id', readers: { ...each([DO, AUD], 'district'), [ADM]: 'self' } },
  AuditFinding: { table: 'audit_findings', readers: each([DO, AUD], 'district') },
  // The monthly funds cycle (D§10): the township its own, the district, finance and audit all of it.
  Roster: { table: 'rosters', readers: { ...each([TC, TH], 'township'), ...each([DO, FIN, AUD], 'district') } },
  RosterLine: { table: 'roster_lines', readers: { ...each([TC, TH], 'township'), ...each([DO, FIN, AUD], 'district') } },
  FundRequest: { table: 'fund_requests', readers: each([DO, FIN, AUD], 'district') },
  // A bank sees the batches sent to it, no other department any (P4.4).
  PaymentBatch: { table: 'payment_batches', own: 'bank_integration_id', readers: { ...each([DO, FIN, AUD], 'district'), [DEP]: 'self' } },
  Payment: { table: 'payments', readers: { [VA]: 'village', ...each([TC, TH], 'township'), ...each([DO, FIN, AUD], 'district') } },
  InstitutionPayee: { table: 'institution_payees', readers: { ...each([TC, TH], 'township'), ...each([DO, FIN, AUD], 'district') } },
  // Readable without an account while the notice runs; a TEKUN household with a minor is never published (D§3, D§12).
  PublicNotice: {
    table: 'cases',
    readers: {},
    everyone: `r.status = 'PUBLIC_NOTICE' AND r.notice_ends_at > now() AND NOT (r.programme = 'TEKUN' AND EXISTS (
      SELECT 1 FROM persons p WHERE p.district_code = r.district_code AND p.household_id = r.household_id
        AND make_date(substr(p.id_number, 7, 4)::int, substr(p.id_number, 11, 2)::int, substr(p.id_number, 13, 2)::int)
          > (now() AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years'))`,
  },
};

function conditionOf(rule: Rule, reach: Reach, held: Held): string {
  switch (reach) {
    case 'village':
      return `r.village_code = '${held.region}'`;
    case 'township':
      return `r.township_code = '${held.region}'`;
    case 'district':
      return `r.district_code = '${districtOf(held.region)}'`;
    case 'self':
      return `r.${rule.own} = '${held.me}'`;
    case 'department':
      return `r.district_code = '${districtOf(held.region)}' AND r.department_code = '${held.department}'`;
    default:
      return reach(held);
  }
}

/** The SQL condition under which an account holding `held` may read a row of `type` (null: none). */
function readable(type: string, held: Held[], roles?: string[]): string | null {
  const rule = RULES[type];
  const conditions = held
    .filter(({ role }) => !roles || roles.includes(role))
    .flatMap((h) => {
      const reader = rule.readers[h.role];
      if (!reader) return [];
      const [reach, extra] = Array.isArray(reader) ? reader : [reader, null];
      return [extra ? `(${conditionOf(rule, reach, h)}) AND (${extra})` : conditionOf(rule, reach, h)];
    });
  if (rule.everyone && !roles) conditions.push(rule.everyone);
  return conditions.length === 0 ? null : conditions.map((c) => `(${c})`).join(' OR ');
}

/**
 * Personal fields (D§12, D§10, P6.3): their unmasked value reaches only an account one of whose roles
 * grants them for that row. Which roles grant them, from the policy as documented; `shown` says when
 * a value is the unmasked one (masked values hold `*`; derived fields are withheld altogether).
 */
const unmaskedString = (value: unknown) => typeof value === 'string' && !value.includes('*');
const present = (value: unknown) => value !== null && value !== undefined;
const PERSONAL: { type: string; field: string; grantedTo: string[]; shown: (value: unknown) => boolean }[] = [
  ...['idNumber', 'healthDetail', 'disabilityDetail'].map((field) => ({
    type: 'Person',
    field,
    grantedTo: [VA, TC, TH, DO],
    shown: unmaskedString,
  })),
  // The birth date and sex are digits of the ID number (D§12): only with it.
  ...['birthDate', 'sex'].map((field) => ({ type: 'Person', field, grantedTo: [VA, TC, TH, DO], shown: present })),
  ...['phone', 'address'].map((field) => ({ type: 'Household', field, grantedTo: [VA, TC, TH, DO], shown: unmaskedString })),
  { type: 'Household', field: 'bankAccount', grantedTo: [VA, TC, TH, DO, FIN], shown: unmaskedString },
  { type: 'Payment', field: 'bankAccount', grantedTo: [TC, TH, DO, FIN], shown: unmaskedString },
  { type: 'RosterLine', field: 'idNumber', grantedTo: [TC, TH, DO], shown: unmaskedString },
  { type: 'RosterLine', field: 'bankAccount', grantedTo: [TC, TH, DO, FIN], shown: unmaskedString },
  // The bank file holds every payee's account in full.
  { type: 'PaymentBatch', field: 'file', grantedTo: [DO, FIN, DEP], shown: present },
  // Who petitioned is never disclosed to those complained about (D§12).
  ...['residentName', 'residentContact'].map((field) => ({ type: 'Petition', field, grantedTo: [DO], shown: present })),
];

/**
 * Fields a role reads of a type when its grant lists them (P4.4, D§10): finance sees of a household
 * the payee and where the money goes, of an enrolment programme, payee and amount, never the
 * household's circumstances. An account all of whose roles reading the type are limited so gets no
 * other field of it (personal fields aside: those come masked, see `PERSONAL`).
 */
const FIELD_LIMITS: Record<string, Partial<Record<string, string[]>>> = {
  Household: { [FIN]: ['id', 'districtCode', 'townshipCode', 'villageCode', 'headName', 'bankName', 'bankAccount'] },
  Enrolment: {
    [FIN]: [
      'id',
      'districtCode',
      'townshipCode',
      'villageCode',
      'programme',
      'payeeName',
      'monthlyAmount',
      'startMonth',
      'status',
      'createdAt',
      'household',
    ],
  },
};

/** The fields the account may read of a type, or null when some role of it reads the type unlimited. */
function fieldsOf(account: Account, type: string): Set<string> | null {
  const limits = FIELD_LIMITS[type] ?? {};
  const readers = account.held.filter((h) => RULES[type].readers[h.role]);
  if (readers.length === 0 || readers.some((h) => !limits[h.role])) return null;
  return new Set(readers.flatMap((h) => limits[h.role]!));
}

/** A tenant row's global id (`Type:<district>:<uuid>`), wherever it appears, and its district. */
const TENANT_ID = /^([A-Z][A-Za-z]+):(\d{12}):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Account {
  username: string;
  districtCode: string | null;
  held: Held[];
  token: string | undefined;
  /** Global ids of each type it may read (found so far: a row made during the hunt is looked up when met). */
  visible: Map<string, Set<string>>;
  /** Per personal field (`Type.field`), the ids of rows whose field it may read unmasked. */
  unmasked: Map<string, Set<string>>;
}

const t = useTestApp({ demo: true }, 180_000);
const accounts: Account[] = [];
/** Every id of every type, of both districts, to be asked for by anyone. */
const idsOf = new Map<string, string[]>();
/** Rows per type at the start, for the check that the hunt has something to find. */
const rowsOf = new Map<string, number>();

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
const decode = (id: string) => {
  const text = Buffer.from(id, 'base64url').toString();
  const colon = text.indexOf(':');
  return { type: text.slice(0, colon), key: text.slice(colon + 1) };
};

/** The key of a row of `type` as SQL. */
const keyOf = (type: string) => RULES[type].key ?? `r.district_code || ':' || r.id`;

/**
 * The global ids of the rows of `type`, each with whether it satisfies each condition: one query
 * per type for every account and personal field at once (a null condition is never satisfied).
 */
async function rowsWhere(type: string, conditions: (string | null)[]): Promise<{ id: string; satisfies: boolean[] }[]> {
  const columns = conditions.map((condition, i) => `COALESCE(${condition ?? 'false'}, false) AS c${i}`);
  const rows: Record<string, unknown>[] = await t.ownerDataSource.query(
    `SELECT ${[`${keyOf(type)} AS key`, ...columns].join(', ')} FROM ${RULES[type].table} r`,
  );
  return rows.map((row) => ({ id: globalId(type, String(row.key)), satisfies: conditions.map((_, i) => row[`c${i}`] === true) }));
}

/** Whether one row (by its global id) satisfies a condition: for rows made after the sets were read. */
async function rowSatisfies(type: string, id: string, condition: string | null): Promise<boolean> {
  if (condition === null) return false;
  const rule = RULES[type];
  const rows: unknown[] = await t.ownerDataSource.query(`SELECT 1 FROM ${rule.table} r WHERE (${keyOf(type)}) = $1 AND (${condition})`, [
    decode(id).key,
  ]);
  return rows.length > 0;
}

beforeAll(async () => {
  await seedLeakFixtures(t);
  for (const username of ACCOUNTS) {
    const roles: { id: string; district_code: string; department_code: string | null; role: string; region_code: string }[] =
      username === ANONYMOUS
        ? []
        : await t.ownerDataSource.query(
            `SELECT a.id, a.district_code, a.department_code, r.role, r.region_code
             FROM accounts a JOIN account_roles r ON r.account_id = a.id WHERE a.username = $1`,
            [username],
          );
    if (username !== ANONYMOUS && roles.length === 0) throw new Error(`${username} holds no role`);
    accounts.push({
      username,
      districtCode: roles[0]?.district_code ?? null,
      held: roles.map((row) => ({ role: row.role, region: row.region_code, me: row.id, department: row.department_code })),
      token: username === ANONYMOUS ? undefined : await t.login(username),
      visible: new Map(),
      unmasked: new Map(),
    });
  }
  for (const type of Object.keys(RULES)) {
    const personal = PERSONAL.filter((p) => p.type === type);
    const sets = accounts.flatMap((account) => [
      { into: account.visible, name: type, condition: readable(type, account.held) },
      ...personal.map(({ field, grantedTo }) => ({
        into: account.unmasked,
        name: `${type}.${field}`,
        condition: readable(type, account.held, grantedTo),
      })),
    ]);
    for (const set of sets) set.into.set(set.name, new Set());
    const rows = await rowsWhere(
      type,
      sets.map((set) => set.condition),
    );
    for (const row of rows) sets.forEach((set, i) => row.satisfies[i] && set.into.get(set.name)!.add(row.id));
    rowsOf.set(type, rows.length);
    idsOf.set(
      type,
      rows.map((row) => row.id),
    );
  }
}, 180_000);

const accountNamed = (username: string) => accounts.find((account) => account.username === username)!;

it('the oracle sees rows on both sides for the accounts and types it is about', () => {
  const of = (username: string, type: string) => accountNamed(username).visible.get(type)!.size;
  // A broken oracle (everything or nothing visible) would make the property vacuous.
  expect(of('va.101201', 'Case')).toBeGreaterThan(0);
  expect(of('va.101201', 'Case')).toBeLessThan(of('hexi.caseworker', 'Case'));
  expect(of('hexi.caseworker', 'Case')).toBeLessThan(of('district.officer', 'Case'));
  expect(of('qingshan.officer', 'Case')).toBeGreaterThan(0);
  expect(of('admin', 'Case')).toBe(0);
  // Every subject of the money and supervision has rows in more than one scope, so that a wider
  // scope than the policy's would show a row the oracle refuses.
  for (const type of [
    'Payment',
    'RosterLine',
    'Roster',
    'PaymentBatch',
    'FundRequest',
    'Petition',
    'EnrolmentReview',
    'ChangeReport',
    'EnrolmentChange',
    'KinDeclaration',
    'BankAccountChange',
    'IncomeAccounting',
    'AuditEntry',
    'Account',
    'RoleGrant',
    'Delegation',
    'WorkPlan',
    'SpotCheckDraw',
    'InstitutionPayee',
    'CommitteeView',
    'Meeting',
    'PublicNotice',
    'AuditFinding',
  ]) {
    expect([type, rowsOf.get(type)! > of('hexi.caseworker', type) || rowsOf.get(type)! > of('district.officer', type)]).toEqual([
      type,
      true,
    ]);
  }
  expect(of('hexi.caseworker', 'Payment')).toBeGreaterThan(0);
  expect(of('hexi.caseworker', 'Payment')).toBeLessThan(of('district.officer', 'Payment'));
  expect(of('va.101204', 'Payment')).toBeGreaterThan(0);
  expect(of('shiqiao.caseworker', 'Petition')).toBeGreaterThan(0);
  expect(of('hexi.caseworker', 'Petition')).toBe(0);
  expect(of('dept.bank', 'PaymentBatch')).toBeGreaterThan(0);
  expect(of('dept.police', 'PaymentBatch')).toBe(0);
  expect(of(ANONYMOUS, 'PublicNotice')).toBeGreaterThan(0);
});

// ---- requests -------------------------------------------------------------------------------

const ACCOUNT = 'id username districtCode townshipCode roles { role regionCode }';
const INCOME = 'id amountYuan perCapitaIncomeYuan recordedBy { id username } adoptedBy { id }';
const PERSON = 'id name idNumber healthDetail disabilityDetail birthDate sex household { id phone address bankAccount }';
const HOUSEHOLD = `id headName phone address bankAccount residence memberCount incomeStability members { ${PERSON} } cases { id applicantName }`;
const CASE = `id applicantName status decidedBy { id username } decidedUnder { id townshipCode } events { id action } investigations { id findings }
  incomeAccountings { ${INCOME} } objections { id objector } spotChecks { id outcome } deliveries { id recipient } household { ${HOUSEHOLD} }`;
const ENROLMENT = `id payeeName monthlyAmount residence hasMemberAbleToWork reviewClass careLevel history { id kind amount } reviews { id outcome reasons } changeReports { id content }
  household { ${HOUSEHOLD} } case { id applicantName incomeAccounting { ${INCOME} } }`;
const ROSTER_LINE = 'id payee payeeName idNumber bankAccount amount kind institution villageCode';

/** What is asked of each type, nested neighbours included. */
const SELECTION: Record<string, string> = {
  Region: 'id code name',
  Account: ACCOUNT,
  RoleGrant: `id role regionCode account { ${ACCOUNT} } proposedBy { id username } confirmedBy { id } revokedBy { id }`,
  ApiKey: 'id',
  DistrictProposal: 'id',
  Household: HOUSEHOLD,
  Person: PERSON,
  Case: CASE,
  CaseEvent: 'id action note actorUsername',
  Investigation: 'id findings case { id applicantName }',
  IncomeAccounting: INCOME,
  Appraisal: 'id minutes',
  Objection: 'id objector content',
  Delivery: 'id recipient',
  SpotCheck: 'id findings outcome',
  Enrolment: ENROLMENT,
  EnrolmentReview: 'id outcome reasons enrolment',
  EnrolmentChange: 'id kind amount reason',
  ChangeReport: 'id content enrolment',
  DevelopmentLink: 'id measure enrolmentId',
  BankAccountChange: 'id householdId bankAccount previousBankAccount status proposedById decidedById',
  KinDeclaration: 'id name relation',
  Petition: 'id kind status title content residentName residentContact sharedWithTownship case',
  CommitteeView: `id townshipCode members { account { ${ACCOUNT} } }`,
  Meeting:
    'id townshipCode agenda { id applicantName household { id headName } } members { account { id username } } votes { caseId memberId case { id } member { id } }',
  Delegation: 'id townshipCode programme kind',
  WorkPlan: 'id title body kind status townshipCode',
  VerificationRequest: 'id status case { id applicantName } answers { id departmentCode findings }',
  VerificationAnswer: 'id departmentCode findings requestId',
  SpotCheckDraw: 'id seed poolSize pool { id caseId case { id applicantName } }',
  SpotCheckPoolEntry: 'id caseId case { id applicantName }',
  AuditEntry: 'id action subjectType subjectId actorUsername districtCode',
  AuditFinding: 'id title body townshipCode',
  Roster: `id month status total lines(first: 20) { nodes { ${ROSTER_LINE} } }`,
  RosterLine: ROSTER_LINE,
  FundRequest: 'id month status requestedTotal allocatedAmount',
  PaymentBatch: 'id month kind total transferCount file bankIntegration',
  Payment: 'id villageCode payeeName amount status failureReason bankAccount',
  InstitutionPayee: 'id name bankAccount townshipCode',
  PublicNotice: 'id maskedName householdSize amount villageCode villageName',
};

const alias = fc.constantFrom('', 'a: ', 'x1: ', 'other: ');
const villages = fc.constantFrom(
  '510199101201',
  '510199101204',
  '510199102201',
  '510199102203',
  '510199001001',
  '510197103201',
  '510199201204',
);
const townships = fc.constantFrom('510199101000', '510199102000', '510199001000', '510199201000', '510197103000');
const first = fc.constantFrom(1, 5, 20, 50);
const months = fc.constantFrom(
  undefined,
  (() => {
    const now = new Date(Date.now() + 8 * 3_600_000);
    const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  })(),
);

/** A request as text. */
interface Request {
  query: string;
  variables: Record<string, unknown>;
}

/** The selection of a type, inline or through a named fragment appended to the document. */
const withFragment = (type: string, useFragment: boolean) =>
  useFragment
    ? { selection: `...F${type}`, fragment: ` fragment F${type} on ${type} { ${SELECTION[type]} }` }
    : { selection: SELECTION[type], fragment: '' };

/** A filter given half the time: a list unfiltered shows every row of the caller's scope, the widest test. */
const option = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 1 });

/**
 * The lists of every personal or scoped subject, each with the filters it takes (values of every
 * scope); `plain` lists are not connections.
 */
const LISTS: { field: string; type: string; args: fc.Arbitrary<Record<string, unknown>>; plain?: boolean }[] = [
  {
    field: 'cases',
    type: 'Case',
    args: fc.record({
      filter: option(
        fc.record(
          {
            villageCode: villages,
            townshipCode: townships,
            search: fc.constantFrom('刘', '张', '王', '%', '_', ''),
            status: fc.constantFrom(['SUBMITTED'], ['ACCEPTED'], ['PUBLIC_NOTICE']),
          },
          { requiredKeys: [] },
        ),
      ),
    }),
  },
  { field: 'overdueCases', type: 'Case', args: fc.constant({}) },
  { field: 'decisionsWithoutAuthority', type: 'Case', args: fc.constant({}) },
  {
    field: 'households',
    type: 'Household',
    args: fc.record({ villageCode: option(villages), search: option(fc.constantFrom('刘', '张', '王', '李')) }),
  },
  {
    field: 'enrolments',
    type: 'Enrolment',
    args: fc.record({ villageCode: option(villages), programme: option(fc.constantFrom('DIBAO', 'TEKUN')) }),
  },
  {
    field: 'payments',
    type: 'Payment',
    args: fc.record({ month: months, townshipCode: option(townships), villageCode: option(villages) }),
  },
  { field: 'rosters', type: 'Roster', args: fc.record({ month: months, townshipCode: option(townships) }) },
  { field: 'paymentBatches', type: 'PaymentBatch', args: fc.record({ month: months, townshipCode: option(townships) }) },
  { field: 'fundRequests', type: 'FundRequest', args: fc.record({ month: months }) },
  {
    field: 'petitions',
    type: 'Petition',
    args: fc.record({ townshipCode: option(townships), kind: option(fc.constantFrom('COMPLAINT', 'APPEAL')) }),
  },
  { field: 'kinDeclarations', type: 'KinDeclaration', args: fc.constant({}) },
  { field: 'bankAccountChanges', type: 'BankAccountChange', args: fc.record({ status: option(fc.constantFrom('PROPOSED', 'CONFIRMED')) }) },
  { field: 'auditLog', type: 'AuditEntry', args: fc.constant({}) },
  { field: 'accounts', type: 'Account', args: fc.record({ regionCode: option(fc.oneof(villages, townships)) }) },
  { field: 'roleGrants', type: 'RoleGrant', args: fc.record({ regionCode: option(fc.oneof(villages, townships)) }) },
  { field: 'delegations', type: 'Delegation', args: fc.record({ townshipCode: option(townships) }) },
  { field: 'workPlans', type: 'WorkPlan', args: fc.record({ townshipCode: option(townships) }) },
  { field: 'spotCheckDraws', type: 'SpotCheckDraw', args: fc.constant({}) },
  { field: 'institutionPayees', type: 'InstitutionPayee', args: fc.record({ townshipCode: option(townships) }) },
  { field: 'committees', type: 'CommitteeView', args: fc.constant({}), plain: true },
  { field: 'meetings', type: 'Meeting', args: fc.record({ townshipCode: option(townships) }) },
  { field: 'publicNotices', type: 'PublicNotice', args: fc.record({ villageCode: option(villages) }), plain: true },
  { field: 'verificationRequests', type: 'VerificationRequest', args: fc.constant({}) },
  { field: 'verificationAnswers', type: 'VerificationAnswer', args: fc.constant({}) },
  { field: 'developmentLinks', type: 'DevelopmentLink', args: fc.constant({}) },
  { field: 'auditFindings', type: 'AuditFinding', args: fc.constant({}) },
];

const literal = (args: Record<string, unknown>) => {
  const given = Object.entries(args).filter(([, value]) => value !== undefined);
  const ENUMS = new Set(['programme', 'kind', 'status']);
  const text = (value: unknown, key: string): string =>
    Array.isArray(value)
      ? `[${value.map((v) => text(v, key)).join(', ')}]`
      : value && typeof value === 'object'
        ? `{ ${Object.entries(value)
            .map(([k, v]) => `${k}: ${text(v, k)}`)
            .join(', ')} }`
        : ENUMS.has(key)
          ? String(value)
          : JSON.stringify(value);
  return given.map(([key, value]) => `${key}: ${text(value, key)}`);
};

/** Whether some role of the account reads some rows of the type: the oracle's own knowledge, used
 * only to aim most requests where an answer has rows to check (the rest go anywhere). */
const reads = (account: Account, type: string) => readable(type, account.held) !== null;

/** Mostly one of `aimed` (when there are any), sometimes any of `all`. */
const aimedAt = <T>(aimed: T[], all: T[]) =>
  aimed.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...aimed), weight: 3 }, { arbitrary: fc.constantFrom(...all), weight: 1 })
    : fc.constantFrom(...all);

/** One or two lists in one document, each under an alias, inline or through a fragment. */
const lists = (account: Account) =>
  fc
    .array(
      fc
        .record({
          list: aimedAt(
            LISTS.filter((list) => reads(account, list.type)),
            LISTS,
          ),
          a: alias,
          n: first,
          fragment: fc.boolean(),
        })
        .chain((drawn) => drawn.list.args.map((args) => ({ ...drawn, args }))),
      { minLength: 1, maxLength: 2 },
    )
    .map((drawn): Request => {
      const fragments = new Map<string, string>();
      const fields = drawn.map(({ list, a, n, fragment, args }, i) => {
        const f = withFragment(list.type, fragment);
        if (f.fragment) fragments.set(list.type, f.fragment);
        const given = list.plain ? literal(args) : [`first: ${n}`, ...literal(args)];
        const name = a === '' && i > 0 ? `l${i}: ` : a === '' ? '' : `${a.slice(0, -2)}${i}: `;
        const call = given.length > 0 ? `${list.field}(${given.join(', ')})` : list.field;
        return `${name}${call} { ${list.plain ? f.selection : `nodes { ${f.selection} }`} }`;
      });
      return { query: `query { ${fields.join(' ')} }${[...fragments.values()].join('')}`, variables: {} };
    });

/** An id of any type: one the account may see (so that its own rows are asked for with their nested
 * neighbours), one of its own district outside its permission (where a leak is likeliest), or any of
 * either district; the type is drawn first (mostly one the account reads some of), so that the many
 * audit entries and regions do not crowd out the rest. Read when drawn, after `beforeAll` has collected them. */
const pick = (list: string[]) => fc.nat().map((n) => list[n % list.length]);
const anyId = (account: Account) => {
  const types = [...idsOf].filter(([, ids]) => ids.length > 0).map(([type]) => type);
  return aimedAt(
    types.filter((type) => reads(account, type)),
    types,
  ).chain((type) => {
    const every = idsOf.get(type)!;
    const own = [...account.visible.get(type)!];
    const near = every.filter((id) => decode(id).key.startsWith(`${account.districtCode}:`) && !account.visible.get(type)!.has(id));
    return fc.oneof(...[own, near, every].filter((list) => list.length > 0).map(pick));
  });
};

/** The fields at the top level of a selection. */
function topLevel(selection: string): Set<string> {
  const names = new Set<string>();
  aliased('', selection, { has: () => false, add: (name: string) => names.add(name) });
  return names;
}

/** A selection whose top-level fields named in `clashing` (but `id`) are renamed `<field>__<type>`:
 * beside the fragment of another type on `node`, fields of one name and different types would
 * conflict. Each other field it meets is passed to `seen`. */
function aliased(type: string, selection: string, clashing: { has(name: string): boolean; add?(name: string): unknown }): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < selection.length;) {
    const c = selection[i];
    if (c === '{' || c === '(') depth++;
    if (c === '}' || c === ')') depth--;
    const word = /^[A-Za-z_]\w*/.exec(selection.slice(i));
    if (depth === 0 && word && !/\w/.test(selection[i - 1] ?? '')) {
      clashing.add?.(word[0]);
      out += word[0] !== 'id' && clashing.has(word[0]) ? `${word[0]}__${type}: ${word[0]}` : word[0];
      i += word[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** `node(id)` under several aliases, with inline fragments on the id's own type and one other. */
const byNode = (account: Account) =>
  fc
    .array(fc.record({ id: anyId(account), other: fc.constantFrom(...Object.keys(SELECTION)) }), { minLength: 1, maxLength: 3 })
    .map((drawn): Request => ({
      query: `query(${drawn.map((_, i) => `$i${i}: ID!`).join(', ')}) { ${drawn
        .map(({ id, other }, i) => {
          const own = decode(id).type;
          const fragments = [
            own in SELECTION ? `...on ${own} { ${SELECTION[own]} }` : '',
            other === own ? '' : `...on ${other} { ${aliased(other, SELECTION[other], topLevel(SELECTION[own] ?? ''))} }`,
          ];
          return `n${i}: node(id: $i${i}) { id __typename ${fragments.join(' ')} }`;
        })
        .join(' ')} }`,
      variables: Object.fromEntries(drawn.map(({ id }, i) => [`i${i}`, id])),
    }));

/** `case(id)` / `household(id)` with an id of any scope (and of any type: a mix-up must not leak either). */
const byId = (account: Account) =>
  fc
    .record({ field: fc.constantFrom(['case', 'Case'] as const, ['household', 'Household'] as const), id: anyId(account), a: alias })
    .map(({ field, id, a }): Request => ({
      query: `query($id: ID!) { ${a}${field[0]}(id: $id) { ${SELECTION[field[1]]} } }`,
      variables: { id },
    }));

/** Mutations on rows of any scope: whatever they answer is checked like a read. None of them moves a
 * row into another scope, so the oracle's sets stay true. */
const mutation = (account: Account) =>
  fc.record({ id: anyId(account), kind: fc.integer({ min: 0, max: 4 }) }).map(({ id, kind }): Request => {
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
      case 2:
        return {
          query: `mutation($i: RequestMaterialsInput!) { requestMaterials(input: $i) { case { ${CASE} } } }`,
          variables: { i: { caseId: id, version: 1, missingMaterials: ['x'] } },
        };
      case 3:
        return {
          query: `mutation($c: ID!) { rejectBankAccountChange(input: { changeId: $c, reason: "核对" }) { bankAccountChange { ${SELECTION.BankAccountChange} } } }`,
          variables: { c: id },
        };
      default:
        return {
          query: `mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { roster { ${SELECTION.Roster} } } }`,
          variables: { i: { rosterId: id } },
        };
    }
  });

const requestFor = (account: Account) =>
  fc.oneof(
    { arbitrary: lists(account), weight: 5 },
    { arbitrary: byNode(account), weight: 4 },
    { arbitrary: byId(account), weight: 1 },
    { arbitrary: mutation(account), weight: 1 },
  );

// ---- the property ---------------------------------------------------------------------------

let checkedIds = 0;
const checkedTypes = new Map<string, number>();
const refusals = new Map<string, number>();

/** Whether the account may read the row, or (with `field`) that field of it unmasked; a row not
 * known when the sets were read (made during the hunt, e.g. an audit entry) is looked up alone. */
async function allowed(account: Account, type: string, id: string, field?: string): Promise<boolean> {
  const set = field ? account.unmasked.get(`${type}.${field}`)! : account.visible.get(type)!;
  if (set.has(id)) return true;
  const grantedTo = field ? PERSONAL.find((p) => p.type === type && p.field === field)!.grantedTo : undefined;
  if (await rowSatisfies(type, id, readable(type, account.held, grantedTo))) {
    set.add(id);
    return true;
  }
  return false;
}

/** Every leak in a response: rows outside the account's permission, personal fields unmasked. */
async function leaksIn(account: Account, data: unknown): Promise<string[]> {
  const leaks: string[] = [];
  const walk = async (value: unknown, path: string): Promise<void> => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) await walk(item, `${path}.${i}`);
      return;
    }
    if (typeof value === 'string') {
      // An id of a row of another district, in whatever field (a reference, an audit entry's
      // subject), is a row of another tenant: only the province and the public notices cross them.
      const tenant = TENANT_ID.exec(Buffer.from(value, 'base64url').toString());
      if (
        tenant &&
        account.districtCode &&
        !account.held.some((h) => h.role === PROV) &&
        tenant[1] !== 'PublicNotice' &&
        tenant[2] !== account.districtCode
      ) {
        leaks.push(`${path}: ${tenant[1]} id of district ${tenant[2]} reached ${account.username} of ${account.districtCode}`);
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    const row = value as Record<string, unknown>;
    if (typeof row.id === 'string') {
      const { type } = decode(row.id);
      checkedIds++;
      checkedTypes.set(type, (checkedTypes.get(type) ?? 0) + 1);
      if (!(type in RULES)) leaks.push(`${path}: ${type} ${row.id} is of a type the oracle has no rule for`);
      else if (!(await allowed(account, type, row.id)))
        leaks.push(`${path}: ${type} ${row.id} is outside ${account.username}'s permission`);
      for (const { field, shown } of PERSONAL.filter((p) => p.type === type)) {
        // Under its own name or renamed `<field>__<type>` (see `aliased`).
        const values = Object.entries(row).filter(([key]) => key.split('__')[0] === field);
        if (values.some(([, value]) => shown(value)) && !(await allowed(account, type, row.id, field))) {
          leaks.push(`${path}.${field}: ${type} ${row.id} unmasked for ${account.username}`);
        }
      }
      const fields = type in RULES ? fieldsOf(account, type) : null;
      for (const [key, item] of Object.entries(row)) {
        // Under its own name or renamed `<field>__<type>` (see `aliased`).
        const field = key.startsWith('__') ? key : key.split('__')[0];
        // A personal field not granted comes masked to whoever reads the row (checked above).
        const personal = PERSONAL.some((p) => p.type === type && p.field === field);
        if (fields && !field.startsWith('__') && !personal && !fields.has(field) && item !== null && item !== undefined) {
          leaks.push(`${path}.${key}: ${type} field ${field} is not granted to ${account.username}`);
        }
      }
    }
    for (const [key, item] of Object.entries(row)) await walk(item, `${path}.${key}`);
  };
  await walk(data, 'data');
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
        expect(await leaksIn(account, result.data)).toEqual([]);
      },
    ),
    { seed: SEED, numRuns: PROBES, endOnFailure: true },
  );
  console.log(
    `leak hunt: ${probes} probes in ${((Date.now() - started) / 1000).toFixed(1)} s, ${checkedIds} ids checked`,
    Object.fromEntries([...checkedTypes].sort()),
    refusals,
  );
  // Not vacuous: most answers carry rows (a query the schema refuses would check nothing).
  expect(checkedIds).toBeGreaterThan(probes);
  expect(refusals.get('GRAPHQL_VALIDATION_FAILED undefined') ?? 0).toBe(0);
}, 3_600_000);
