import { MigrationInterface, QueryRunner } from 'typeorm';

/** Kept here rather than imported: a migration stays what it was when it ran (src/db/app-role.ts names the same role). */
const APP_ROLE = 'assistance_app';

/** Tables whose rows are never changed once written: the ones the append-only trigger guards. */
const APPEND_ONLY_TABLES = `SELECT DISTINCT c.relname AS name FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
  WHERE p.proname = 'refuse_change_to_append_only' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`;

export class LeastPrivilege1796418300000 implements MigrationInterface {
  name = 'LeastPrivilege1796418300000';

  /**
   * The application's privileges, held by the role the API connects as (issue #10 item 5): the owner
   * (who runs the migrations) could disable the append-only triggers; this role owns nothing, so it
   * can neither alter a table nor disable a trigger. It reads and writes ordinary tables, only reads
   * and inserts append-only ones, and has nothing on the migrations' own table. Tables a later
   * migration creates get the four privileges by default; one that is append-only revokes UPDATE and
   * DELETE itself (test/least-privilege.test.ts checks every table). The role belongs to the whole
   * cluster, so servers migrating other databases may create it at the same moment: the loser's
   * duplicate is ignored.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    // Before PostgreSQL 15 every role may create tables in public, and would own what it created.
    await queryRunner.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON "migrations" FROM ${APP_ROLE}`);
    const appendOnly = (await queryRunner.query(APPEND_ONLY_TABLES)) as { name: string }[];
    for (const { name } of appendOnly) await queryRunner.query(`REVOKE UPDATE, DELETE ON "${name}" FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${APP_ROLE}`);
  }

  /** The role stays: other databases of the cluster may use it. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
  }
}
