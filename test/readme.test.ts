import { DEMO_ACCOUNTS, DEMO_REGIONS, seedDemoDistrictIfEmpty } from '../src/seed/demo-district';
import { loadConfig } from '../src/config';
import { createTestDatabase } from './support/harness';
import { readme, tableRows } from './support/readme';
import { openDatabase, OpenDatabase } from '../src/db/open-database';
import { createLogger } from '../src/logger';
import { verifyPassword } from '../src/auth/passwords';
import { Committee } from '../src/modules/committee/committee.entity';
import { createServices } from '../src/services';
import { createTokenSigner } from '../src/auth/tokens';
import { TRANSITION_BY_STEP } from '../src/modules/case/workflow';

describe('the README demo-account table', () => {
  it('lists exactly the seeded demo accounts with their roles, regions and departments', () => {
    const rows = readme
      .split('\n')
      .filter((line) => /^\| [a-z][a-z0-9._-]* \| [A-Z_, ]+ \| \d{12} \|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(rows).toEqual(DEMO_ACCOUNTS.map((a) => [a.username, a.roles.join(', '), a.regionCode, a.departmentCode ?? '']));
  });
});

describe('the seeded demo district, as the README describes it', () => {
  const password = loadConfig({}).demoPassword;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: OpenDatabase;
  let seeded: boolean;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(loadConfig({ DATABASE_URL: database.url }), createLogger('silent'));
    seeded = await seedDemoDistrictIfEmpty(db.dataSource, password);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('is seeded with the default demo password, and only into an empty database', async () => {
    expect(readme).toContain(`password **\`${password}\`**`);
    expect(seeded).toBe(true);
    expect(await seedDemoDistrictIfEmpty(db.dataSource, password)).toBe(false);
    const [{ password_hash: hash }] = await db.dataSource.query("SELECT password_hash FROM accounts WHERE username = 'admin'");
    expect(await verifyPassword(hash, password)).toBe(true);
  });

  it('carries the national holidays and make-up working days of 2026 and 2027 (D§3)', async () => {
    const days: { day: string; kind: string }[] = await db.dataSource.query(
      "SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM district_holidays WHERE district_code = '510199000000' ORDER BY day",
    );
    const kindOf = (day: string) => days.find((d) => d.day === day)?.kind;
    expect([kindOf('2026-01-01'), kindOf('2026-02-17'), kindOf('2026-10-07'), kindOf('2027-02-06'), kindOf('2027-10-01')]).toEqual(
      Array(5).fill('HOLIDAY'),
    );
    expect([kindOf('2026-01-04'), kindOf('2026-02-14'), kindOf('2026-02-28'), kindOf('2026-09-20')]).toEqual(Array(4).fill('WORKDAY'));
  });

  it("staffs every township to the plan's ratio of caseworkers to residents (P6.2) except Baiyun, one short", async () => {
    const counted: { township_code: string; n: number }[] = await db.dataSource.query(
      "SELECT a.township_code, count(*)::int AS n FROM accounts a JOIN account_roles r ON r.account_id = a.id WHERE r.role = 'TOWNSHIP_CASEWORKER' GROUP BY a.township_code",
    );
    // The table is Yunxi's, the first demo district; Qingshan's one town is staffed to the ratio too.
    const townships = DEMO_REGIONS.filter((r) => r.code.startsWith('510199') && r.code.endsWith('000') && !r.code.endsWith('000000'));
    const expected = townships.map((t) => {
      const required = 3 + Math.max(0, Math.floor((t.population - 30000) / 10000));
      return [t.name, String(t.population), String(required), String(counted.find((c) => c.township_code === t.code)?.n ?? 0)];
    });
    expect(tableRows('| township | residents | caseworkers required | caseworkers |')).toEqual(expected);
    expect(expected.filter(([, , required, actual]) => Number(actual) < Number(required)).map(([name]) => name)).toEqual([
      'Baiyun Township 白云乡',
    ]);
    expect(expected.every(([, , , actual]) => Number(actual) >= 2)).toBe(true);
  });

  it('gives every township a committee that can decide, formed by its head, with the head in the chair, a deputy chair and every seat the plan lists (P3.2, D§4)', async () => {
    const service = createServices(db.dataSource, createLogger('silent'), createTokenSigner('x'.repeat(32), 60), {
      loginMaxFailures: 1,
      loginMaxFailuresPerAddress: 1,
      loginLockSeconds: 1,
      idempotencyTtlSeconds: 1,
    }).committees;
    const committees = await db.dataSource.getRepository(Committee).find({ order: { townshipCode: 'ASC' } });
    expect(committees.map((c) => c.townshipCode)).toEqual(['510197103000', '510199001000', '510199101000', '510199102000', '510199201000']);
    for (const committee of committees) {
      const state = await service.stateOf(db.dataSource.manager, committee);
      expect(state.problems).toEqual([]);
      expect(state.members.map((m) => m.function).sort()).toEqual([
        'CHAIR',
        'CIVIL_AFFAIRS',
        'DISCIPLINE_INSPECTION',
        'FINANCE',
        'POVERTY_ALLEVIATION',
        'VILLAGE_CADRE',
      ]);
      expect(state.members.filter((m) => m.deputyChair).map((m) => m.function)).toEqual(['POVERTY_ALLEVIATION']);
    }
    const formedBy: { username: string; township_code: string }[] = await db.dataSource.query(
      `SELECT a.username, l.township_code FROM audit_log l JOIN accounts a ON a.id = l.actor_id WHERE l.action = 'createCommittee' ORDER BY l.township_code`,
    );
    expect(formedBy.map((f) => f.username)).toEqual(['longtan.head', 'chengguan.head', 'hexi.head', 'shiqiao.head', 'baiyun.head']);
  });

  it('lists every seeded case with its household head, village, programme and state', async () => {
    const cases: { applicant_name: string; village_code: string; programme: string; status: string; notice_ended: boolean | null }[] =
      await db.dataSource.query(
        // The table lists Yunxi's cases; the README names Qingshan's few in its own paragraph.
        "SELECT applicant_name, village_code, programme, status, notice_ends_at < now() AS notice_ended FROM cases WHERE district_code = '510199000000'",
      );
    const rows = tableRows('| household head | village | programme | state | next step (demo account: mutation) |');
    const listed = rows.map(([headName, village, programme, state]) =>
      [headName, /`(\d{12})`/.exec(village)![1], programme, state.split(' ')[0]].join(' '),
    );
    expect(listed.sort()).toEqual(cases.map((c) => [c.applicant_name, c.village_code, c.programme, c.status].join(' ')).sort());
    for (const [headName, , , state] of rows.filter(([, , , state]) => state.startsWith('PUBLIC_NOTICE'))) {
      const notice = cases.find((c) => c.applicant_name === headName)!;
      expect([headName, notice.notice_ended]).toEqual([headName, state.includes('ended')]);
    }
    const states = new Set(cases.map((c) => c.status));
    expect([...states].sort()).toEqual([
      'ACCEPTED',
      'APPROVED',
      'CORRECTION_ORDERED',
      'DENIED',
      'EMERGENCY_PAID',
      'FILED',
      'INVESTIGATING',
      'NEEDS_MATERIALS',
      'NOT_ACCEPTED',
      'OBJECTION_RAISED',
      'PAID',
      'PUBLIC_NOTICE',
      'SPOT_CHECKED',
      'SUBMITTED',
      'TOWNSHIP_REVIEW',
    ]);
  });

  it('reached each state through the workflow table, leaving an event and an audit entry for every step', async () => {
    const events: { case_id: string; action: string; from_status: string | null; to_status: string; audited: boolean }[] =
      await db.dataSource.query(
        `SELECT e.case_id, e.action, e.from_status, e.to_status,
              EXISTS (SELECT 1 FROM audit_log l WHERE l.subject_id = e.case_id::text AND l.action = e.action AND l.kind = 'CHANGE') AS audited
       FROM case_events e ORDER BY e.at, e.id`,
      );
    const cases: { id: string; status: string }[] = await db.dataSource.query('SELECT id, status FROM cases');
    for (const c of cases) {
      const history = events.filter((e) => e.case_id === c.id);
      expect(history[0]).toMatchObject({ action: 'submit', from_status: null, to_status: 'SUBMITTED', audited: true });
      for (const event of history.slice(1).filter((e) => e.from_status !== e.to_status)) {
        const transition = TRANSITION_BY_STEP.get(event.action);
        expect([
          event.action,
          transition?.from.includes(event.from_status as never),
          transition?.outcomes.includes(event.to_status as never),
          event.audited,
        ]).toEqual([event.action, true, true, true]);
      }
      expect(history[history.length - 1].to_status).toBe(c.status);
    }
  });

  it('enrols the household of every approved DIBAO and TEKUN case', async () => {
    const decided: { status: string; enrolments: number }[] = await db.dataSource.query(
      `SELECT c.status, (SELECT count(*)::int FROM enrolments e WHERE e.case_id = c.id AND e.status = 'ACTIVE') AS enrolments
       FROM cases c WHERE c.programme <> 'LINSHI' AND c.status IN ('APPROVED', 'FILED', 'SPOT_CHECKED', 'CORRECTION_ORDERED')`,
    );
    expect(decided.map((c) => c.status).sort()).toEqual(['APPROVED', 'CORRECTION_ORDERED', 'FILED', 'SPOT_CHECKED']);
    expect(decided.every((c) => c.enrolments === 1)).toBe(true);
  });
});
