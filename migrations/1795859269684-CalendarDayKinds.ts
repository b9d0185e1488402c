import { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarDayKinds1795859269684 implements MigrationInterface {
  name = 'CalendarDayKinds1795859269684';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_holidays" ADD "kind" character varying(8) NOT NULL DEFAULT 'HOLIDAY'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_holidays" DROP COLUMN "kind"`);
  }
}
