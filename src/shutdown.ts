import type { Server } from 'node:http';
import type { App } from './app';
import type { OpenDatabase } from './db/open-database';
import type { Logger } from './logger';

export interface ShutdownParts {
  app: App;
  server: Server;
  db: OpenDatabase;
  graceMs: number;
  logger: Logger;
}

/**
 * The stop sequence for SIGTERM and SIGINT, in this order: HTTP drains (no new connections, /readyz
 * 503, requests in flight finish within `graceMs`), Apollo stops, the pool closes, and only then the
 * embedded server stops, so no query loses its database midway. Calling it again joins the same stop.
 */
export function createShutdown({ app, server, db, graceMs, logger }: ShutdownParts): (signal: string) => Promise<void> {
  let stopping: Promise<void> | undefined;
  return (signal) => {
    stopping ??= (async () => {
      logger.info({ signal, graceMs }, 'shutting down: finishing requests in flight');
      if (!(await app.drain(server, graceMs))) logger.warn({ graceMs }, 'requests still running after the grace period were cut');
      await db.close();
      logger.info('stopped');
    })();
    return stopping;
  };
}
