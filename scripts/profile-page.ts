/**
 * CPU milliseconds the API spends on page (a) of issue #14 (`CASE_PAGE`, as the Hexi caseworker; `PROFILE_PAGE=b`: page (b)), in
 * one process, with no load generator beside it: on a shared machine CPU time per request is what
 * stays comparable when wall time and requests/s do not. Build, then e.g.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/scripts/profile-page.js
 *   DATABASE_URL=… node --cpu-prof --cpu-prof-dir=/tmp/prof dist/scripts/profile-page.js
 *
 * `DATABASE_URL` names a server and a database to connect to for creating another one,
 * `PROFILE_DATABASE` (default `assistance_profile_page`): it is seeded like the benchmark's
 * (the demo district, `PROFILE_CASES` cases, default 3000) the first time, and reused afterwards
 * (`--fresh` drops it first). The app runs in this process as `npm run bench` runs it
 * (`NODE_ENV=production`, silent log); the caseworker signs in once, then `PROFILE_REQUESTS` (300)
 * requests go one after another over a keep-alive HTTP connection after `PROFILE_WARMUP` (100).
 * `PROFILE_SHOW_SQL=1` prints the statements of one request first. `PROFILE_CPU=<file>` writes a V8
 * CPU profile of the measured requests only (not the start-up, seed and warm-up that `--cpu-prof`
 * also records), `PROFILE_ALLOC=<file>` a sampling heap profile of what they allocate (garbage
 * included: what makes the collector run), and `PROFILE_HEAP=<file>` a heap snapshot after them. Printed: CPU ms and SQL statements per request, the wall time and the process's peak RSS. The figure includes the small
 * cost of this process's own HTTP client (the answers are read as bytes, not parsed).
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import v8 from 'node:v8';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { createApp } from '../src/app';
import { seedDemoDistrictIfEmpty } from '../src/seed/demo-district';
import { CASE_PAGE, DISTRICT_PAGE, fillBenchData } from './bench-data';

const CASES = Number(process.env.PROFILE_CASES || 3000);
const REQUESTS = Number(process.env.PROFILE_REQUESTS || 300);
const WARMUP = Number(process.env.PROFILE_WARMUP || 100);
const DATABASE = process.env.PROFILE_DATABASE || 'assistance_profile_page';
const PASSWORD = 'demo-2026';
/** `PROFILE_PAGE=b` measures page (b), the district officer's DIBAO page, instead of (a). */
const PAGE =
  process.env.PROFILE_PAGE === 'b'
    ? { name: '(b)', as: 'district.officer', query: DISTRICT_PAGE }
    : { name: '(a)', as: 'hexi.caseworker', query: CASE_PAGE };

/** The profiling database on the server of `DATABASE_URL`, created and seeded when absent. */
async function profileDatabase(adminUrl: string, fresh: boolean): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount === 1;
    if (!exists) await admin.query(`CREATE DATABASE ${DATABASE}`);
    const url = new URL(adminUrl);
    url.pathname = `/${DATABASE}`;
    return url.toString();
  } finally {
    await admin.end();
  }
}

function post(agent: http.Agent, port: number, body: string, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must name a PostgreSQL server (its database is used to create the profiling one)');
  const url = await profileDatabase(adminUrl, process.argv.includes('--fresh'));
  const jwtSecret = crypto.randomBytes(32).toString('hex');
  const config = {
    ...loadConfig({ ...process.env, DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: jwtSecret }),
    logLevel: 'silent',
  };
  const db = await openDatabase(config, createLogger('error'));
  // Seeded before, unless an earlier run stopped half-way (then `--fresh`).
  const [{ cases }] = await db.dataSource.query<{ cases: number }[]>('SELECT count(*)::int AS cases FROM cases');
  if (cases === 0) {
    await seedDemoDistrictIfEmpty(db.owner, PASSWORD);
    await fillBenchData(url, { cases: CASES, enrolments: 0 });
  }
  let statements = 0;
  let showSql = false;
  const logger = db.dataSource.logger;
  const counting: TypeOrmLogger = Object.assign(Object.create(logger) as TypeOrmLogger, {
    logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
      statements += 1;
      if (showSql) console.log(query, parameters);
      logger.logQuery(query, parameters, queryRunner);
    },
  });
  Object.defineProperty(db.dataSource, 'logger', { value: counting });
  const app = await createApp(db.dataSource, { ...config, jwtSecret }, createLogger('silent'));
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const login = await post(
      agent,
      port,
      JSON.stringify({ query: `mutation { login(username: "${PAGE.as}", password: "${PASSWORD}") { token } }` }),
    );
    const token = (JSON.parse(login.text) as { data: { login: { token: string } } }).data.login.token;
    const body = JSON.stringify({ query: PAGE.query });
    const first = await post(agent, port, body, token);
    const answer = JSON.parse(first.text) as { data?: { cases: { totalCount: number; edges: unknown[] } }; errors?: unknown };
    if (process.env.PROFILE_SHOW_SQL) {
      showSql = true;
      await post(agent, port, body, token);
      showSql = false;
    }
    if (first.status !== 200 || answer.errors || answer.data!.cases.edges.length !== 50)
      throw new Error(`unexpected answer: ${first.text.slice(0, 500)}`);
    for (let i = 0; i < WARMUP; i += 1) await post(agent, port, body, token);
    const session = process.env.PROFILE_CPU || process.env.PROFILE_ALLOC ? new Session() : undefined;
    session?.connect();
    if (process.env.PROFILE_CPU) {
      await session!.post('Profiler.enable');
      await session!.post('Profiler.start');
    }
    if (process.env.PROFILE_ALLOC) {
      await session!.post('HeapProfiler.enable');
      // Every 4 KB on average, keeping what was collected since: garbage is what this profile is for.
      await session!.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    const statementsBefore = statements;
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < REQUESTS; i += 1) await post(agent, port, body, token);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    if (process.env.PROFILE_CPU) {
      const { profile } = await session!.post('Profiler.stop');
      fs.writeFileSync(process.env.PROFILE_CPU, JSON.stringify(profile));
    }
    if (process.env.PROFILE_ALLOC) {
      const { profile } = await session!.post('HeapProfiler.stopSampling');
      fs.writeFileSync(process.env.PROFILE_ALLOC, JSON.stringify(profile));
    }
    session?.disconnect();
    if (process.env.PROFILE_HEAP) v8.writeHeapSnapshot(process.env.PROFILE_HEAP);
    console.log(
      `${REQUESTS} requests of page ${PAGE.name} (${answer.data!.cases.totalCount} cases in scope, ${first.text.length} bytes): ` +
        `${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(2)} CPU ms/request (user ${(cpu.user / 1000 / REQUESTS).toFixed(2)}), ` +
        `${((statements - statementsBefore) / REQUESTS).toFixed(1)} statements/request, wall ${(wallMs / REQUESTS).toFixed(2)} ms/request, ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  } finally {
    agent.destroy();
    server.close();
    await app.stop();
    await db.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
