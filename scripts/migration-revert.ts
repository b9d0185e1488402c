/** `npm run migration:revert`: undoes the last applied migration (embedded server unless DATABASE_URL). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel), { migrate: false, application: false });
  try {
    const [last] = await db.owner.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id DESC LIMIT 1');
    if (!last) {
      console.log('No migration is applied; nothing to revert.');
      return;
    }
    await db.owner.undoLastMigration({ transaction: 'each' });
    console.log(`Reverted ${last.name}.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
