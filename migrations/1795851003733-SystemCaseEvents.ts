import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case event may be a system act with no account behind it: flagging the cases of a declared
 * relative is the system's, not the declarer's (P6.3). */
export class SystemCaseEvents1795851003733 implements MigrationInterface {
  name = 'SystemCaseEvents1795851003733';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" ALTER COLUMN "actor_id" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_events" ALTER COLUMN "actor_id" SET NOT NULL`);
  }
}
