import { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialsVersion1795821905058 implements MigrationInterface {
  name = 'CredentialsVersion1795821905058';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "credentials_version" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "credentials_version"`);
  }
}
