import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { Pool } from 'pg';
import request from 'supertest';
import { findFreePort } from '../src/db/embedded-postgres';
import { asAppRole, codeOf, createTestDatabase, GraphQLResult, TestApp } from './support/harness';
import { ALL_APPROVE, as, caseOf, apply, letNoticePass, meetingWithVotes, prepareForReview, step, stepOk } from './support/workflow';

/**
 * Two API processes on one database behind one client behave as one (issue #15): the built server
 * started twice as `npm start` starts it, and a whole DIBAO case driven through both, every request
 * going to the other process than the one before. Nothing that matters across requests may live in a
 * process: tokens signed by one are accepted by the other, a version read from one is checked by the
 * other, and both see every write at once. One of them also sends its traces to an OpenTelemetry
 * collector (an OTLP/HTTP receiver in this process), as `OTEL_EXPORTER_OTLP_ENDPOINT` asks.
 */

const ROOT = path.join(__dirname, '..');
// Its own build folder (at the same depth as dist/, so relative paths hold): the SIGTERM test
// rebuilds dist/ while this one runs, and a process must never load a half-written file.
const OUT_DIR = path.join(ROOT, '.build', 'two-processes');
const DEMO_PASSWORD = 'two-processes-password';

interface Replica {
  url: string;
  child: ChildProcess;
  output: string[];
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const replicas: Replica[] = [];
let pool: Pool;

interface OtlpSpan {
  traceId: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** What the replica with tracing exported, span by span. */
const exported: OtlpSpan[] = [];
let collector: http.Server;

function startCollector(): Promise<string> {
  collector = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const { resourceSpans } = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        exported.push(...resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
      }
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  return new Promise((resolve) =>
    collector.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(collector.address() as AddressInfo).port}`)),
  );
}

async function startReplica(databaseUrl: string, jwtSecret: string, otlpEndpoint?: string): Promise<Replica> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    APP_DATABASE_URL: asAppRole(databaseUrl),
    JWT_SECRET: jwtSecret,
    DEMO_PASSWORD,
    LOG_LEVEL: 'info',
    ...(otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint, OTEL_BSP_SCHEDULE_DELAY: '100' } : {}),
  };
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [path.join(OUT_DIR, 'src', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => output.push(line));
  readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.some((line) => line.includes('API on http://'))) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`replica exited with ${child.exitCode}:\n${output.join('\n')}`));
      }
    }, 100);
  });
  await listening;
  return { url: `http://127.0.0.1:${port}`, child, output };
}

/** Which replica answered each request, in order. */
const answeredBy: number[] = [];
let next = 0;

/** A client of both replicas, as behind a round-robin proxy: each request goes to the other one. */
function roundRobinClient(): TestApp {
  const tokens = new Map<string, string>();
  const client = {
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>> {
      const index = next++ % replicas.length;
      answeredBy.push(index);
      const req = request(replicas[index].url)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('accept', 'application/graphql-response+json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const response = await req.send({ query, variables });
      return { status: response.status, data: response.body.data ?? undefined, errors: response.body.errors, statements: NaN, response };
    },
    async login(username: string) {
      if (!tokens.has(username)) {
        const result = await client.gql<{ login: { token: string } }>(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: username, p: DEMO_PASSWORD },
        );
        if (!result.data?.login) throw new Error(`login of ${username} failed: ${JSON.stringify(result.errors)}`);
        tokens.set(username, result.data.login.token);
      }
      return tokens.get(username)!;
    },
    // Only what the workflow helpers use besides GraphQL: moving a notice period into the past.
    dataSource: { query: async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows },
  };
  // The helpers are typed for the in-process harness; this client offers every member they use.
  return client as unknown as TestApp;
}

beforeAll(async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT_DIR], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  database = await createTestDatabase();
  pool = new Pool({ connectionString: database.url, max: 2 });
  const jwtSecret = crypto.randomBytes(32).toString('hex');
  // Started together on the empty database: one migrates and seeds under the advisory lock.
  const otlpEndpoint = await startCollector();
  replicas.push(...(await Promise.all([startReplica(database.url, jwtSecret, otlpEndpoint), startReplica(database.url, jwtSecret)])));
}, 240_000);

