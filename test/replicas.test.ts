import { loadConfig, serverJwtSecret } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase, OpenDatabase } from '../src/db/open-database';
import { DEMO_REGIONS, seedDemoDistrictIfEmpty } from '../src/seed/demo-district';
import { asAppRole, createTestDatabase } from './support/harness';

/**
 * Replicas starting together on an empty database (issues #10, #15): migrations and the demo seed
 * run under one advisory lock, so every replica comes up, each migration is applied once and the
 * demo is seeded once.
 */
it('three servers starting at once on an empty database all come up; one migrates and seeds', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ ...process.env, DATABASE_URL: database.url, APP_DATABASE_URL: asAppRole(database.url) });
  const opened: OpenDatabase[] = [];
  try {
    const starts = await Promise.allSettled(
      [1, 2, 3].map(async () => {
        const db = await openDatabase(config, createLogger('silent'));
        opened.push(db);
        return seedDemoDistrictIfEmpty(db.owner, 'replica-password');
      }),
    );
    expect(starts.map((start) => start.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(starts.filter((start) => start.status === 'fulfilled' && start.value).length).toBe(1);
    const { owner: dataSource } = opened[0];
    const applied = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations');
    expect(applied.length).toBe(dataSource.migrations.length);
    expect(new Set(applied.map((row) => row.name)).size).toBe(applied.length);
    const [{ regions }] = await dataSource.query<{ regions: number }[]>('SELECT count(*)::int AS regions FROM regions');
    expect(regions).toBe(DEMO_REGIONS.length);
  } finally {
    await Promise.all(opened.map((db) => db.close()));
    await database.drop();
  }
}, 180_000);

it('a server on an external database needs JWT_SECRET, so that every replica accepts the tokens of the others', () => {
  expect(() => serverJwtSecret(loadConfig({ DATABASE_URL: 'postgres://db/assistance' }))).toThrow(
    /JWT_SECRET must be set when DATABASE_URL is set/,
  );
  const secret = 'a-shared-secret-of-at-least-32-characters';
  expect(serverJwtSecret(loadConfig({ DATABASE_URL: 'postgres://db/assistance', JWT_SECRET: secret }))).toBe(secret);
});
