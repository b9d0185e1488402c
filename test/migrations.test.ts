import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { createTestDatabase } from './support/harness';

/** `npm run migration:revert` (issue #15): every migration can be undone, in order, down to an
 * empty database, and applied again to the schema the entities describe. */
it('every migration reverts, down to nothing, and applies again', async () => {
  const database = await createTestDatabase();
  const db = await openDatabase(loadConfig({ ...process.env, DATABASE_URL: database.url }), createLogger('silent'));
  try {
    const { owner: dataSource } = db;
    const tables = async () =>
      (await dataSource.query<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map(
        (row) => row.name,
      );
    expect((await tables()).length).toBeGreaterThan(20);
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    expect(await dataSource.query('SELECT name FROM migrations')).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  } finally {
    await db.close();
    await database.drop();
  }
}, 120_000);
