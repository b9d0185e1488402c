import { MigrationInterface, QueryRunner } from 'typeorm';

export class HouseholdAssets1795822098287 implements MigrationInterface {
  name = 'HouseholdAssets1795822098287';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "income_accountings" ADD "assets" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "income_accountings" DROP COLUMN "assets"`);
  }
}
