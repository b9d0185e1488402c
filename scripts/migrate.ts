/** `npm run migration:run`: applies pending migrations (embedded server unless DATABASE_URL). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel), { application: false });
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
