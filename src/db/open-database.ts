import { DataSource } from 'typeorm';
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
  const dataSource = new DataSource(dataSourceOptions(url, new CountingQueryLogger(logger)));
  try {
    await dataSource.initialize();
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
