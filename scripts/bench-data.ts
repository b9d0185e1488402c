/**
 * The data `npm run bench` and `scripts/profile-page.ts` measure on, beside the demo district, and the
 * page of issue #14 they both ask for.
 */
import { Client } from 'pg';

export const BAIYUN = '510199201000';

export const PAGE_SELECTION = 'totalCount edges { node { id status household { headName members { name } } } }';
/** Page (a) of issue #14, as the township caseworker asks for it. */
export const CASE_PAGE = `{ cases(first: 50) { ${PAGE_SELECTION} } }`;
/** Page (b): the same over the whole district, as the district officer asks for DIBAO cases. */
export const DISTRICT_PAGE = `{ cases(first: 50, filter: { programme: DIBAO }) { ${PAGE_SELECTION} } }`;

/** Adds `cases` cases (one household with one member each, spread over the demo district's villages)
 * and `enrolments` active DIBAO enrolments of Baiyun, with their history, to a database seeded with
 * the demo district; then VACUUM ANALYZE, as autovacuum leaves tables in service: the planner knows the
 * sizes, and a count can read an index alone (the visibility map says which pages need no visit). */
export async function fillBenchData(url: string, sizes: { cases: number; enrolments: number }): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await insertCases(client, sizes.cases);
    await insertEnrolments(client, sizes.enrolments);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

async function insertCases(client: Client, cases: number): Promise<void> {
  // Households, one member each, and a case each, spread over the demo district's villages.
  await client.query(
    `
    WITH villages AS (SELECT array_agg(code ORDER BY code) AS codes FROM regions WHERE level = 'VILLAGE'),
    creator AS (SELECT id FROM accounts WHERE username = 'admin'),
    h AS (
      INSERT INTO households (district_code, township_code, village_code, residence, head_name, member_count, has_member_able_to_work, address, created_by_id)
      SELECT '510199000000', substr(v.codes[1 + g % array_length(v.codes, 1)], 1, 9) || '000', v.codes[1 + g % array_length(v.codes, 1)],
             'RURAL', '户主' || g, 1, g % 3 = 0, '地址 ' || g, (SELECT id FROM creator)
      FROM generate_series(1, $1::int) g, villages v
      RETURNING district_code, id, township_code, village_code, head_name, created_by_id),
    p AS (
      INSERT INTO persons (district_code, household_id, township_code, village_code, name, id_number, relation, labour_capacity)
      SELECT district_code, id, township_code, village_code, head_name, '510199' || (19400101 + (random() * 500000)::int % 600000)::text || lpad((random() * 999)::int::text, 3, '0') || 'X', 'HEAD', 'NONE' FROM h)
    INSERT INTO cases (district_code, household_id, township_code, village_code, programme, status, channel, applicant_name, residence, created_by_id, decision_due_at, version)
    SELECT district_code, id, township_code, village_code, (ARRAY['DIBAO','TEKUN','LINSHI'])[1 + (random() * 2)::int], 'SUBMITTED', 'WINDOW', head_name, 'RURAL',
           created_by_id, now() + (random() * 60 - 20) * interval '1 day', 1
    FROM h`,
    [cases],
  );
}

async function insertEnrolments(client: Client, enrolments: number): Promise<void> {
  // Approved DIBAO households of Baiyun, each enrolled and paid from the current month, with a bank account.
  await client.query(
    `
    WITH villages AS (SELECT array_agg(code ORDER BY code) AS codes FROM regions WHERE level = 'VILLAGE' AND code LIKE '510199201%'),
    creator AS (SELECT id FROM accounts WHERE username = 'admin'),
    h AS (
      INSERT INTO households (district_code, township_code, village_code, residence, head_name, member_count, address, bank_name, bank_account, created_by_id)
      SELECT '510199000000', '${BAIYUN}', v.codes[1 + g % array_length(v.codes, 1)], 'RURAL', '在保户' || g, 1, '地址 ' || g,
             '农村信用社', '62284800' || lpad(g::text, 11, '0'), (SELECT id FROM creator)
      FROM generate_series(1, $1::int) g, villages v
      RETURNING district_code, id, township_code, village_code, head_name, created_by_id),
    p AS (
      INSERT INTO persons (district_code, household_id, township_code, village_code, name, id_number, relation, labour_capacity)
      SELECT district_code, id, township_code, village_code, head_name, '510199' || (19400101 + (random() * 500000)::int % 600000)::text || lpad((random() * 999)::int::text, 3, '0') || 'X', 'HEAD', 'NONE' FROM h),
    c AS (
      INSERT INTO cases (district_code, household_id, township_code, village_code, programme, status, channel, applicant_name, residence, amount, created_by_id, version)
      SELECT district_code, id, township_code, village_code, 'DIBAO', 'APPROVED', 'WINDOW', head_name, 'RURAL', 300 + (random() * 500)::int, created_by_id, 1 FROM h
      RETURNING district_code, id, household_id, township_code, village_code, applicant_name, amount),
    e AS (
      INSERT INTO enrolments (district_code, case_id, household_id, township_code, village_code, programme, residence, has_member_able_to_work, payee_name,
                              monthly_amount, start_month, review_class, review_class_rule, next_review_on, status)
      SELECT district_code, id, household_id, township_code, village_code, 'DIBAO', 'RURAL', false, applicant_name, amount,
             date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 'A', 'STABLE_INCOME', now()::date + 365, 'ACTIVE' FROM c
      RETURNING district_code, id, township_code, village_code, monthly_amount, start_month)
    -- The roster pays what an enrolment's history says from its start month (D§9).
    INSERT INTO enrolment_changes (district_code, township_code, village_code, enrolment_id, kind, amount, status, effective_month, reason)
    SELECT district_code, township_code, village_code, id, 'ENROLLED', monthly_amount, 'ACTIVE', start_month, '经审核确认纳入' FROM e`,
    [enrolments],
  );
}
