import { MigrationInterface, QueryRunner } from 'typeorm';

/** A kin declaration is withdrawn by a record on it, never deleted (P6.3). */
export class KinWithdrawal1795851100198 implements MigrationInterface {
  name = 'KinWithdrawal1795851100198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kin_declarations" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kin_declarations" DROP COLUMN "withdrawn_at"`);
  }
}