afterAll(async () => {
  await Promise.all(
    replicas.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
  collector?.close();
  await pool?.end();
  await database?.drop();
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
}, 60_000);

it('drives a DIBAO case from application to approval alternating between two processes', async () => {
  const t = roundRobinClient();
  const { case: applied } = await apply(t, 'DIBAO', { head: '双进程' });
  const reviewed = await prepareForReview(t, applied.id);
  expect(reviewed.status).toBe('TOWNSHIP_REVIEW');
  const meetingId = await meetingWithVotes(t, [applied.id], ALL_APPROVE);
  expect((await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId })).status).toBe('PUBLIC_NOTICE');
  await letNoticePass(t, applied.id);
  expect((await stepOk(t, 'hexi.head', 'approveCase', applied.id)).status).toBe('APPROVED');

  // Both processes answered, in turn, and each read the other's writes at once.
  expect(new Set(answeredBy)).toEqual(new Set([0, 1]));
  expect(answeredBy.every((replica, i) => i === 0 || replica !== answeredBy[i - 1])).toBe(true);
  const seen = await Promise.all([0, 1].map(async () => (await caseOf(t, 'district.officer', applied.id)).status));
  expect(seen).toEqual(['APPROVED', 'APPROVED']);
  const enrolments = await as(t, 'finance', '{ enrolments(programme: DIBAO, first: 100) { nodes { payeeName } } }');
  expect(enrolments.enrolments.nodes.map((e: { payeeName: string }) => e.payeeName)).toContain('双进程');
}, 240_000);

it('checks on one process the version read on the other: the stale second writer gets CONFLICT', async () => {
  const t = roundRobinClient();
  const { case: applied } = await apply(t, 'DIBAO', { head: '版本冲突' });
  const stale = (await caseOf(t, 'hexi.caseworker', applied.id)).version;
  await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
  const token = await t.login('hexi.caseworker');
  const late = await t.gql(
    'mutation($i: StartInvestigationInput!) { startInvestigation(input: $i) { case { status } } }',
    { i: { caseId: applied.id, version: stale } },
    token,
  );
  expect(codeOf(late)).toBe('CONFLICT');
  expect((await step(t, 'hexi.caseworker', 'startInvestigation', applied.id)).errors).toBeUndefined();
}, 120_000);

it('logs every request of both processes, each under a request id of its own', () => {
  const ids = replicas.map((replica) =>
    replica.output.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      const entry = JSON.parse(line) as { msg?: string; requestId?: string };
      return entry.msg === 'request' ? [entry.requestId] : [];
    }),
  );
  for (const own of ids) expect(own.length).toBeGreaterThan(10);
  const all = ids.flat();
  expect(new Set(all).size).toBe(all.length);
});

it('sends a trace per request with its HTTP, GraphQL and SQL spans to the configured collector, without the document', async () => {
  const response = await request(replicas[0].url)
    .post('/graphql')
    .send({ query: '{ publicNotices(villageCode: "510199101201") { programme } }' });
  expect(response.status).toBe(200);
  const requestId = response.headers['x-request-id'];
  const traceOf = () => {
    const served = exported.find((span) => span.attributes.some((a) => a.key === 'request.id' && a.value.stringValue === requestId));
    return served ? exported.filter((span) => span.traceId === served.traceId).map((span) => span.name) : [];
  };
  // The spans of one request reach the collector in several batches: the HTTP span, which ends last, may come after the others.
  const complete = (names: string[]) =>
    names.some((name) => /^POST/.test(name)) && names.some((name) => name.startsWith('pg.query')) && names.includes('graphql.validate');
  const deadline = Date.now() + 20_000;
  while (!complete(traceOf()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const names = traceOf();
  expect(names.some((name) => /^POST/.test(name))).toBe(true);
  expect(names).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
  expect(names.some((name) => name.startsWith('pg.query'))).toBe(true);
  expect(exported.flatMap((span) => span.attributes.map((a) => a.key))).not.toContain('graphql.source');
}, 60_000);
