/**
 * `npm run bench`: latency and SQL statements of the common requests, over real HTTP against a
 * fresh database (embedded PostgreSQL unless DATABASE_URL is set) filled with BENCH_CASES cases.
 * Prints a table; numbers depend on the machine, statement counts do not.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { seedDemoDistrictIfEmpty } from '../src/seed/demo-district';
import { createApp } from '../src/app';

const CASES = Number(process.env.BENCH_CASES || 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 200);
/** Active enrolments of one township (Baiyun) for the roster measurement (D§10: ≤ 2 s for 20,000). */
const ENROLMENTS = Number(process.env.BENCH_ENROLMENTS || 20000);
const BAIYUN = '510199201000';

const REQUESTS: { name: string; as: string; query: string }[] = [
  { name: 'me', as: 'hexi.caseworker', query: '{ me { username roles { role regionCode } } }' },
  {
    name: 'cases page (50, nested)',
    as: 'hexi.caseworker',
    query:
      '{ cases(first: 50) { totalCount edges { node { id status household { headName members { name idNumber } } events { action } } } } }',
  },
  {
    name: 'cases page, district',
    as: 'district.officer',
    query: '{ cases(first: 50, filter: { programme: DIBAO }) { totalCount edges { node { id status villageCode } } } }',
  },
  {
    name: 'case search by name',
    as: 'district.officer',
    query: '{ cases(first: 20, filter: { search: "户主1" }) { totalCount edges { node { id } } } }',
  },
  { name: 'overdue cases', as: 'district.officer', query: '{ overdueCases(first: 20) { totalCount } }' },
  { name: 'public notices (anonymous)', as: '', query: '{ publicNotices { maskedName amount } }' },
  { name: 'permission matrix', as: 'auditor', query: '{ permissionMatrix(role: TOWNSHIP_HEAD) { action subject clause } }' },
];

async function fill(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await insertCases(client);
    await insertEnrolments(client);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function insertCases(client: Client): Promise<void> {
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
    [CASES],
  );
}

async function insertEnrolments(client: Client): Promise<void> {
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
      RETURNING district_code, id, household_id, township_code, village_code, applicant_name, amount)
    INSERT INTO enrolments (district_code, case_id, household_id, township_code, village_code, programme, residence, has_member_able_to_work, payee_name,
                            monthly_amount, start_month, review_class, next_review_on, status)
    SELECT district_code, id, household_id, township_code, village_code, 'DIBAO', 'RURAL', false, applicant_name, amount,
           date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, 'A', now()::date + 365, 'ACTIVE' FROM c`,
    [ENROLMENTS],
  );
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const base = loadConfig();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assistance-bench-'));
  const config = { ...base, dataDir, logLevel: 'silent', jwtSecret: crypto.randomBytes(32).toString('hex') };
  const db = await openDatabase(config, createLogger(process.env.BENCH_LOG_LEVEL || 'warn'));
  const app = await createApp(db.dataSource, config, createLogger('silent'));
  const server = app.express.listen(0);
  try {
    await seedDemoDistrictIfEmpty(db.dataSource, config.demoPassword);
    const url = (db.dataSource.options as { url: string }).url;
    await fill(url);
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const post = (query: string, token?: string) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
    const tokens = new Map<string, string>();
    for (const username of new Set(REQUESTS.map((r) => r.as).filter(Boolean))) {
      const response = await post(`mutation { login(username: "${username}", password: "${config.demoPassword}") { token } }`);
      tokens.set(username, ((await response.json()) as { data: { login: { token: string } } }).data.login.token);
    }
    console.log(`${CASES} cases, ${ROUNDS} rounds per request, one client, ${os.cpus().length} cores\n`);
    console.log('| request | p50 ms | p95 ms | max ms | SQL statements |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const request of REQUESTS) {
      const times: number[] = [];
      let statements = '';
      for (let i = 0; i < ROUNDS; i += 1) {
        const started = process.hrtime.bigint();
        const response = await post(request.query, tokens.get(request.as));
        const body = (await response.json()) as { errors?: unknown };
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (body.errors) throw new Error(`${request.name}: ${JSON.stringify(body.errors)}`);
        statements = response.headers.get('x-sql-statements') ?? '?';
      }
      times.sort((a, b) => a - b);
      console.log(
        `| ${request.name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times[times.length - 1].toFixed(1)} | ${statements} |`,
      );
    }
    await measureFundsMonth(post, config.demoPassword);
  } finally {
    server.close();
    await app.stop();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One township month of the funds cycle over ENROLMENTS enrolments: building the roster, then approving the request (its payments). */
async function measureFundsMonth(post: (query: string, token?: string) => Promise<Response>, password: string): Promise<void> {
  const token = async (username: string) =>
    (
      (await (await post(`mutation { login(username: "${username}", password: "${password}") { token } }`)).json()) as {
        data: { login: { token: string } };
      }
    ).data.login.token;
  const timed = async (username: string, query: string) => {
    const started = process.hrtime.bigint();
    const body = (await (await post(query, await token(username))).json()) as {
      data?: Record<string, Record<string, Record<string, string>>>;
      errors?: unknown;
    };
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (body.errors) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors)}`);
    return { ms, data: body.data! };
  };
  const cst = new Date(Date.now() + 8 * 3_600_000);
  const month = `${cst.getUTCFullYear()}-${String(cst.getUTCMonth() + 1).padStart(2, '0')}`;
  const built = await timed(
    'baiyun.caseworker',
    `mutation { buildRoster(input: { townshipCode: "${BAIYUN}", month: "${month}" }) { roster { id lineCount } } }`,
  );
  const roster = built.data.buildRoster.roster;
  await timed('baiyun.head', `mutation { submitRoster(input: { rosterId: "${roster.id}" }) { roster { id } } }`);
  const request = (
    await timed('district.officer', `mutation { submitFundRequest(input: { month: "${month}" }) { fundRequest { id requestedTotal } } }`)
  ).data.submitFundRequest.fundRequest;
  const approved = await timed(
    'finance',
    `mutation { approveFundRequest(input: { fundRequestId: "${request.id}", allocatedAmount: "${request.requestedTotal}" }) { fundRequest { id } } }`,
  );
  console.log(`\n| funds (D§10) | ms |\n| --- | --- |`);
  console.log(`| buildRoster, ${roster.lineCount} lines | ${built.ms.toFixed(0)} |`);
  console.log(`| approveFundRequest, payments created | ${approved.ms.toFixed(0)} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
