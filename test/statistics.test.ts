import { codeOf, useTestApp } from './support/harness';
import { as } from './support/workflow';

/**
 * districtStatistics (P4.2, P4.3) over HTTP on the seeded demo: the district's figures equal direct
 * counts over the seeded tables, and a township's figures are its own rows of those counts, with
 * nothing of any other township in them.
 */

const HEXI = '510199101000';
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const CST = "AT TIME ZONE 'Asia/Shanghai'";
const FIGURES = `townshipCode month cases { programme status count } applications approvals refusals approvalRatePercent refusalRatePercent
  averageWorkingDaysToDecision overdueSteps spotChecks spotCheckCorrections recipients recipientsMonthlyAmount openPetitions`;
const STATISTICS = `query($y: Int!, $t: String) { districtStatistics(year: $y, townshipCode: $t) { ${FIGURES} } }`;

interface Row {
  townshipCode: string;
  month: string;
  cases: { programme: string; status: string; count: number }[];
  [figure: string]: unknown;
}

const t = useTestApp({ demo: true }, 180_000);
beforeAll(async () => {
  // One approved case of the demo applied for in June, so that its working days to decision span weekends
  // and a district holiday (Friday 12 June) rather than being zero.
  await as(t, 'district.officer', 'mutation($i: SetHolidayInput!) { setHoliday(input: $i) { settings { districtCode } } }', {
    i: { day: `${YEAR}-06-12`, name: '端午节' },
  });
  await t.dataSource.query(`UPDATE cases SET created_at = '${YEAR}-06-10 09:00+08' WHERE applicant_name = '孙福来'`);
}, 180_000);

/** The same figures counted directly over the tables, with none of the API's code. */
async function directCounts(): Promise<Map<string, Record<string, unknown>>> {
  const figures = new Map<string, Record<string, unknown>>();
  const at = (township: string, month: string) => {
    const key = `${township} ${month}`;
    if (!figures.has(key)) figures.set(key, {});
    return figures.get(key)!;
  };
  const year = [YEAR];
  for (const r of await t.dataSource.query(
    `SELECT township_code, to_char(created_at ${CST}, 'YYYY-MM') AS month, programme, status, count(*)::int AS n
     FROM cases WHERE district_code = '510199000000' AND extract(year FROM created_at ${CST}) = $1 GROUP BY 1, 2, 3, 4`,
    year,
  )) {
    const row = at(r.township_code, r.month);
    row.applications = ((row.applications as number) ?? 0) + r.n;
    row[`${r.programme} ${r.status}`] = r.n;
  }
  for (const r of await t.dataSource.query(
    `SELECT e.township_code, to_char(e.at ${CST}, 'YYYY-MM') AS month,
       count(*) FILTER (WHERE e.to_status = 'APPROVED')::int AS approvals, count(*) FILTER (WHERE e.to_status = 'DENIED')::int AS refusals,
       avg((SELECT count(*) FROM generate_series((c.created_at ${CST})::date + 1, (e.at ${CST})::date, '1 day') d
            WHERE (extract(dow FROM d) NOT IN (0, 6) AND d::date NOT IN (SELECT day FROM district_holidays WHERE kind = 'HOLIDAY'))
               OR d::date IN (SELECT day FROM district_holidays WHERE kind = 'WORKDAY'))) AS days
     FROM case_events e JOIN cases c ON c.id = e.case_id
     WHERE c.district_code = '510199000000' AND e.to_status IN ('APPROVED', 'DENIED') AND extract(year FROM e.at ${CST}) = $1 GROUP BY 1, 2`,
    year,
  )) {
    Object.assign(at(r.township_code, r.month), { approvals: r.approvals, refusals: r.refusals, days: Number(r.days).toFixed(2) });
  }
  for (const r of await t.dataSource.query(
    `SELECT township_code, to_char(due_at ${CST}, 'YYYY-MM') AS month, count(*)::int AS n FROM cases
     WHERE district_code = '510199000000' AND due_at < now() AND extract(year FROM due_at ${CST}) = $1 GROUP BY 1, 2`,
    year,
  )) {
    at(r.township_code, r.month).overdueSteps = r.n;
  }
  for (const r of await t.dataSource.query(
    `SELECT township_code, to_char(recorded_at ${CST}, 'YYYY-MM') AS month, count(*)::int AS n,
       count(*) FILTER (WHERE outcome = 'CORRECTION')::int AS corrections
     FROM spot_checks WHERE district_code = '510199000000' AND extract(year FROM recorded_at ${CST}) = $1 GROUP BY 1, 2`,
    year,
  )) {
    Object.assign(at(r.township_code, r.month), { spotChecks: r.n, spotCheckCorrections: r.corrections });
  }
  for (const r of await t.dataSource.query(
    `SELECT township_code, to_char(start_month, 'YYYY-MM') AS month, count(*)::int AS n, sum(monthly_amount) AS amount
     FROM enrolments WHERE district_code = '510199000000' AND status = 'ACTIVE' AND extract(year FROM start_month) = $1 GROUP BY 1, 2`,
    year,
  )) {
    Object.assign(at(r.township_code, r.month), { recipients: r.n, amount: Number(r.amount).toFixed(2) });
  }
  for (const r of await t.dataSource.query(
    `SELECT township_code, to_char(received_at ${CST}, 'YYYY-MM') AS month, count(*)::int AS n
     FROM petitions WHERE district_code = '510199000000' AND status <> 'ANSWERED' AND extract(year FROM received_at ${CST}) = $1 GROUP BY 1, 2`,
    year,
  )) {
    at(r.township_code, r.month).openPetitions = r.n;
  }
  return figures;
}

