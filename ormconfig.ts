import 'reflect-metadata';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import { ENTITIES } from './src/db/entities';
import { SnakeNamingStrategy } from './src/db/naming-strategy';
import { MIGRATIONS } from './migrations';
import type { PoolOptions } from './src/config';
import { WalledClient } from './src/db/district-wall';

/** `DB_POOL_SIZE` and `DB_CONNECT_TIMEOUT_MS`, for the CLI; the server takes them from its configuration. */
const POOL_FROM_ENVIRONMENT: PoolOptions = {
  size: Number(process.env.DB_POOL_SIZE || 10),
  connectTimeoutMs: Number(process.env.DB_CONNECT_TIMEOUT_MS || 15000),
};

/**
 * DataSource options for a PostgreSQL URL. The schema changes only through migrations. `walled`: the
 * application's pool, whose connections carry the district wall of the work they serve
 * (src/db/district-wall.ts); the owner's pool is not walled, as row-level security does not bind the owner.
 */
export function dataSourceOptions(
  url: string,
  logger?: Logger,
  pool: PoolOptions = POOL_FROM_ENVIRONMENT,
  walled = false,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install or to be allowed to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: logger ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn'],
    logger,
    maxQueryExecutionTime: 1000,
    extra: {
      max: pool.size,
      // A request waits at most this long for a connection (a database that does not answer, or a
      // pool busy with a burst of requests queued on one row lock) instead of indefinitely; as long
      // as a request may run (REQUEST_TIMEOUT_MS), so a burst is served late rather than refused.
      // A database that refuses connections fails at once whatever this is.
      connectionTimeoutMillis: pool.connectTimeoutMs,
      ...(walled ? { Client: WalledClient } : {}),
    },
  };
}

/** For the TypeORM CLI against an external database (`DATABASE_URL`); `npm run migration:run`
 * also works without one, on the embedded server. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/assistance'));
