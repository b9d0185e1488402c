import { MigrationInterface, QueryRunner } from 'typeorm';

export class TekunEligibilityFindings1795856236718 implements MigrationInterface {
  name = 'TekunEligibilityFindings1795856236718';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "investigations" ADD "tekun_person_id" uuid`);
    await queryRunner.query(`ALTER TABLE "investigations" ADD "tekun_work_capacity" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "investigations" ADD "tekun_in_school" boolean`);
    await queryRunner.query(`ALTER TABLE "investigations" ADD "tekun_legal_supporters" character varying(8)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "investigations" DROP COLUMN "tekun_legal_supporters"`);
    await queryRunner.query(`ALTER TABLE "investigations" DROP COLUMN "tekun_in_school"`);
    await queryRunner.query(`ALTER TABLE "investigations" DROP COLUMN "tekun_work_capacity"`);
    await queryRunner.query(`ALTER TABLE "investigations" DROP COLUMN "tekun_person_id"`);
  }
}
