import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountActivation1795851114230 implements MigrationInterface {
  name = 'AccountActivation1795851114230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "activation_code_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "activation_expires_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "activation_expires_at"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "activation_code_hash"`);
  }
}