/** What the API answered, in the shape of the direct counts (months without anything left out). */
function answered(rows: Row[]): Map<string, Record<string, unknown>> {
  const figures = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const f: Record<string, unknown> = {};
    if (row.applications) f.applications = row.applications;
    for (const c of row.cases) f[`${c.programme} ${c.status}`] = c.count;
    if (row.approvals || row.refusals)
      Object.assign(f, { approvals: row.approvals, refusals: row.refusals, days: row.averageWorkingDaysToDecision });
    if (row.overdueSteps) f.overdueSteps = row.overdueSteps;
    if (row.spotChecks) Object.assign(f, { spotChecks: row.spotChecks, spotCheckCorrections: row.spotCheckCorrections });
    if (row.recipients) Object.assign(f, { recipients: row.recipients, amount: row.recipientsMonthlyAmount });
    if (row.openPetitions) f.openPetitions = row.openPetitions;
    if (Object.keys(f).length) figures.set(`${row.townshipCode} ${row.month}`, f);
  }
  return figures;
}

describe('districtStatistics (P4.3)', () => {
  it("the district's figures equal a direct count over the seeded data, township by township and month by month", async () => {
    const rows: Row[] = (await as(t, 'district.officer', STATISTICS, { y: YEAR })).districtStatistics;
    expect(rows).toHaveLength(4 * 12);
    const direct = await directCounts();
    expect(answered(rows)).toEqual(direct);
    // The demo has something in every kind of figure, so that none of the comparisons is empty.
    const all = [...direct.values()];
    for (const figure of ['applications', 'approvals', 'refusals', 'spotChecks', 'spotCheckCorrections', 'recipients', 'openPetitions']) {
      expect(all.some((f) => Number(f[figure] ?? 0) > 0)).toBe(true);
    }
    expect(all.some((f) => Number(f.days) > 50)).toBe(true);
  });

  it('rates are the shares of the month’s decisions; a month without decisions has none', async () => {
    const rows: Row[] = (await as(t, 'district.officer', STATISTICS, { y: YEAR })).districtStatistics;
    for (const row of rows) {
      const decisions = (row.approvals as number) + (row.refusals as number);
      if (decisions === 0) {
        expect([row.approvalRatePercent, row.refusalRatePercent, row.averageWorkingDaysToDecision]).toEqual([null, null, null]);
      } else {
        expect(row.approvalRatePercent).toBe(((100 * (row.approvals as number)) / decisions).toFixed(2));
        expect(row.refusalRatePercent).toBe(((100 * (row.refusals as number)) / decisions).toFixed(2));
      }
    }
  });

  it.each(['hexi.head', 'hexi.caseworker'])(
    "%s gets Hexi's own figures, equal to the district's Hexi rows, and nothing of another township",
    async (username) => {
      const own: Row[] = (await as(t, username, STATISTICS, { y: YEAR })).districtStatistics;
      expect(own).toHaveLength(12);
      expect(new Set(own.map((row) => row.townshipCode))).toEqual(new Set([HEXI]));
      const district: Row[] = (await as(t, 'district.officer', STATISTICS, { y: YEAR, t: HEXI })).districtStatistics;
      expect(own).toEqual(district);
      const direct = await directCounts();
      expect(answered(own)).toEqual(new Map([...direct].filter(([key]) => key.startsWith(HEXI))));
      expect((await as(t, username, STATISTICS, { y: YEAR, t: '510199102000' })).districtStatistics).toEqual([]);
    },
  );

  it.each(['va.101201', 'hexi.member1', 'finance', 'auditor', 'poverty', 'dept.tax', 'admin'])(
    '%s may not read the statistics',
    async (username) => {
      expect(codeOf(await t.gql(STATISTICS, { y: YEAR }, await t.login(username)))).toBe('FORBIDDEN');
    },
  );

  it('a year out of range is bad input', async () => {
    const result = await t.gql(STATISTICS, { y: 1066 }, await t.login('district.officer'));
    expect(result.errors?.[0]?.extensions?.field).toBe('year');
  });
});
