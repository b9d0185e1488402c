import type { DataSource, EntityManager } from 'typeorm';
import { insertDefaultCatalogues } from '../modules/settings/catalogues';
import { Role } from '../../permissions/roles';
import { idNumberCheckChar } from '../modules/household/id-number';
import { batchCsv } from '../modules/funds/batch-file';

/**
 * District-scale data for measuring the API (issue 14): per district 25 townships of 16 villages,
 * 500,000+ residents, 22,000 DIBAO, 1,600 TEKUN and 6,000 LINSHI cases with their households,
 * members, workflow events, enrolments and the 36 months of rosters, fund requests, payments and
 * bank batches with their results before `untilMonth`, with an audit entry for every change. Deterministic: the same options give
 * the same rows, ids included. Rows go in as multi-row `INSERT … SELECT FROM unnest(…)` after the
 * migrations, through the same triggers as the API's writes (the audit chain, the append-only and
 * frozen-roster guards, the household enrolment flags), so the data passes every check they make.
 *
 * "Residents" are the population of the villages (`regions.population`, what staffing and statistics
 * count); `persons` are the members of the households that applied.
 */

export interface ScaleOptions {
  /** How many districts to add (default 1). */
  districts?: number;
  /** Number of the first district: district n has code `52` + (9000 + n) + `000000`. Default 1. */
  firstDistrict?: number;
  /** Multiplies the number of cases, households, persons, enrolments and payments; 1 is the full size.
   * Places and staff stay as they are, so a small factor still has every township and village. */
  factor?: number;
  /** The month after the last month paid, YYYY-MM (default 2026-11): fixed, so that runs agree. */
  untilMonth?: string;
  /** Months of payments before `untilMonth` (default 36). */
  months?: number;
  /** The argon2 hash every seeded account signs in with. */
  passwordHash: string;
  /** Called after every insert with the rows written so far. */
  onRows?: (rowsDone: number) => void;
}

export interface ScaleDistrict {
  districtCode: string;
  /** Usernames by role, for clients that sign in as them (the benchmark, the EXPLAIN test). */
  usernames: {
    districtOfficer: string;
    finance: string;
    auditor: string;
    poverty: string;
    admin: string;
    bank: string;
    departments: string[];
    townshipHead: string;
    townshipCaseworker: string;
    villageAssistant: string;
  };
  townshipCode: string;
  villageCode: string;
  /** Rows written, by table. */
  rows: Record<string, number>;
  /** The population of its villages. */
  residents: number;
}

/** Full size, per district (issue 14 §1). */
export const FULL_SCALE = {
  townships: 25,
  streetOffices: 3,
  villagesPerTownship: 16,
  dibaoEnrolled: 20_000,
  dibaoOther: 2_000,
  tekunEnrolled: 1_500,
  tekunOther: 100,
  linshi: 6_000,
} as const;

/** About how many rows one district of full size writes, for a progress bar. */
export const ESTIMATED_ROWS_PER_DISTRICT = 3_000_000;

/** Random numbers from a fixed seed (mulberry32): the same sequence on every run. */
class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰志强桂兰秀珍文斌春梅海燕德胜金凤红梅淑珍国庆丽华永明小红俊杰';
const BANKS = ['中国农业银行', '中国邮政储蓄银行', '农村信用合作社', '中国工商银行', '中国建设银行'];
const DEPARTMENTS = ['PUBLIC_SECURITY', 'TAX', 'HR_SOCIAL_SECURITY', 'MARKET_REGULATION', 'BANK'] as const;

const DAY = 86_400_000;

/** YYYY-MM of a month index (year * 12 + month0). */
const monthText = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const monthIndexOf = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
/** Milliseconds at the start of a month index, China time (UTC+8). */
const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1) - 8 * 3_600_000;
const monthOfTime = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const iso = (ms: number) => new Date(ms).toISOString();
const dateText = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

type Column = readonly [name: string, type: string];

/** Writes rows in chunks of `INSERT … SELECT FROM unnest($1::t[], …)`: one statement per chunk,
 * two bind parameters per column whatever the number of rows. */
class Loader {
  rowsDone = 0;
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly manager: EntityManager,
    private readonly onRows?: (rowsDone: number) => void,
  ) {}

  async insert(table: string, columns: readonly Column[], rows: unknown[][], chunk = 5_000): Promise<void> {
    const names = columns.map(([name]) => `"${name}"`).join(', ');
    const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      await this.manager.query(
        sql,
        columns.map((_, i) => part.map((row) => row[i])),
      );
      // Statistics from the first rows, before any later insert checks a foreign key into this table:
      // planned on an empty table, that check would scan the whole table for every row.
      if (!this.counts[table]) await this.manager.query(`ANALYZE "${table}"`);
      this.rowsDone += part.length;
      this.counts[table] = (this.counts[table] ?? 0) + part.length;
      this.onRows?.(this.rowsDone);
    }
  }
}

interface Person {
  name: string;
  idNumber: string;
  relation: string;
  labour: string;
}

interface SeededCase {
  id: string;
  householdId: string;
  townshipCode: string;
  villageCode: string;
  programme: 'DIBAO' | 'TEKUN' | 'LINSHI';
  payee: string;
  idNumber: string;
  bankName: string;
  bankAccount: string;
  amount: number;
  decidedAt: number | null;
  enrolmentId: string | null;
  /** The month index from which an ended enrolment is no longer paid. */
  endMonth: number | null;
}

