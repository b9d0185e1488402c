import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdoptedIncomeAccounting1796412700000 implements MigrationInterface {
  name = 'AdoptedIncomeAccounting1796412700000';

  /**
   * D§8: one authoritative income accounting per case. An accounting is adopted (by whom, when) or a
   * village draft; the case points at the adopted one its amount follows. Accountings recorded before
   * were each taken as they were recorded, the latest one setting the amount: they count as adopted
   * by whoever recorded them, and the latest becomes the case's.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "income_accountings" ADD "adopted_by_id" uuid, ADD "adopted_at" TIMESTAMP WITH TIME ZONE, ADD "draft_id" uuid`);
    await queryRunner.query(`UPDATE "income_accountings" SET "adopted_by_id" = "recorded_by_id", "adopted_at" = "recorded_at"`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "income_accounting_id" uuid`);
    await queryRunner.query(
      `UPDATE "cases" c SET "income_accounting_id" = (
         SELECT a."id" FROM "income_accountings" a WHERE a."district_code" = c."district_code" AND a."case_id" = c."id"
         ORDER BY a."recorded_at" DESC LIMIT 1)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "income_accounting_id"`);
    await queryRunner.query(`ALTER TABLE "income_accountings" DROP COLUMN "draft_id", DROP COLUMN "adopted_at", DROP COLUMN "adopted_by_id"`);
  }
}
