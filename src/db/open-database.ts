import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DomainError, ErrorCode, isDatabaseUnreachable } from '../errors';
import { message } from '../i18n/message';
import { dataSourceOptions } from '../../ormconfig';
import { APP_ROLE, checkAppRole, ensureAppLoginRole, withCredentials } from './app-role';
import { readOrCreateSecret, startEmbeddedPostgres } from './embedded-postgres';
import { CountingQueryLogger } from './query-counter';
import { underStartupLock } from './startup-lock';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface OpenDatabase {
  /** The API's pool, connected as the application's role (src/db/app-role.ts). */
  dataSource: DataSource;
  /** The owner's pool (`DATABASE_URL`, or the embedded server's superuser): migrations, the seed,
   * maintenance scripts. The same pool as `dataSource` on an external database without `APP_DATABASE_URL`. */
  owner: DataSource;
  /** Closes the pools and, when embedded, stops the server. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  migrate?: boolean;
  /** false: the caller handles SIGINT and SIGTERM and calls `close()`, so the embedded server stops
   * after the pool rather than beside it. */
  stopOnTerminationSignals?: boolean;
  /** false: no pool for the API; `dataSource` is the owner's (scripts that migrate, seed or inspect). */
  application?: boolean;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded server when there is none, and migrates as the
 * owner; then opens the API's pool as the application's role: `APP_DATABASE_URL`, or on the embedded
 * server `assistance_app` with a password generated into the data folder. On an external database
 * without `APP_DATABASE_URL` the API keeps the owner's connection and says so at start.
 */
export async function openDatabase(config: Config, logger: Logger, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger, {
        stopOnTerminationSignals: options.stopOnTerminationSignals,
      });
  const ownerUrl = config.databaseUrl ?? embedded!.url;
  const pools: DataSource[] = [];
  const open = async (url: string, walled = false) => {
    const dataSource = new DataSource(dataSourceOptions(url, new CountingQueryLogger(logger), config.dbPool, walled));
    pools.push(dataSource);
    await dataSource.initialize();
    codeUnreachableDatabase(dataSource);
    return dataSource;
  };
  const close = async () => {
    for (const pool of pools) if (pool.isInitialized) await pool.destroy();
    await embedded?.stop();
  };
  try {
    const owner = await open(ownerUrl);
    if (options.migrate !== false) {
      const applied = await underStartupLock(owner, () => owner.runMigrations());
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
    if (options.application === false) return { dataSource: owner, owner, close };
    let appUrl = config.appDatabaseUrl;
    if (embedded) {
      const password = readOrCreateSecret(config.dataDir, 'pg-app-password');
      await ensureAppLoginRole(owner, password);
      appUrl = withCredentials(embedded.url, APP_ROLE, password);
    }
    if (!appUrl) {
      logger.warn(
        { user: (await checkAppRole(owner)).user },
        `APP_DATABASE_URL is not set: the API connects as the owner of the database, which can disable the append-only triggers; ` +
          `set APP_DATABASE_URL to a LOGIN role that is a member of ${APP_ROLE} (docs/security.md)`,
      );
      return { dataSource: owner, owner, close };
    }
    const dataSource = await open(appUrl, true);
    const check = await checkAppRole(dataSource);
    if (check.problems.length) {
      throw new Error(
        `The API's database role ${check.user} ${check.problems.join(', ')}: it must own nothing and be a member of ${APP_ROLE}`,
      );
    }
    return { dataSource, owner, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Every query starts by taking a connection from the pool; when the database is away that fails with
 * a socket error, which reaches resolvers as whatever the socket layer threw. Turned here, in the one
 * place all of them pass, into the coded SERVICE_UNAVAILABLE that clients and `/readyz` agree on.
 */
function codeUnreachableDatabase(dataSource: DataSource): void {
  const driver = dataSource.driver as PostgresDriver;
  const coded = (error: unknown) => {
    throw isDatabaseUnreachable(error) ? new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message('database.unavailable')) : error;
  };
  const master = driver.obtainMasterConnection.bind(driver);
  const slave = driver.obtainSlaveConnection.bind(driver);
  driver.obtainMasterConnection = () => master().catch(coded);
  driver.obtainSlaveConnection = () => slave().catch(coded);
}
