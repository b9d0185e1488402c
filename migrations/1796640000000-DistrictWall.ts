import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table of the schema that holds rows of a district. */
const TENANT_TABLES = `SELECT c.relname AS name FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND a.attname = 'district_code' AND NOT a.attisdropped
  ORDER BY 1`;

/** The district range the connection's work may reach (src/db/district-wall.ts sets it). */
const WITHIN_THE_WALL = `district_code >= current_setting('app.district_low', true) AND district_code <= current_setting('app.district_high', true)`;

export class DistrictWall1796640000000 implements MigrationInterface {
  name = 'DistrictWall1796640000000';

  /**
   * Row-level security by district on every tenant table (issue #10 item 5): a role other than the
   * owner sees, inserts, changes and deletes only rows whose district lies in its connection's range,
   * so a query that forgot the policy's filter reaches nothing of another district. Unset, the range
   * is empty. The owner (migrations, the seed) is not bound. A table a later migration creates
   * enables the same policy itself (test/district-wall.test.ts checks every table).
   *
   * `account_roles` is a view: it reads its tables with the rights of whoever asks (PostgreSQL 15 and
   * later), not its owner's, which would see every district.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    const tables = (await queryRunner.query(TENANT_TABLES)) as { name: string }[];
    for (const { name } of tables) {
      await queryRunner.query(`ALTER TABLE "${name}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY district_wall ON "${name}" USING (${WITHIN_THE_WALL}) WITH CHECK (${WITHIN_THE_WALL})`);
    }
    await queryRunner.query(`DO $$ BEGIN
      IF current_setting('server_version_num')::int >= 150000 THEN ALTER VIEW account_roles SET (security_invoker = true); END IF;
    END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
      IF current_setting('server_version_num')::int >= 150000 THEN ALTER VIEW account_roles RESET (security_invoker); END IF;
    END $$`);
    const tables = (await queryRunner.query(TENANT_TABLES)) as { name: string }[];
    for (const { name } of tables) {
      await queryRunner.query(`DROP POLICY IF EXISTS district_wall ON "${name}"`);
      await queryRunner.query(`ALTER TABLE "${name}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
