/**
 * `npm run seed:scale -- --districts N [--factor F] [--first K]`: adds N districts of scale data
 * (`src/seed/scale-seed.ts`) to the database (embedded unless DATABASE_URL), after the migrations.
 * Progress on stderr: rows written, rows per second; the total time at the end.
 */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { hashPassword } from '../src/auth/passwords';
import { ESTIMATED_ROWS_PER_DISTRICT, seedScale } from '../src/seed/scale-seed';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

async function main() {
  const districts = option('districts', 1);
  const factor = option('factor', 1);
  const first = option('first', 1);
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config.logLevel), { application: false });
  const started = Date.now();
  const expected = Math.round(ESTIMATED_ROWS_PER_DISTRICT * factor * districts);
  let lastDrawn = 0;
  const draw = (rows: number, force = false) => {
    const now = Date.now();
    if (!force && now - lastDrawn < 250) return;
    lastDrawn = now;
    const seconds = (now - started) / 1000;
    const share = Math.min(1, rows / expected);
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    process.stderr.write(
      `\r[${bar}] ${rows.toLocaleString('en')} rows  ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s  ${seconds.toFixed(0)} s `,
    );
  };
  try {
    const found: { count: number }[] = await db.owner.query(
      `SELECT count(*)::int AS count FROM regions WHERE code LIKE '52%' AND level = 'DISTRICT' AND code::bigint BETWEEN $1 AND $2`,
      [Number(`52${String(9000 + first).slice(-4)}000000`), Number(`52${String(9000 + first + districts - 1).slice(-4)}000000`)],
    );
    if (found[0].count > 0) {
      console.log('These scale districts are seeded already; nothing added (use --first to add others).');
      return;
    }
    const passwordHash = await hashPassword(config.demoPassword);
    const result = await seedScale(db.owner, { districts, factor, firstDistrict: first, passwordHash, onRows: draw });
    draw(result.rows, true);
    process.stderr.write('\n');
    process.stderr.write('ANALYZE …\n');
    await db.owner.query('ANALYZE');
    for (const d of result.districts) {
      console.log(
        `${d.districtCode}: ${d.residents.toLocaleString('en')} residents; ${Object.entries(d.rows)
          .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
          .join(', ')}`,
      );
      console.log(`  sign in as ${[...new Set(Object.values(d.usernames).flat())].join(', ')} (password as for the demo)`);
    }
    console.log(`Seeded ${result.rows.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
