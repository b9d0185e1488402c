/**
 * `npm run citus:ddl`: prints the Citus statements that distribute this schema by district (D§1),
 * derived from the migrated database's own catalog (embedded server unless DATABASE_URL).
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { citusDdl, readCatalog } from '../src/db/distribution';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger('warn'));
  try {
    const catalog = await readCatalog((sql) => db.dataSource.query(sql));
    console.log(['-- On the coordinator, after `CREATE EXTENSION citus;` and the migrations:', ...citusDdl(catalog)].join('\n'));
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
