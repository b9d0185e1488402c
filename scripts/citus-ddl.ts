/**
 * `npm run citus:ddl`: prints the Citus statements that distribute this schema by district (D§1),
 * derived from the migrated database's own catalog (embedded server unless DATABASE_URL).
 * `npm run citus:ddl -- --doc` also writes them into docs/scale-out.md, which a test keeps in step.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { citusDdl, readCatalog } from '../src/db/distribution';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger('warn'), { application: false });
  try {
    const catalog = await readCatalog((sql) => db.owner.query(sql));
    const ddl = ['-- On the coordinator, after `CREATE EXTENSION citus;` and the migrations:', ...citusDdl(catalog)].join('\n');
    console.log(ddl);
    if (process.argv.includes('--doc')) {
      const doc = path.join(__dirname, '..', '..', 'docs', 'scale-out.md');
      const block = /(<!-- citus:ddl -->\n```sql\n)[\s\S]*?(\n```\n<!-- \/citus:ddl -->)/;
      fs.writeFileSync(
        doc,
        fs.readFileSync(doc, 'utf8').replace(block, (_all, open: string, close: string) => open + ddl + close),
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
