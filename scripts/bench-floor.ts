/**
 * The floor of `npm run bench`: a bare HTTP server and `pg` pool that, for every request, replays the
 * statements the API ran for the township caseworker's page of cases (recorded by
 * `scripts/bench-server.ts`, with their parameters) and answers the same JSON. Nothing an API can
 * do is cheaper than running its SQL and printing the result, so its throughput is the ceiling the
 * API is measured against. A child process of the benchmark, like the API server.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { tenantGlobalId } from '../src/graphql/node';
import { CapturedStatement, FromServer, statsOfThisProcess, ToServer } from './bench-child';

type Row = Record<string, unknown>;

/** A column of a TypeORM row, whose keys are `<alias>_<column>` (aliases have no underscore). */
function column(row: Row, name: string): unknown {
  if (name in row) return row[name];
  const key = Object.keys(row).find((k) => k.endsWith(`_${name}`) && !k.slice(0, -name.length - 1).includes('_'));
  if (key === undefined) throw new Error(`no column ${name} in ${Object.keys(row).join(', ')}`);
  return row[key];
}

/** The statements of the page by what they read: the account and delegations of the caller (when
 * the API ran them), the page, its count, its households and their members. */
function classify(statements: CapturedStatement[]) {
  const find = (test: (sql: string) => boolean) => statements.filter((s) => test(s.sql));
  const cases = find((sql) => /FROM "cases"/.test(sql));
  const page = cases.find((s) => !/COUNT\(/i.test(s.sql));
  const count = cases.find((s) => /COUNT\(/i.test(s.sql));
  const households = find((sql) => /FROM "households"/.test(sql));
  const members = find((sql) => /FROM "persons"/.test(sql));
  if (!page || !count || households.length !== 1 || members.length !== 1) throw new Error('unexpected statements for the page of cases');
  const known = new Set([page, count, households[0], members[0]]);
  return { before: statements.filter((s) => !known.has(s)), page, count, households: households[0], members: members[0] };
}

async function main() {
  const send = (message: FromServer) => process.send!(message);
  const statements = await new Promise<CapturedStatement[]>((resolve) =>
    process.once('message', (message: { type: 'replay'; statements: CapturedStatement[] }) => resolve(message.statements)),
  );
  const plan = classify(statements);
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  let replayed = 0;
  const run = async (s: CapturedStatement) => {
    replayed += 1;
    return (await pool.query<Row>(s.sql, s.params)).rows;
  };

  // The same order of dependencies as the API: who calls, then the page, then its count and
  // households together, then the members of those households.
  const answer = async (): Promise<string> => {
    for (const s of plan.before) await run(s);
    const pageRows = (await run(plan.page)).slice(0, 50);
    const [countRows, householdRows] = await Promise.all([run(plan.count), run(plan.households)]);
    const memberRows = await run(plan.members);
    const members = new Map<string, { name: unknown }[]>();
    for (const m of memberRows) {
      const key = `${String(column(m, 'district_code'))}:${String(column(m, 'household_id'))}`;
      const list = members.get(key) ?? [];
      list.push({ name: column(m, 'name') });
      members.set(key, list);
    }
    const households = new Map<string, { headName: unknown; members: { name: unknown }[] }>();
    for (const h of householdRows) {
      const key = `${String(column(h, 'district_code'))}:${String(column(h, 'id'))}`;
      households.set(key, { headName: column(h, 'head_name'), members: members.get(key) ?? [] });
    }
    const edges = pageRows.map((c) => {
      const districtCode = String(column(c, 'district_code'));
      return {
        node: {
          id: tenantGlobalId('Case', { districtCode, id: String(column(c, 'id')) }),
          status: column(c, 'status'),
          household: households.get(`${districtCode}:${String(column(c, 'household_id'))}`) ?? null,
        },
      };
    });
    return JSON.stringify({ data: { cases: { totalCount: Number(Object.values(countRows[0])[0]), edges } } });
  };

  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      answer().then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  server.listen(0, '127.0.0.1', () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
  process.on('message', (message: ToServer) => {
    if (message.type === 'stats') {
      send(statsOfThisProcess(replayed));
    } else if (message.type === 'exit') {
      server.close();
      void pool.end().finally(() => process.exit(0));
    }
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
