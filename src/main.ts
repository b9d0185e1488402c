import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { openDatabase } from './db/open-database';
import { readOrCreateSecret } from './db/embedded-postgres';
import { seedDemoDistrictIfEmpty } from './seed/demo-district';
import { App, createApp } from './app';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo seed, HTTP server. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  let app: App;
  try {
    if (config.seedDemo && (await seedDemoDistrictIfEmpty(db.dataSource, config.demoPassword))) {
      logger.info('seeded the demo district (see README for the demo accounts)');
    }
    const jwtSecret = config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret');
    app = await createApp(db.dataSource, { ...config, jwtSecret }, logger);
  } catch (error) {
    // Never leave an embedded server running behind a failed start.
    await db.close();
    throw error;
  }
  const server: Server = app.express.listen(config.port, () => {
    logger.info({ port: config.port }, `API on http://localhost:${config.port}/graphql, GraphiQL on http://localhost:${config.port}/graphiql`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeAllConnections();
    await app.stop();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
