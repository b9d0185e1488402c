import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpotChecksAndObjectionOutcomes1795846079979 implements MigrationInterface {
  name = 'SpotChecksAndObjectionOutcomes1795846079979';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "spot_checks" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" character varying(12) NOT NULL, "findings" text NOT NULL, CONSTRAINT "PK_ca6bdffa768d3cbb7d88fe30660" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e66c3b94c180fcb2f5e334bd2b" ON "spot_checks"  ("district_code", "case_id") `);
    await queryRunner.query(`ALTER TABLE "objections" ADD "resolution" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "objections" ADD "resolution_note" text`);
    await queryRunner.query(`ALTER TABLE "objections" ADD "resolved_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "spot_checks" ADD CONSTRAINT "FK_e66c3b94c180fcb2f5e334bd2bd" FOREIGN KEY ("district_code", "case_id") REFERENCES "cases"("district_code","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // A supervision record is kept as made (P4.3): a later check is a new row, never an edit.
    await queryRunner.query(`CREATE TRIGGER spot_checks_append_only BEFORE UPDATE OR DELETE ON "spot_checks" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
    await queryRunner.query(`CREATE TRIGGER spot_checks_no_truncate BEFORE TRUNCATE ON "spot_checks" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER spot_checks_no_truncate ON "spot_checks"`);
    await queryRunner.query(`DROP TRIGGER spot_checks_append_only ON "spot_checks"`);
    await queryRunner.query(`ALTER TABLE "spot_checks" DROP CONSTRAINT "FK_e66c3b94c180fcb2f5e334bd2bd"`);
    await queryRunner.query(`ALTER TABLE "objections" DROP COLUMN "resolved_by_id"`);
    await queryRunner.query(`ALTER TABLE "objections" DROP COLUMN "resolution_note"`);
    await queryRunner.query(`ALTER TABLE "objections" DROP COLUMN "resolution"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e66c3b94c180fcb2f5e334bd2b"`);
    await queryRunner.query(`DROP TABLE "spot_checks"`);
  }
}
