import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DomainError, ErrorCode, isDatabaseUnreachable } from '../errors';
import { message } from '../i18n/message';
import { dataSourceOptions } from '../../ormconfig';
import { startEmbeddedPostgres } from './embedded-postgres';
import { CountingQueryLogger } from './query-counter';
import { underStartupLock } from './startup-lock';
import type { Config } from '../config';
import type { Logger } from '../logger';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Closes the pool and, when embedded, stops the server. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  migrate?: boolean;
  /** false: the caller handles SIGINT and SIGTERM and calls `close()`, so the embedded server stops
   * after the pool rather than beside it. */
  stopOnTerminationSignals?: boolean;
}

/** Connects to `DATABASE_URL`, or starts the embedded server when there is none, and migrates. */
export async function openDatabase(config: Config, logger: Logger, options: OpenDatabaseOptions = {}): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, logger, {
        stopOnTerminationSignals: options.stopOnTerminationSignals,
      });
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = new DataSource(dataSourceOptions(url, new CountingQueryLogger(logger), config.dbPool));
  try {
    await dataSource.initialize();
    codeUnreachableDatabase(dataSource);
    if (options.migrate !== false) {
      const applied = await underStartupLock(dataSource, () => dataSource.runMigrations());
      if (applied.length) logger.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
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