/** Adds `districts` districts of scale data; returns what each holds and who to sign in as. */
export async function seedScale(dataSource: DataSource, options: ScaleOptions): Promise<{ districts: ScaleDistrict[]; rows: number }> {
  const districts: ScaleDistrict[] = [];
  let rows = 0;
  const count = options.districts ?? 1;
  const first = options.firstDistrict ?? 1;
  for (let n = first; n < first + count; n++) {
    const district = await dataSource.transaction((manager) => seedDistrict(manager, n, options, (done) => options.onRows?.(rows + done)));
    rows += Object.values(district.rows).reduce((a, b) => a + b, 0);
    districts.push(district);
  }
  return { districts, rows };
}

async function seedDistrict(
  manager: EntityManager,
  n: number,
  options: ScaleOptions,
  onRows: (done: number) => void,
): Promise<ScaleDistrict> {
  const factor = options.factor ?? 1;
  const scaled = (full: number) => Math.max(1, Math.round(full * factor));
  const random = new Random(20_261_128 + n);
  const load = new Loader(manager, onRows);
  const prefix = `52${String(9000 + n).slice(-4)}`;
  const districtCode = `${prefix}000000`;
  const tag = `s${String(n).padStart(2, '0')}`;
  const untilMonth = monthIndexOf(options.untilMonth ?? '2026-11');
  const months = options.months ?? 36;
  const firstPaidMonth = untilMonth - months;
  const historyStart = monthStart(firstPaidMonth - 48);
  const seededAt = monthStart(firstPaidMonth - 60);

  // ── Places: street offices of communities, townships of villages (codes as DOMAIN.md §1) ──
  const townships: { code: string; kind: string; villages: { code: string; population: number }[]; urban: boolean }[] = [];
  for (let t = 0; t < FULL_SCALE.townships; t++) {
    const urban = t < FULL_SCALE.streetOffices;
    const code = `${prefix}${urban ? String(t + 1).padStart(3, '0') : String(100 + t).padStart(3, '0')}000`;
    const villages = Array.from({ length: FULL_SCALE.villagesPerTownship }, (_, v) => ({
      code: `${code.slice(0, 9)}${String((urban ? 1 : 201) + v).padStart(3, '0')}`,
      population: random.int(1_250, 1_500),
    }));
    townships.push({ code, kind: urban ? 'STREET_OFFICE' : 'TOWNSHIP', villages, urban });
  }
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const regionColumns: Column[] = [
    ['code', 'varchar'],
    ['name', 'varchar'],
    ['level', 'varchar'],
    ['kind', 'varchar'],
    ['parent_code', 'varchar'],
    ['district_code', 'varchar'],
    ['township_code', 'varchar'],
    ['village_code', 'varchar'],
    ['population', 'int'],
    ['province_code', 'varchar'],
  ];
  const provinceCode = districtCode.slice(0, 2);
  const population = sum(townships.flatMap((t) => t.villages.map((v) => v.population)));
  await load.insert('regions', regionColumns, [
    [districtCode, `Scale District ${n} 规模测试区${n}`, 'DISTRICT', 'DISTRICT', null, districtCode, null, null, population, provinceCode],
  ]);
  await insertDefaultCatalogues(manager, districtCode);
  await load.insert(
    'regions',
    regionColumns,
    townships.map((t, i) => [
      t.code,
      `${t.urban ? 'Street' : 'Town'} ${i + 1} ${t.urban ? '街道' : '镇'}${i + 1}`,
      'TOWNSHIP',
      t.kind,
      districtCode,
      districtCode,
      t.code,
      null,
      sum(t.villages.map((v) => v.population)),
      provinceCode,
    ]),
  );
  await load.insert(
    'regions',
    regionColumns,
    townships.flatMap((t) =>
      t.villages.map((v, i) => [
        v.code,
        `${t.urban ? 'Community' : 'Village'} ${v.code.slice(6)} ${t.urban ? '社区' : '村'}${i + 1}`,
        'VILLAGE',
        t.urban ? 'COMMUNITY' : 'VILLAGE',
        t.code,
        districtCode,
        t.code,
        v.code,
        v.population,
        provinceCode,
      ]),
    ),
  );

  // ── Staff: the district's roles, each township's head and three caseworkers, each village's assistant ──
  const accounts: { id: string; username: string; regionCode: string; roles: Role[]; department: string | null }[] = [];
  const account = (username: string, regionCode: string, roles: Role[], department: string | null = null) => {
    const row = { id: random.uuid(), username: `${tag}.${username}`, regionCode, roles, department };
    accounts.push(row);
    return row;
  };
  const officer = account('officer', districtCode, [Role.DISTRICT_OFFICER]);
  const finance = account('finance', districtCode, [Role.FINANCE_OFFICER]);
  const auditor = account('auditor', districtCode, [Role.AUDITOR]);
  const poverty = account('poverty', districtCode, [Role.POVERTY_OFFICER]);
  const admin = account('admin', districtCode, [Role.ADMIN]);
  const departments = DEPARTMENTS.map((d) => account(`dept.${d.toLowerCase()}`, districtCode, [Role.DEPARTMENT], d));
  const bank = departments[DEPARTMENTS.indexOf('BANK')];
  const staffOf = new Map<string, { head: (typeof accounts)[0]; caseworkers: (typeof accounts)[0][] }>();
  const assistantOf = new Map<string, (typeof accounts)[0]>();
  for (const t of townships) {
    const short = t.code.slice(6, 9);
    staffOf.set(t.code, {
      head: account(`t${short}.head`, t.code, [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER]),
      caseworkers: [1, 2, 3].map((k) => account(`t${short}.caseworker${k}`, t.code, [Role.TOWNSHIP_CASEWORKER])),
    });
    for (const v of t.villages) assistantOf.set(v.code, account(`va.${v.code.slice(6)}`, v.code, [Role.VILLAGE_ASSISTANT]));
  }
  const scopeOf = (code: string) => ({
    township: code.slice(6, 9) === '000' ? null : `${code.slice(0, 9)}000`,
    village: code.slice(9) === '000' ? null : code,
  });
  await load.insert(
    'accounts',
    [
      ['id', 'uuid'],
      ['username', 'varchar'],
      ['display_name', 'varchar'],
      ['password_hash', 'varchar'],
      ['region_code', 'varchar'],
      ['district_code', 'varchar'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['department_code', 'varchar'],
      ['created_at', 'timestamptz'],
    ],
    accounts.map((a) => [
      a.id,
      a.username,
      a.username,
      options.passwordHash,
      a.regionCode,
      districtCode,
      scopeOf(a.regionCode).township,
      scopeOf(a.regionCode).village,
      a.department,
      iso(seededAt),
    ]),
  );
  // Every role present traces to a grant confirmed by the seed, as the demo's (D§14).
  const grants = accounts.flatMap((a) => a.roles.map((role) => ({ id: random.uuid(), account: a, role })));
  const DISTRICT_TIER = new Set<Role>([
    Role.DISTRICT_OFFICER,
    Role.FINANCE_OFFICER,
    Role.AUDITOR,
    Role.POVERTY_OFFICER,
    Role.DEPARTMENT,
    Role.ADMIN,
  ]);
  await load.insert(
    'role_grants',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['account_id', 'uuid'],
      ['role', 'varchar'],
      ['region_code', 'varchar'],
      ['township_code', 'varchar'],
      ['district_tier', 'bool'],
      ['proposed_as', 'varchar'],
      ['effective_from', 'timestamptz'],
      ['created_at', 'timestamptz'],
    ],
    grants.map((g) => [
      districtCode,
      g.id,
      g.account.id,
      g.role,
      g.account.regionCode,
      scopeOf(g.account.regionCode).township,
      DISTRICT_TIER.has(g.role),
      'SEED',
      iso(seededAt),
      iso(seededAt),
    ]),
  );
  await load.insert(
    'role_grant_acts',
    [
      ['district_code', 'varchar'],
      ['grant_id', 'uuid'],
      ['kind', 'varchar'],
      ['effective_at', 'timestamptz'],
      ['recorded_at', 'timestamptz'],
    ],
    grants.map((g) => [districtCode, g.id, 'CONFIRM', iso(seededAt), iso(seededAt)]),
  );

  // ── Every township holds a delegation for every programme (D§13), from before the first case ──
  const delegationOf = new Map<string, string>();
  const delegationRows: unknown[][] = [];
  for (const t of townships) {
    for (const programme of ['DIBAO', 'TEKUN', 'LINSHI']) {
      const id = random.uuid();
      delegationOf.set(`${t.code}:${programme}`, id);
      delegationRows.push([
        districtCode,
        id,
        t.code,
        'GRANT',
        programme,
        dateText(seededAt),
        `${tag}民委〔${programme}〕${t.code.slice(6, 9)}号`,
        officer.id,
        iso(seededAt),
      ]);
    }
  }
  await load.insert(
    'delegations',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['township_code', 'varchar'],
      ['kind', 'varchar'],
      ['programme', 'varchar'],
      ['effective_from', 'date'],
      ['document_reference', 'varchar'],
      ['created_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    delegationRows,
  );

  // ── Households, members, cases and the workflow each case went through ──
  const villages = townships.flatMap((t) => t.villages.map((v) => ({ township: t, village: v })));
  const name = () => random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.5) ? random.pick([...GIVEN]) : '');
  let idSequence = 0;
  const idNumber = (birthYear: number) => {
    const first17 = `${prefix}${birthYear}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}${String(idSequence++ % 1000).padStart(3, '0')}`;
    return first17 + idNumberCheckChar(first17);
  };

  const households: unknown[][] = [];
  const persons: unknown[][] = [];
  const cases: unknown[][] = [];
  const events: unknown[][] = [];
  const audit: { at: number; row: unknown[] }[] = [];
  /** An entry of the audit log, its columns by name (the `audit_log` insert below lists them in order). */
  const logAudit = (
    at: number,
    entry: {
      kind?: 'CHANGE' | 'READ_PERSONAL_DATA';
      actor: { id: string; username: string };
      action: string;
      subjectType: string;
      subjectId: string;
      field?: string;
      townshipCode?: string;
      villageCode?: string;
      details?: object;
      requestId?: string;
    },
  ) =>
    audit.push({
      at,
      row: [
        districtCode,
        random.uuid(),
        iso(at),
        entry.kind ?? 'CHANGE',
        entry.actor.id,
        entry.actor.username,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.field ?? null,
        entry.townshipCode ?? null,
        entry.villageCode ?? null,
        null,
        entry.details ? JSON.stringify(entry.details) : null,
        entry.requestId ?? null,
      ],
    });
  const enrolments: unknown[][] = [];
  const changes: unknown[][] = [];
  const seeded: SeededCase[] = [];

  // Distinct times as real work has them, and now and then a batch registered in one statement
  // (a village's proactive discoveries entered together) that shares one timestamp.
  let batchLeft = 0;
  let batchAt = 0;
  const createdAt = (from: number, to: number) => {
    if (batchLeft > 0) {
      batchLeft--;
      return batchAt;
    }
    const at = from + Math.floor(random.next() * (to - from));
    if (random.chance(0.01)) {
      batchLeft = random.int(5, 30);
      batchAt = at;
    }
    return at;
  };

  const addHousehold = (place: (typeof villages)[0], kind: 'DIBAO' | 'TEKUN' | 'LINSHI', at: number) => {
    const id = random.uuid();
    const size = kind === 'TEKUN' ? 1 : random.int(1, 5);
    const members: Person[] = [];
    const headBirth = kind === 'TEKUN' ? random.int(1935, 1960) : random.int(1950, 1990);
    members.push({
      name: name(),
      idNumber: idNumber(headBirth),
      relation: 'HEAD',
      labour: kind === 'TEKUN' ? 'NONE' : random.pick(['FULL', 'PARTIAL', 'NONE']),
    });
    for (let m = 1; m < size; m++) {
      const relation = m === 1 ? 'SPOUSE' : random.pick(['CHILD', 'CHILD', 'PARENT', 'GRANDPARENT']);
      const birth =
        relation === 'CHILD' ? random.int(2000, 2020) : relation === 'SPOUSE' ? headBirth + random.int(-5, 5) : random.int(1930, 1955);
      members.push({
        name: name(),
        idNumber: idNumber(birth),
        relation,
        labour: relation === 'CHILD' || relation === 'GRANDPARENT' ? 'NONE' : random.pick(['FULL', 'PARTIAL', 'NONE']),
      });
    }
    const ableToWork = members.some((m) => m.labour === 'FULL');
    const bankName = random.pick(BANKS);
    const bankAccount = `6228${String(random.int(0, 999_999_999)).padStart(9, '0')}${String(random.int(0, 999_999)).padStart(6, '0')}`;
    households.push([
      districtCode,
      id,
      place.township.code,
      place.village.code,
      place.township.urban ? 'URBAN' : 'RURAL',
      members[0].name,
      size,
      ableToWork,
      `${place.village.code.slice(6)}组${random.int(1, 300)}号`,
      `13${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
      bankName,
      bankAccount,
      assistantOf.get(place.village.code)!.id,
      iso(at),
      iso(at),
    ]);
    for (const m of members) {
      persons.push([
        districtCode,
        random.uuid(),
        id,
        place.township.code,
        place.village.code,
        m.name,
        m.idNumber,
        m.relation,
        m.labour,
        random.chance(0.05),
        iso(at),
      ]);
    }
    return { id, head: members[0], ableToWork, residence: place.township.urban ? 'URBAN' : 'RURAL', bankName, bankAccount };
  };

  /** The steps a case took and where it stopped; one event and one audit entry per step. Every
   * programme starts the same way: submitted, accepted, investigated. */
  const INTAKE_STEPS = [
    ['submit', null, 'SUBMITTED'],
    ['acceptCase', 'SUBMITTED', 'ACCEPTED'],
    ['startInvestigation', 'ACCEPTED', 'INVESTIGATING'],
  ] as const;
  const DIBAO_STEPS = [
    ...INTAKE_STEPS,
    ['submitForReview', 'INVESTIGATING', 'TOWNSHIP_REVIEW'],
    ['concludeReview', 'TOWNSHIP_REVIEW', 'PUBLIC_NOTICE'],
    ['approveCase', 'PUBLIC_NOTICE', 'APPROVED'],
    ['fileCase', 'APPROVED', 'FILED'],
  ] as const;
  const LINSHI_STEPS = [
    ...INTAKE_STEPS,
    ['startNotice', 'INVESTIGATING', 'PUBLIC_NOTICE'],
    ['approveCase', 'PUBLIC_NOTICE', 'APPROVED'],
    ['recordPayment', 'APPROVED', 'PAID'],
  ] as const;

  const addCase = (programme: 'DIBAO' | 'TEKUN' | 'LINSHI', outcome: 'enrolled' | 'other', from: number, to: number) => {
    const place = random.pick(villages);
    const staff = staffOf.get(place.township.code)!;
    const assistant = assistantOf.get(place.village.code)!;
    const at = createdAt(from, to);
    const household = addHousehold(place, programme, at - random.int(0, 3) * DAY);
    const id = random.uuid();
    const steps: readonly (readonly [string, string | null, string])[] = programme === 'LINSHI' ? LINSHI_STEPS : DIBAO_STEPS;
    // How far the case got: enrolled cases to approval (and often filing or payment); others stop
    // on the way, or are refused after review.
    let last: number;
    let denied = false;
    if (outcome === 'enrolled') last = programme === 'LINSHI' ? 5 : random.chance(0.5) ? 6 : 5;
    else if (random.chance(0.3)) {
      last = 4;
      denied = true;
    } else last = random.int(0, 4);
    let t = at;
    let version = 0;
    let decidedAt: number | null = null;
    let status = 'SUBMITTED';
    const caseworker = random.pick(staff.caseworkers);
    for (let s = 0; s <= last; s++) {
      const [action, fromStatus] = steps[s];
      let toStatus: string = steps[s][2];
      if (s > 0) t += random.int(1, 6) * DAY + random.int(0, 8 * 3_600_000);
      if (denied && s === last) toStatus = 'DENIED';
      const actor =
        s === 0
          ? assistant
          : action === 'fileCase'
            ? officer
            : ['concludeReview', 'approveCase'].includes(action)
              ? staff.head
              : caseworker;
      if (action === 'approveCase') decidedAt = t;
      events.push([
        districtCode,
        random.uuid(),
        id,
        place.township.code,
        place.village.code,
        fromStatus,
        toStatus,
        action,
        actor.id,
        actor.username,
        null,
        iso(t),
      ]);
      logAudit(t, {
        actor,
        action,
        subjectType: 'Case',
        subjectId: id,
        townshipCode: place.township.code,
        villageCode: place.village.code,
        details: { from: fromStatus, to: toStatus, version: version + 1 },
        requestId: `seed-${id.slice(0, 8)}-${s}`,
      });
      version++;
      status = toStatus;
    }
    // Staff who open a household's file read its unmasked ID numbers (D§12), logged as they do.
    if (random.chance(0.1)) {
      const readAt = t + random.int(1, 30) * DAY;
      const reader = random.pick(staff.caseworkers);
      logAudit(readAt, {
        kind: 'READ_PERSONAL_DATA',
        actor: reader,
        action: 'read',
        subjectType: 'Person',
        subjectId: household.id,
        field: 'idNumber',
        townshipCode: place.township.code,
        villageCode: place.village.code,
        requestId: `seed-read-${id.slice(0, 8)}`,
      });
    }
    const amount =
      programme === 'DIBAO' ? random.int(30, 90) * 10 : programme === 'TEKUN' ? random.int(90, 150) * 10 : random.int(5, 20) * 100;
    const careLevel = programme === 'TEKUN' ? random.pick(['SELF_CARE', 'PARTLY_DEPENDENT', 'FULLY_DEPENDENT']) : null;
    const supportForm = programme === 'TEKUN' ? (random.chance(0.8) ? 'DISPERSED' : 'CENTRALISED') : null;
    const decided = decidedAt !== null || denied;
    cases.push([
      districtCode,
      id,
      household.id,
      place.township.code,
      place.village.code,
      programme,
      status,
      random.pick(['WINDOW', 'WINDOW', 'ONLINE', 'PROACTIVE_DISCOVERY']),
      household.head.name,
      version,
      assistant.id,
      iso(at),
      iso(t),
      household.residence,
      decidedAt !== null || (programme === 'LINSHI' && last >= 3) ? amount : null,
      careLevel,
      supportForm,
      decided ? staff.head.id : null,
      decided ? iso(t) : null,
      iso(t),
      decided ? 'DELEGATION' : null,
      decided ? delegationOf.get(`${place.township.code}:${programme}`)! : null,
      decidedAt !== null || denied ? iso(t - 6 * DAY) : null,
      decidedAt !== null || denied ? iso(t - DAY) : null,
      iso(at + 30 * DAY),
    ]);
    let enrolmentId: string | null = null;
    let endMonth: number | null = null;
    if (decidedAt !== null && programme !== 'LINSHI') {
      enrolmentId = random.uuid();
      const startMonth = monthOfTime(decidedAt) + 1;
      // D§9 as an approval assigns it: the scale households carry no income stability, so those with
      // members able to work are six-monthly until a township finds their income stable.
      const reviewClass = programme === 'TEKUN' || !household.ableToWork ? 'A' : 'B';
      const reviewClassRule =
        programme === 'TEKUN' ? 'TEKUN_YEARLY' : reviewClass === 'A' ? 'STABLE_INCOME' : 'INCOME_STABILITY_UNRECORDED';
      // Some enrolments ended in a review (D§9): not paid from their end month on.
      if (random.chance(0.08)) endMonth = random.int(Math.max(startMonth + 1, firstPaidMonth), untilMonth - 1);
      const reviewMonths = reviewClass === 'A' ? 12 : 6;
      let nextReview = startMonth + reviewMonths;
      while (nextReview < untilMonth) nextReview += reviewMonths;
      enrolments.push([
        districtCode,
        enrolmentId,
        id,
        household.id,
        place.township.code,
        place.village.code,
        programme,
        household.residence,
        household.ableToWork,
        household.head.name,
        amount,
        dateText(monthStart(startMonth) + DAY),
        reviewClass,
        reviewClassRule,
        dateText(monthStart(nextReview) + DAY),
        supportForm,
        careLevel,
        endMonth === null ? 'ACTIVE' : 'ENDED',
        iso(decidedAt),
      ]);
      /** A change of this enrolment, in force from the first of `month` (the columns of `enrolment_changes`). */
      const logChange = (
        kind: string,
        monthlyAmount: number,
        status: string,
        month: number,
        reason: string,
        actor: { id: string },
        at: number,
      ) =>
        changes.push([
          districtCode,
          random.uuid(),
          place.township.code,
          place.village.code,
          enrolmentId,
          kind,
          monthlyAmount,
          status,
          dateText(monthStart(month) + DAY),
          reason,
          actor.id,
          iso(at),
        ]);
      logChange('ENROLLED', amount, 'ACTIVE', startMonth, '经审核确认纳入 (enrolled by the approval of its case)', staff.head, decidedAt);
      if (endMonth !== null) {
        const endedAt = monthStart(endMonth) - random.int(2, 20) * DAY;
        logChange('ENDED', 0, 'ENDED', endMonth, '复核后停止救助 (ended by a periodic review)', caseworker, endedAt);
      }
    }
    seeded.push({
      id,
      householdId: household.id,
      townshipCode: place.township.code,
      villageCode: place.village.code,
      programme,
      payee: household.head.name,
      idNumber: household.head.idNumber,
      bankName: household.bankName,
      bankAccount: household.bankAccount,
      amount,
      decidedAt,
      enrolmentId,
      endMonth,
    });
  };

  // Long-standing recipients were approved before the months paid here; the rest, and every
  // LINSHI case (a one-off payment), during them; cases still open are recent.
  const windowStart = monthStart(firstPaidMonth - 1);
  const recent = monthStart(untilMonth - 2);
  for (const [programme, enrolled, other] of [
    ['DIBAO', FULL_SCALE.dibaoEnrolled, FULL_SCALE.dibaoOther],
    ['TEKUN', FULL_SCALE.tekunEnrolled, FULL_SCALE.tekunOther],
  ] as const) {
    for (let i = 0; i < scaled(enrolled); i++) {
      if (random.chance(0.6)) addCase(programme, 'enrolled', historyStart, windowStart);
      else addCase(programme, 'enrolled', windowStart, recent);
    }
    for (let i = 0; i < scaled(other); i++) addCase(programme, 'other', recent - 60 * DAY, monthStart(untilMonth) - 10 * DAY);
  }
  for (let i = 0; i < scaled(FULL_SCALE.linshi); i++) {
    addCase('LINSHI', i % 10 === 0 ? 'other' : 'enrolled', windowStart, monthStart(untilMonth) - 20 * DAY);
  }

  await load.insert(
    'households',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['residence', 'varchar'],
      ['head_name', 'varchar'],
      ['member_count', 'int'],
      ['has_member_able_to_work', 'bool'],
      ['address', 'varchar'],
      ['phone', 'varchar'],
      ['bank_name', 'varchar'],
      ['bank_account', 'varchar'],
      ['created_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    households,
  );
  await load.insert(
    'persons',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['name', 'varchar'],
      ['id_number', 'varchar'],
      ['relation', 'varchar'],
      ['labour_capacity', 'varchar'],
      ['disabled', 'bool'],
      ['created_at', 'timestamptz'],
    ],
    persons,
  );
  await load.insert(
    'cases',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['household_id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['programme', 'varchar'],
      ['status', 'varchar'],
      ['channel', 'varchar'],
      ['applicant_name', 'varchar'],
      ['version', 'int'],
      ['created_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['residence', 'varchar'],
      ['amount', 'numeric'],
      ['care_level', 'varchar'],
      ['support_form', 'varchar'],
      ['decided_by_id', 'uuid'],
      ['decided_at', 'timestamptz'],
      ['status_since', 'timestamptz'],
      ['decision_authority', 'varchar'],
      ['decided_under_id', 'uuid'],
      ['notice_starts_at', 'timestamptz'],
      ['notice_ends_at', 'timestamptz'],
      ['decision_due_at', 'timestamptz'],
    ],
    cases,
  );
  await load.insert(
    'case_events',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['from_status', 'varchar'],
      ['to_status', 'varchar'],
      ['action', 'varchar'],
      ['actor_id', 'uuid'],
      ['actor_username', 'varchar'],
      ['note', 'text'],
      ['at', 'timestamptz'],
    ],
    events,
  );
  await load.insert(
    'enrolments',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['household_id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['programme', 'varchar'],
      ['residence', 'varchar'],
      ['has_member_able_to_work', 'bool'],
      ['payee_name', 'varchar'],
      ['monthly_amount', 'numeric'],
      ['start_month', 'date'],
      ['review_class', 'varchar'],
      ['review_class_rule', 'varchar'],
      ['next_review_on', 'date'],
      ['support_form', 'varchar'],
      ['care_level', 'varchar'],
      ['status', 'varchar'],
      ['created_at', 'timestamptz'],
    ],
    enrolments,
  );
  await load.insert(
    'enrolment_changes',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['enrolment_id', 'uuid'],
      ['kind', 'varchar'],
      ['amount', 'numeric'],
      ['status', 'varchar'],
      ['effective_month', 'date'],
      ['reason', 'text'],
      ['recorded_by_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    changes,
  );

  // ── The funds cycle of every month (D§10): rosters built and submitted, the district's request
  // approved by finance, one payment per line, all created by the approval in one statement ──
  const rosterColumns: Column[] = [
    ['district_code', 'varchar'],
    ['id', 'uuid'],
    ['township_code', 'varchar'],
    ['month', 'varchar'],
    ['status', 'varchar'],
    ['total', 'numeric'],
    ['line_count', 'int'],
    ['built_by_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ];
  const lineColumns: Column[] = [
    ['district_code', 'varchar'],
    ['id', 'uuid'],
    ['township_code', 'varchar'],
    ['village_code', 'varchar'],
    ['roster_id', 'uuid'],
    ['enrolment_id', 'uuid'],
    ['case_id', 'uuid'],
    ['programme', 'varchar'],
    ['payee_name', 'varchar'],
    ['id_number', 'varchar'],
    ['bank_name', 'varchar'],
    ['bank_account', 'varchar'],
    ['amount', 'numeric'],
    ['created_at', 'timestamptz'],
  ];
  const paymentColumns: Column[] = [
    ['district_code', 'varchar'],
    ['id', 'uuid'],
    ['township_code', 'varchar'],
    ['village_code', 'varchar'],
    ['month', 'varchar'],
    ['roster_line_id', 'uuid'],
    ['payee_key', 'uuid'],
    ['fund_request_id', 'uuid'],
    ['programme', 'varchar'],
    ['payee_name', 'varchar'],
    ['amount', 'numeric'],
    ['created_at', 'timestamptz'],
  ];
  const enrolled = seeded.filter((c) => c.enrolmentId !== null);
  const linshiByMonth = new Map<number, SeededCase[]>();
  for (const c of seeded) {
    if (c.programme === 'LINSHI' && c.decidedAt !== null) {
      const month = monthOfTime(c.decidedAt);
      linshiByMonth.set(month, [...(linshiByMonth.get(month) ?? []), c]);
    }
  }
  const payeesOf = (month: number) => [
    ...enrolled.filter((c) => monthOfTime(c.decidedAt!) + 1 <= month && (c.endMonth === null || month < c.endMonth)),
    ...(linshiByMonth.get(month) ?? []),
  ];
  // Every month's rosters first (as drafts), so that the lines that follow are checked against a
  // table of its final size.
  type Plan = { id: string; lines: unknown[][]; total: number; count: number; at: number; builtBy: string };
  const plans = new Map<number, Map<string, Plan>>();
  for (let month = firstPaidMonth; month < untilMonth; month++) {
    const rosters = new Map<string, Plan>();
    for (const t of townships) {
      rosters.set(t.code, {
        id: random.uuid(),
        lines: [],
        total: 0,
        count: 0,
        at: monthStart(month) + random.int(1, 5) * DAY + random.int(0, 8 * 3_600_000),
        builtBy: staffOf.get(t.code)!.caseworkers[0].id,
      });
    }
    for (const c of payeesOf(month)) {
      const roster = rosters.get(c.townshipCode)!;
      roster.total += c.amount;
      roster.count++;
    }
    plans.set(month, rosters);
  }
  await load.insert(
    'rosters',
    rosterColumns,
    [...plans].flatMap(([month, rosters]) =>
      [...rosters].map(([code, r]) => [districtCode, r.id, code, monthText(month), 'DRAFT', r.total, r.count, r.builtBy, iso(r.at)]),
    ),
  );
  /**
   * Finance sends each township's month to the bank a few days after the approval; the bank reports
   * every transfer paid but a few that fail (a closed account), which a supplementary batch re-pays
   * once the account is corrected (D§10). The last month is sent, its results not yet in.
   */
  const sendToBank = async (month: number, approvedAt: number, payments: { id: string; line: unknown[] }[]) => {
    const reported = month < untilMonth - 1;
    const batches: unknown[][] = [];
    const transfers: unknown[][] = [];
    const results: unknown[][] = [];
    const byTownship = new Map<string, { id: string; line: unknown[] }[]>();
    for (const p of payments) byTownship.set(p.line[2] as string, [...(byTownship.get(p.line[2] as string) ?? []), p]);
    const batch = (code: string, kind: string, at: number, list: { id: string; line: unknown[] }[], fail: boolean) => {
      const id = random.uuid();
      const sent = list.map((p) => ({
        transfer: random.uuid(),
        payment: p,
        failed: fail && random.chance(0.01),
      }));
      const file = batchCsv(
        list.map((p) => ({
          payeeName: p.line[8] as string,
          bankAccount: p.line[11] as string,
          bankName: p.line[10] as string,
          amount: Number(p.line[12]).toFixed(2),
          paymentId: p.id,
        })),
      );
      const total = list.reduce((acc, p) => acc + Number(p.line[12]), 0);
      // Due on the district's default payment day, the 10th (D§10).
      batches.push([
        districtCode,
        id,
        code,
        monthText(month),
        kind,
        bank.id,
        list.length,
        total,
        file,
        finance.id,
        iso(at),
        `${monthText(month)}-10`,
      ]);
      for (const t of sent) {
        const { line } = t.payment;
        transfers.push([districtCode, t.transfer, code, line[3], id, t.payment.id, line[10], line[11], line[12], iso(at)]);
        if (reported) {
          results.push([
            districtCode,
            random.uuid(),
            code,
            line[3],
            t.transfer,
            t.payment.id,
            t.failed ? 'FAILED' : 'PAID',
            t.failed ? '账户已销户 (account closed)' : null,
            bank.id,
            iso(at + 2 * DAY),
          ]);
        }
      }
      logAudit(at, {
        actor: finance,
        action: 'exportPaymentBatch',
        subjectType: 'PaymentBatch',
        subjectId: id,
        townshipCode: code,
        details: { kind, month: monthText(month), transfers: list.length },
      });
      if (reported) {
        logAudit(at + 2 * DAY, {
          actor: bank,
          action: 'recordPaymentResults',
          subjectType: 'PaymentBatch',
          subjectId: id,
          townshipCode: code,
          details: { failed: sent.filter((t) => t.failed).length },
        });
      }
      return sent.filter((t) => t.failed).map((t) => t.payment);
    };
    for (const [code, list] of byTownship) {
      const sentAt = approvedAt + random.int(1, 3) * DAY + random.int(0, 8 * 3_600_000);
      const failed = batch(code, 'REGULAR', sentAt, list, reported);
      if (failed.length) batch(code, 'SUPPLEMENTARY', sentAt + 7 * DAY, failed, false);
    }
    await load.insert(
      'payment_batches',
      [
        ['district_code', 'varchar'],
        ['id', 'uuid'],
        ['township_code', 'varchar'],
        ['month', 'varchar'],
        ['kind', 'varchar'],
        ['bank_integration_id', 'uuid'],
        ['transfer_count', 'int'],
        ['total', 'numeric'],
        ['file', 'text'],
        ['created_by_id', 'uuid'],
        ['created_at', 'timestamptz'],
        ['due_on', 'date'],
      ],
      batches,
      200,
    );
    await load.insert(
      'payment_transfers',
      [
        ['district_code', 'varchar'],
        ['id', 'uuid'],
        ['township_code', 'varchar'],
        ['village_code', 'varchar'],
        ['batch_id', 'uuid'],
        ['payment_id', 'uuid'],
        ['bank_name', 'varchar'],
        ['bank_account', 'varchar'],
        ['amount', 'numeric'],
        ['created_at', 'timestamptz'],
      ],
      transfers,
    );
    await load.insert(
      'payment_results',
      [
        ['district_code', 'varchar'],
        ['id', 'uuid'],
        ['township_code', 'varchar'],
        ['village_code', 'varchar'],
        ['transfer_id', 'uuid'],
        ['payment_id', 'uuid'],
        ['outcome', 'varchar'],
        ['reason', 'varchar'],
        ['recorded_by_id', 'uuid'],
        ['created_at', 'timestamptz'],
      ],
      results,
    );
  };
  for (let month = firstPaidMonth; month < untilMonth; month++) {
    const start = monthStart(month);
    const rosters = plans.get(month)!;
    for (const c of payeesOf(month)) {
      const roster = rosters.get(c.townshipCode)!;
      roster.lines.push([
        districtCode,
        random.uuid(),
        c.townshipCode,
        c.villageCode,
        roster.id,
        c.enrolmentId,
        c.enrolmentId ? null : c.id,
        c.programme,
        c.payee,
        c.idNumber,
        c.bankName,
        c.bankAccount,
        c.amount,
        iso(roster.at),
      ]);
    }
    const list = [...rosters.entries()];
    const lines = list.flatMap(([, r]) => r.lines);
    await load.insert('roster_lines', lineColumns, lines);
    // Submitted by the township head: frozen from here on (the database refuses later changes).
    const submittedAt = start + 7 * DAY;
    await manager.query(
      `UPDATE rosters SET status = 'SUBMITTED', submitted_at = $3, submitted_by_id = (
        SELECT g.account_id FROM role_grants g WHERE g.district_code = rosters.district_code AND g.region_code = rosters.township_code AND g.role = 'TOWNSHIP_HEAD' LIMIT 1)
      WHERE district_code = $1 AND month = $2`,
      [districtCode, monthText(month), iso(submittedAt)],
    );
    const requestId = random.uuid();
    const total = list.reduce((acc, [, r]) => acc + r.total, 0);
    const compiledAt = start + 10 * DAY + random.int(0, 8 * 3_600_000);
    const approvedAt = compiledAt + random.int(1, 4) * DAY;
    await load.insert(
      'fund_requests',
      [
        ['district_code', 'varchar'],
        ['id', 'uuid'],
        ['month', 'varchar'],
        ['status', 'varchar'],
        ['requested_total', 'numeric'],
        ['allocated_amount', 'numeric'],
        ['compiled_by_id', 'uuid'],
        ['decided_by_id', 'uuid'],
        ['decided_at', 'timestamptz'],
        ['created_at', 'timestamptz'],
      ],
      [[districtCode, requestId, monthText(month), 'APPROVED', total, total, officer.id, finance.id, iso(approvedAt), iso(compiledAt)]],
    );
    await load.insert(
      'fund_request_rosters',
      [
        ['district_code', 'varchar'],
        ['id', 'uuid'],
        ['township_code', 'varchar'],
        ['fund_request_id', 'uuid'],
        ['roster_id', 'uuid'],
        ['amount', 'numeric'],
      ],
      list.map(([code, r]) => [districtCode, random.uuid(), code, requestId, r.id, r.total]),
    );
    // The approval creates every payment of the month in one statement: they share its timestamp.
    const payments = lines.map((line) => [
      districtCode,
      random.uuid(),
      line[2],
      line[3],
      monthText(month),
      line[1],
      line[5] ?? line[6],
      requestId,
      line[7],
      line[8],
      line[12],
      iso(approvedAt),
    ]);
    await load.insert('payments', paymentColumns, payments);
    await sendToBank(
      month,
      approvedAt,
      payments.map((payment, i) => ({ id: payment[1] as string, line: lines[i] })),
    );
    for (const [code, r] of list) {
      const staff = staffOf.get(code)!;
      logAudit(r.at, {
        actor: staff.caseworkers[0],
        action: 'buildRoster',
        subjectType: 'Roster',
        subjectId: r.id,
        townshipCode: code,
        details: { month: monthText(month), lines: r.lines.length },
      });
      logAudit(submittedAt, { actor: staff.head, action: 'submitRoster', subjectType: 'Roster', subjectId: r.id, townshipCode: code });
    }
    logAudit(compiledAt, {
      actor: officer,
      action: 'submitFundRequest',
      subjectType: 'FundRequest',
      subjectId: requestId,
      details: { month: monthText(month), total },
    });
    logAudit(approvedAt, {
      actor: finance,
      action: 'approveFundRequest',
      subjectType: 'FundRequest',
      subjectId: requestId,
      details: { allocated: total, payments: lines.length },
    });
  }

  // ── The audit log, oldest first: the chain trigger numbers and hashes each entry as it goes in ──
  audit.sort((a, b) => a.at - b.at);
  await load.insert(
    'audit_log',
    [
      ['district_code', 'varchar'],
      ['id', 'uuid'],
      ['at', 'timestamptz'],
      ['kind', 'varchar'],
      ['actor_id', 'uuid'],
      ['actor_username', 'varchar'],
      ['action', 'varchar'],
      ['subject_type', 'varchar'],
      ['subject_id', 'varchar'],
      ['field', 'varchar'],
      ['township_code', 'varchar'],
      ['village_code', 'varchar'],
      ['reason', 'text'],
      ['details', 'jsonb'],
      ['request_id', 'varchar'],
    ],
    audit.map((a) => a.row),
  );

  const firstTownship = townships[FULL_SCALE.streetOffices];
  const staff = staffOf.get(firstTownship.code)!;
  return {
    districtCode,
    townshipCode: firstTownship.code,
    villageCode: firstTownship.villages[0].code,
    usernames: {
      districtOfficer: officer.username,
      finance: finance.username,
      auditor: auditor.username,
      poverty: poverty.username,
      admin: admin.username,
      bank: bank.username,
      departments: departments.map((d) => d.username),
      townshipHead: staff.head.username,
      townshipCaseworker: staff.caseworkers[0].username,
      villageAssistant: assistantOf.get(firstTownship.villages[0].code)!.username,
    },
    rows: load.counts,
    residents: population,
  };
}
