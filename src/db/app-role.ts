import type { DataSource } from 'typeorm';

/**
 * The role that holds the application's privileges (granted by the migration `LeastPrivilege`): it owns
 * nothing, may read and write ordinary tables, only read and insert append-only ones, and cannot alter
 * a table nor disable its triggers. The API's pool connects as this role, or as a LOGIN role that is a
 * member of it (`APP_DATABASE_URL`); migrations and the seed run as the owner (`DATABASE_URL`).
 */
export const APP_ROLE = 'assistance_app';

/** What `pg`'s Client and a TypeORM DataSource both offer. */
interface Queryable {
  query(sql: string): Promise<unknown>;
}

const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

const ATTEMPTS = 10;

/**
 * Makes `APP_ROLE` a LOGIN role with this password, creating it when absent. Roles belong to the whole
 * cluster, so servers (or test files) migrating other databases of it may do the same at the same time:
 * a concurrent CREATE ROLE fails with duplicate_object or unique_violation and a concurrent ALTER ROLE
 * with "tuple concurrently updated"; each is retried after a random pause, so that the racers part.
 */
export async function ensureAppLoginRole(owner: Queryable, password: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      await owner.query(
        `ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quoteLiteral(password)}`,
      );
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * attempt));
    }
  }
}

/** `url` with another user and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export interface AppRoleCheck {
  user: string;
  /** Why this connection is not least-privileged, when it is not. */
  problems: string[];
}

/** Whether the pool's role is what the application should run as: no superuser, owner of no table,
 * a member of `APP_ROLE`. One statement, at start. */
export async function checkAppRole(dataSource: DataSource): Promise<AppRoleCheck> {
  const [row] = await dataSource.query<{ user: string; superuser: boolean; owns: string | null; member: boolean }[]>(
    `SELECT current_user AS "user",
            (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS superuser,
            (SELECT min(relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND pg_has_role(relowner, 'USAGE')) AS owns,
            CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1::name) THEN pg_has_role($1::name, 'USAGE') ELSE false END AS member`,
    [APP_ROLE],
  );
  const problems: string[] = [];
  if (row.superuser) problems.push('is a superuser (or bypasses row-level security)');
  if (row.owns) problems.push(`owns "${row.owns}"`);
  if (!row.member) problems.push(`is not a member of ${APP_ROLE}`);
  return { user: row.user, problems };
}
