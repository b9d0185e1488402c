import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, seedDemoDistrictIfEmpty } from '../src/seed/demo-district';
import { loadConfig } from '../src/config';
import { createTestDatabase } from './support/harness';
import { openDatabase } from '../src/db/open-database';
import { createLogger } from '../src/logger';
import { verifyPassword } from '../src/auth/passwords';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('the README demo-account table', () => {
  it('lists exactly the seeded demo accounts with their roles, regions and departments', () => {
    const rows = readme.split('\n')
      .filter((line) => /^\| [a-z][a-z0-9._-]* \| [A-Z_, ]+ \| \d{12} \|/.test(line))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(rows).toEqual(DEMO_ACCOUNTS.map((a) => [a.username, a.roles.join(', '), a.regionCode, a.departmentCode ?? '']));
  });

  it('gives the default demo password, which the seed uses', async () => {
    const password = loadConfig({}).demoPassword;
    expect(readme).toContain(`password **\`${password}\`**`);
    const database = await createTestDatabase();
    const db = await openDatabase(loadConfig({ DATABASE_URL: database.url }), createLogger('silent'));
    try {
      expect(await seedDemoDistrictIfEmpty(db.dataSource, password)).toBe(true);
      expect(await seedDemoDistrictIfEmpty(db.dataSource, password)).toBe(false);
      const [{ password_hash: hash }] = await db.dataSource.query("SELECT password_hash FROM accounts WHERE username = 'admin'");
      expect(await verifyPassword(hash, password)).toBe(true);
      const [{ n }] = await db.dataSource.query("SELECT count(*)::int AS n FROM cases WHERE status = 'SUBMITTED'");
      expect(n).toBe(4);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
