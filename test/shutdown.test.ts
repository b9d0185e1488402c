import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { loadConfig } from '../src/config';
import { createShutdown } from '../src/shutdown';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/harness';
import { LOGIN, lockAccounts, send } from './support/slow-requests';

/** The app on a real listener, as main.ts serves it. */
async function listen(t: TestApp): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(t.app.express);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }) };
}

async function idleKeepAliveSocket(agent: http.Agent): Promise<Socket> {
  for (;;) {
    const socket = Object.values(agent.freeSockets).flat()[0];
    if (socket) return socket;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('graceful shutdown (what main.ts runs on SIGTERM and SIGINT)', () => {
  let t: TestApp;
  let server: http.Server;
  let port: number;
  let lock: Awaited<ReturnType<typeof lockAccounts>>;
  const agents: http.Agent[] = [];
  const agent = () => {
    const created = new http.Agent({ keepAlive: true });
    agents.push(created);
    return created;
  };

  beforeEach(async () => {
    t = await startTestApp();
    ({ server, port } = await listen(t));
    lock = await lockAccounts(t.databaseUrl);
  });
  afterEach(async () => {
    await lock.release();
    for (const created of agents.splice(0)) created.destroy();
    server.closeAllConnections();
    server.close();
    await t.close();
  });

  it('lets a request in flight finish with its data, answers /readyz 503 meanwhile, takes no new connection, then closes the pool', async () => {
    // Idle keep-alive connections must be closed by the shutdown, not left to this timeout.
    server.keepAliveTimeout = 60_000;
    const idleAgent = agent();
    expect((await send(port, idleAgent, 'GET', '/healthz')).status).toBe(200);
    const idle = await idleKeepAliveSocket(idleAgent);
    const idleClosed = once(idle, 'close');

    const signIn = send(port, agent(), 'POST', '/graphql', { query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } });
    await lock.untilARequestWaits();
    const { logger } = capturingLogger();
    const shutdown = createShutdown({ app: t.app, server, db: t.db, graceMs: 30_000, logger });
    const stopped = shutdown('SIGTERM');
    expect(shutdown('SIGINT')).toBe(stopped);

    await idleClosed;
    await expect(send(port, new http.Agent(), 'GET', '/healthz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The drained listener takes no connection; a second one shows what the app answers meanwhile.
    const ready = await request(t.app.express).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'draining' });
    expect(t.dataSource.isInitialized).toBe(true);

    const released = Date.now();
    await lock.release();
    const answer = await signIn;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.login.token).toEqual(expect.any(String));
    expect(answer.headers.connection).toBe('close');
    await stopped;
    expect(Date.now() - released).toBeLessThan(10_000);
    expect(t.dataSource.isInitialized).toBe(false);
    expect(server.listening).toBe(false);
  });

  it('cuts requests still running when the grace period ends, says so, and does not wait for their queries', async () => {
    const signIn = send(port, agent(), 'POST', '/graphql', { query: LOGIN, variables: { u: 'admin', p: DEMO_PASSWORD } });
    await lock.untilARequestWaits();
    const { lines, logger } = capturingLogger();
    const stopped = createShutdown({ app: t.app, server, db: t.db, graceMs: 200, logger })('SIGTERM');

    await expect(signIn).rejects.toMatchObject({ code: 'ECONNRESET' });
    // Still locked: closing the pool ends the cut request's query rather than waiting for it.
    await stopped;
    expect(t.dataSource.isInitialized).toBe(false);
    expect(lines.filter((line) => line.level >= 40).map((line) => line.msg)).toEqual([
      'requests still running after the grace period were cut',
    ]);
  });

  it('finishes at once when nothing is in flight', async () => {
    const { lines, logger } = capturingLogger();
    const began = Date.now();
    await createShutdown({ app: t.app, server, db: t.db, graceMs: 30_000, logger })('SIGTERM');
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(t.dataSource.isInitialized).toBe(false);
    expect(lines.map((line) => line.msg)).toEqual(['shutting down: finishing requests in flight', 'stopped']);
  });
});

describe('SHUTDOWN_GRACE_MS', () => {
  it('defaults to ten seconds and takes a whole number of milliseconds', () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '25000' }).shutdownGraceMs).toBe(25_000);
    expect(() => loadConfig({ SHUTDOWN_GRACE_MS: '10s' })).toThrow('SHUTDOWN_GRACE_MS must be a non-negative integer, got "10s"');
  });
});
