/** `npm run seed`: loads the demo district into an empty database (embedded unless DATABASE_URL). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { seedDemoDistrictIfEmpty } from '../src/seed/demo-district';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel), { application: false });
  try {
    const seeded = await seedDemoDistrictIfEmpty(db.owner, config.demoPassword);
    console.log(seeded ? 'Seeded the demo district.' : 'The database already has regions; nothing seeded.');
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
