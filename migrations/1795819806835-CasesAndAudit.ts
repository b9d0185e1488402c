import { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndAudit1795819806835 implements MigrationInterface {
  name = 'CasesAndAudit1795819806835';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "households" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "residence" character varying(8) NOT NULL, "head_name" character varying(50) NOT NULL, "member_count" integer NOT NULL DEFAULT '0', "has_member_able_to_work" boolean NOT NULL DEFAULT false, "address" character varying(200) NOT NULL, "phone" character varying(20), "bank_name" character varying(50), "bank_account" character varying(32), "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_82dbcc91bca348c5c309ae71ea4" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d1a7b15db2db527abcadabca8f" ON "households"  ("district_code", "township_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5e3d17a594549131f5565a310" ON "households"  ("district_code", "village_code") `);
    await queryRunner.query(`CREATE TABLE "persons" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "name" character varying(50) NOT NULL, "id_number" character varying(18) NOT NULL, "relation" character varying(12) NOT NULL, "labour_capacity" character varying(8) NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "disability_detail" character varying(200), "health_detail" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac5db53a52155e210103ce825b5" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_77548f4d2b7b735f4f81de7289" ON "persons"  ("district_code", "id_number") `);
    await queryRunner.query(`CREATE INDEX "IDX_43c2f96dbd5ab3d5f76071f5bf" ON "persons"  ("district_code", "household_id") `);
    await queryRunner.query(`CREATE TABLE "cases" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "programme" character varying(8) NOT NULL, "status" character varying(24) NOT NULL, "channel" character varying(24) NOT NULL, "applicant_name" character varying(50) NOT NULL, "kin_registered" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb22bc10efadefd7bc1166794fb" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4a71fd2e109b8f3f8904a4f72b" ON "cases"  ("district_code", "household_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fcbdac59f01ec5ffdf2eede6d" ON "cases"  ("district_code", "township_code", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_0122e090138b60f538060e5a88" ON "cases"  ("district_code", "village_code", "status") `);
    await queryRunner.query(`CREATE TABLE "case_events" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "from_status" character varying(24), "to_status" character varying(24) NOT NULL, "action" character varying(40) NOT NULL, "actor_id" uuid NOT NULL, "actor_username" character varying(64) NOT NULL, "note" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3b318dded6822d4b0a364f97d65" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e8dc2a03460a357bcad35251bc" ON "case_events"  ("district_code", "case_id", "at") `);
    await queryRunner.query(`CREATE TABLE "audit_log" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(24) NOT NULL, "actor_id" uuid, "actor_username" character varying(64), "action" character varying(40) NOT NULL, "subject_type" character varying(40) NOT NULL, "subject_id" character varying(64), "field" character varying(40), "township_code" character varying(12), "village_code" character varying(12), "reason" text, "details" jsonb, "request_id" character varying(100), CONSTRAINT "PK_9d190c9e4612406b6e898754f2a" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6419a03d5d850bf440dccc5680" ON "audit_log"  ("district_code", "subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd4bab6b7005710898c7ec85bb" ON "audit_log"  ("district_code", "at") `);
    // History and audit are append-only (D§12): the database itself refuses edits and deletions.
    await queryRunner.query(`CREATE FUNCTION refuse_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['audit_log', 'case_events']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
    }
    await queryRunner.query(`ALTER TABLE "persons" ADD CONSTRAINT "FK_43c2f96dbd5ab3d5f76071f5bfc" FOREIGN KEY ("district_code", "household_id") REFERENCES "households"("district_code","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cases" ADD CONSTRAINT "FK_4a71fd2e109b8f3f8904a4f72bc" FOREIGN KEY ("district_code", "household_id") REFERENCES "households"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_events" ADD CONSTRAINT "FK_cfaf78802269278ea2e747ab189" FOREIGN KEY ("district_code", "case_id") REFERENCES "cases"("district_code","id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'case_events']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_change_to_append_only()`);
    await queryRunner.query(`ALTER TABLE "case_events" DROP CONSTRAINT "FK_cfaf78802269278ea2e747ab189"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_4a71fd2e109b8f3f8904a4f72bc"`);
    await queryRunner.query(`ALTER TABLE "persons" DROP CONSTRAINT "FK_43c2f96dbd5ab3d5f76071f5bfc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd4bab6b7005710898c7ec85bb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6419a03d5d850bf440dccc5680"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8dc2a03460a357bcad35251bc"`);
    await queryRunner.query(`DROP TABLE "case_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0122e090138b60f538060e5a88"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5fcbdac59f01ec5ffdf2eede6d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a71fd2e109b8f3f8904a4f72b"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_43c2f96dbd5ab3d5f76071f5bf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77548f4d2b7b735f4f81de7289"`);
    await queryRunner.query(`DROP TABLE "persons"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e3d17a594549131f5565a310"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1a7b15db2db527abcadabca8f"`);
    await queryRunner.query(`DROP TABLE "households"`);
  }
}
