/**
 * How the schema distributes over Citus (D§1): every tenant table by `district_code`, and the small
 * shared tables as reference tables copied to every worker. The rules are read from the database's
 * own catalog, so a migration that breaks one is caught by a test, and `npm run citus:ddl` prints the
 * statements a province would run, derived from the same reading.
 */

/** The distribution column of every tenant table. */
export const DISTRIBUTION_COLUMN = 'district_code';

/**
 * Tables copied whole to every worker, each with why: they are small, read by every district's
 * requests, or keyed by something other than the district (an account signs in by username before
 * its district is known).
 */
export const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  regions: 'the region tree, read by every scope check and every join to a place name',
  accounts: 'sign-in looks an account up by username before its district is known',
  api_keys: 'an integration key is looked up by its prefix before its district is known',
  district_settings: 'one row per district, read on most requests; joining it stays local on every worker',
  district_holidays: 'a few dozen days per district, read by every deadline computed on any worker',
  sign_in_failures: 'a sign-in attempt is counted by username and address before any district is known; rows expire within minutes',
};

/** Tables that belong to the tooling, not to the application's data. */
const TOOLING_TABLES = new Set(['migrations', 'typeorm_metadata']);

export interface CatalogTable {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Unique constraints and unique indexes, each as its column list (an expression counts as none). */
  uniques: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; references: string; referencedColumns: string[] }[];
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Reads the tables of the public schema from the catalog. */
export async function readCatalog(query: Query): Promise<CatalogTable[]> {
  const tables = await query(`
    SELECT c.relname AS name,
           array(SELECT a.attname::text FROM pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`);
  const constraints = await query(`
    SELECT c.relname AS table, con.conname AS name, con.contype AS type, f.relname AS references,
           array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
           array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS referenced
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      LEFT JOIN pg_class f ON f.oid = con.confrelid
     WHERE c.relnamespace = 'public'::regnamespace AND con.contype IN ('p', 'u', 'f')
     ORDER BY c.relname, con.conname`);
  const uniqueIndexes = await query(`
    SELECT c.relname AS table, i.relname AS name,
           array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns
      FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
     WHERE c.relnamespace = 'public'::regnamespace AND x.indisunique AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)`);
  return tables.map((t) => {
    const own = constraints.filter((c) => c.table === t.name);
    return {
      name: t.name as string,
      columns: t.columns as string[],
      primaryKey: (own.find((c) => c.type === 'p')?.columns as string[] | undefined) ?? [],
      uniques: [
        ...own.filter((c) => c.type === 'u').map((c) => ({ name: c.name as string, columns: c.columns as string[] })),
        ...uniqueIndexes.filter((u) => u.table === t.name).map((u) => ({ name: u.name as string, columns: u.columns as string[] })),
      ],
      foreignKeys: own
        .filter((c) => c.type === 'f')
        .map((c) => ({
          name: c.name as string,
          columns: c.columns as string[],
          references: c.references as string,
          referencedColumns: c.referenced as string[],
        })),
    };
  });
}

export type TableKind = 'distributed' | 'reference';

export interface Distribution {
  kinds: Map<string, TableKind>;
  /** Every rule a table breaks, one sentence each, naming the table and the key. */
  problems: string[];
}

/**
 * Classifies every application table and lists what Citus would refuse: a tenant table is one with a
 * `district_code` column that is not a reference table; its primary key, unique keys and foreign keys
 * to other tenant tables must carry `district_code` (the foreign key pairing it with the referenced
 * table's own `district_code`), and no reference table may point at a tenant table.
 */
export function checkDistribution(catalog: readonly CatalogTable[]): Distribution {
  const kinds = new Map<string, TableKind>();
  const problems: string[] = [];
  const application = catalog.filter((t) => !TOOLING_TABLES.has(t.name));
  for (const table of application) {
    if (REFERENCE_TABLES[table.name]) kinds.set(table.name, 'reference');
    else if (table.columns.includes(DISTRIBUTION_COLUMN)) kinds.set(table.name, 'distributed');
    else problems.push(`${table.name}: has no ${DISTRIBUTION_COLUMN} and is not listed as a reference table`);
  }
  for (const name of Object.keys(REFERENCE_TABLES)) {
    if (!application.some((t) => t.name === name)) problems.push(`${name}: listed as a reference table but not in the database`);
  }
  for (const table of application) {
    const kind = kinds.get(table.name);
    if (kind === 'distributed') {
      if (!table.primaryKey.includes(DISTRIBUTION_COLUMN)) {
        problems.push(`${table.name}: primary key (${table.primaryKey.join(', ')}) lacks ${DISTRIBUTION_COLUMN}`);
      }
      for (const unique of table.uniques) {
        if (!unique.columns.includes(DISTRIBUTION_COLUMN)) {
          problems.push(`${table.name}: unique key ${unique.name} (${unique.columns.join(', ')}) lacks ${DISTRIBUTION_COLUMN}`);
        }
      }
    }
    for (const fk of table.foreignKeys) {
      const target = kinds.get(fk.references);
      if (target !== 'distributed') continue;
      if (kind === 'reference') {
        problems.push(`${table.name}: reference table points at tenant table ${fk.references} (${fk.name})`);
        continue;
      }
      const at = fk.columns.indexOf(DISTRIBUTION_COLUMN);
      if (at < 0 || fk.referencedColumns[at] !== DISTRIBUTION_COLUMN) {
        problems.push(
          `${table.name}: foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.references} does not pair ${DISTRIBUTION_COLUMN} with ${DISTRIBUTION_COLUMN}`,
        );
      }
    }
  }
  return { kinds, problems };
}

/**
 * The statements that turn a migrated database into a distributed one: reference tables first, then
 * tenant tables with every table a foreign key points at before the table that points, all co-located
 * on `district_code` so that a join between them stays on one worker.
 */
export function citusDdl(catalog: readonly CatalogTable[]): string[] {
  const { kinds, problems } = checkDistribution(catalog);
  if (problems.length) throw new Error(`The schema cannot be distributed:\n${problems.join('\n')}`);
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return;
    for (const fk of byName.get(name)!.foreignKeys) {
      if (fk.references !== name && kinds.get(fk.references) === kinds.get(name)) visit(fk.references, [...path, name]);
    }
    ordered.push(name);
  };
  const names = [...kinds.keys()].sort();
  for (const name of names.filter((n) => kinds.get(n) === 'reference')) visit(name, []);
  for (const name of names.filter((n) => kinds.get(n) === 'distributed')) visit(name, []);
  let first: string | undefined;
  return ordered.map((name) => {
    if (kinds.get(name) === 'reference') return `SELECT create_reference_table('${name}');`;
    const colocate = first ? `, colocate_with => '${first}'` : '';
    first ??= name;
    return `SELECT create_distributed_table('${name}', '${DISTRIBUTION_COLUMN}'${colocate});`;
  });
}
