import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from 'pg';
import { findFreePort } from '../src/db/embedded-postgres';
import { LOGIN, lockAccounts, send } from './support/slow-requests';

const ROOT = path.join(__dirname, '..');
const DEMO_PASSWORD = 'sigterm-test-password';

/**
 * The built server as `npm start` runs it, with its embedded PostgreSQL, stopped by a real SIGTERM:
 * what the in-process tests cannot show (the signal handlers of Apollo and embedded-postgres, the
 * order in which the pool and the embedded server stop, the exit code).
 */
beforeAll(() => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('SIGTERM to the running server', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  const output: string[] = [];
  let errors = '';

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assistance-sigterm-'));
  });

  afterAll(() => {
    if (!dataDir) return;
    if (child && child.exitCode === null) child.kill('SIGKILL');
    // A server left behind by a failed run holds its cluster: stop it before removing the folder.
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets a slow request finish, then stops the pool before the embedded server and exits 0 without a warning', async () => {
    const port = await findFreePort();
    let pgPort = await findFreePort();
    while (pgPort === port) pgPort = await findFreePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'info',
    };
    // As a user starts it: embedded PostgreSQL, not the test run's database, and not in test mode.
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => output.push(line));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      errors += chunk;
    });
    const exited = once(child, 'exit');

    // Our server says when it listens: on a busy machine another test's server may answer on a port
    // that was free a moment ago, so a 200 from /healthz alone does not prove it is this one.
    const listening = () => output.some((line) => line.includes(`API on http://localhost:${port}/graphql`));
    for (;;) {
      const up = listening() ? await send(port, new http.Agent(), 'GET', '/healthz').catch(() => undefined) : undefined;
      if (up?.status === 200) break;
      if (child.exitCode !== null) throw new Error(`the server did not start:\n${output.join('\n')}\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const ownerUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/assistance`;
    // The API's pool runs as the application's role (issue #10 item 5), its password generated into the data folder.
    expect(fs.statSync(path.join(dataDir, 'pg-app-password')).mode & 0o777).toBe(0o600);
    // The pool closes idle connections after a few seconds: /readyz takes one, which stays a while.
    expect((await send(port, new http.Agent(), 'GET', '/readyz')).status).toBe(200);
    const observer = new Client({ connectionString: ownerUrl });
    await observer.connect();
    const sessions = await observer.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'assistance' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    await observer.end();
    expect(sessions.rows.map((row) => row.usename)).toContain('assistance_app');
    const lock = await lockAccounts(ownerUrl);
    try {
      const signIn = send(port, new http.Agent(), 'POST', '/graphql', { query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } });
      await lock.untilARequestWaits();
      child.kill('SIGTERM');
      // Draining: the listener is closed, the process and the request are still there.
      for (;;) {
        const refused = await send(port, new http.Agent(), 'GET', '/healthz').then(
          () => false,
          (error) => error.code === 'ECONNREFUSED',
        );
        if (refused) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(child.exitCode).toBeNull();
      await lock.release();
      const answer = await signIn;
      expect(answer.status).toBe(200);
      expect(answer.body.data.login.token).toEqual(expect.any(String));
    } finally {
      await lock.release();
    }

    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const lines = output.map((line) => JSON.parse(line) as { level: number; msg: string });
    // pino levels: 40 warn, 50 error. Stopping the embedded server beside the pool logged
    // "Postgres pool raised an error … terminating connection due to administrator command".
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    expect(errors).toBe('');
    expect(lines.at(-1)!.msg).toBe('stopped');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    // A first start initialises a cluster, migrates and seeds the demo: slow on a loaded 2-core machine.
  }, 180_000);
});

/**
 * One cluster folder, one server (issues #10, #15): a command started while a server holds the
 * embedded cluster says so and how to reach it, instead of printing `undefined`; a cluster orphaned
 * by a server killed with SIGKILL is stopped by the next start, which comes up.
 */
describe('the embedded cluster of a server that is running, or was killed', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assistance-cluster-'));
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const environment = (port: number): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
    return env;
  };

  async function startServer() {
    const port = await findFreePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: environment(port), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const lines: string[] = [];
    readline.createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    while (!lines.some((line) => line.includes(`API on http://localhost:${port}/graphql`))) {
      if (child.exitCode !== null) throw new Error(`the server did not start:\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { child, lines, port };
  }

  it('names the server holding it, and cleans up after one killed with SIGKILL', async () => {
    const first = await startServer();

    const migrate = spawn(process.execPath, ['dist/scripts/migrate.js'], {
      cwd: ROOT,
      env: environment(0),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    migrate.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
    });
    const [code] = await once(migrate, 'exit');
    expect(code).toBe(1);
    expect(said).toContain(`is in use by another process (pid ${first.child.pid}), most likely a running \`npm start\``);
    expect(said).toMatch(/DATABASE_URL=postgres:\/\/postgres:\$\(cat .*pg-password\)@127\.0\.0\.1:\d+\/assistance/);

    const orphan = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    expect(() => process.kill(orphan, 0)).not.toThrow();

    const second = await startServer();
    expect(second.lines.some((line) => line.includes('stopping an embedded PostgreSQL left running'))).toBe(true);
    expect(() => process.kill(orphan, 0)).toThrow();
    expect((await send(second.port, new http.Agent(), 'GET', '/readyz')).status).toBe(200);
    second.child.kill('SIGTERM');
    const [exitCode] = await once(second.child, 'exit');
    expect(exitCode).toBe(0);
  }, 240_000);
});
