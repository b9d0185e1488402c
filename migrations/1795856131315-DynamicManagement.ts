import { MigrationInterface, QueryRunner } from 'typeorm';

export class DynamicManagement1795856131315 implements MigrationInterface {
  name = 'DynamicManagement1795856131315';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "enrolment_reviews" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "enrolment_id" uuid NOT NULL, "review_class" character varying(1) NOT NULL, "due_on" date NOT NULL, "outcome" character varying(16) NOT NULL, "amount_before" numeric(12,2) NOT NULL, "amount" numeric(12,2), "reasons" text NOT NULL, "verification_reference" character varying(200), "effective_month" date, "notice_starts_at" TIMESTAMP WITH TIME ZONE, "notice_ends_at" TIMESTAMP WITH TIME ZONE, "next_review_on" date NOT NULL, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5b352790f55add2148a30898676" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_edeecf3c6e2bca286e56b5c3e9" ON "enrolment_reviews"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_af931a09d3a84153e184e30dbd" ON "enrolment_reviews"  ("district_code", "enrolment_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "change_reports" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "enrolment_id" uuid NOT NULL, "reported_on" date NOT NULL, "content" text NOT NULL, "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_49b8111e6d904c7c559a16a31ed" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5080407ed429c45e5e4407eaff" ON "change_reports"  ("district_code", "enrolment_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "enrolment_changes" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "enrolment_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "amount" numeric(12,2) NOT NULL, "status" character varying(12) NOT NULL, "effective_month" date NOT NULL, "reason" text NOT NULL, "recorded_by_id" uuid, "review_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_56ec21dda9958e8d7155cedc16b" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_39d9654a6dc824dbc9362211c1" ON "enrolment_changes"  ("district_code", "township_code", "effective_month") `);
    await queryRunner.query(`CREATE INDEX "IDX_3e47af8ba2be7bfed568f1c66b" ON "enrolment_changes"  ("district_code", "enrolment_id", "effective_month") `);
    await queryRunner.query(`ALTER TABLE "enrolment_reviews" ADD CONSTRAINT "FK_cc10c8b61ccd7de0f2e95ba4395" FOREIGN KEY ("district_code", "enrolment_id") REFERENCES "enrolments"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "change_reports" ADD CONSTRAINT "FK_adf120adb05a829187641eefb40" FOREIGN KEY ("district_code", "enrolment_id") REFERENCES "enrolments"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolment_changes" ADD CONSTRAINT "FK_3a5e51f217c8e374a5fee001d27" FOREIGN KEY ("district_code", "enrolment_id") REFERENCES "enrolments"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolment_changes" ADD CONSTRAINT "FK_4ffcbdfb3400c57bac0447c7128" FOREIGN KEY ("district_code", "review_id") REFERENCES "enrolment_reviews"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Reviews, change reports and an enrolment's history are only ever added (D§9): a later record supersedes, none is edited.
    for (const table of ['enrolment_reviews', 'change_reports', 'enrolment_changes']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
    }
    // Enrolments made before the history was kept start it with their approval, and, if ended since, with their ending from next month.
    await queryRunner.query(`INSERT INTO enrolment_changes (district_code, township_code, village_code, enrolment_id, kind, amount, status, effective_month, reason, recorded_by_id, created_at)
      SELECT e.district_code, e.township_code, e.village_code, e.id, 'ENROLLED', e.monthly_amount, 'ACTIVE', e.start_month,
             '经审核确认纳入 (enrolled by the approval of its case)', c.decided_by_id, e.created_at
      FROM enrolments e JOIN cases c ON c.district_code = e.district_code AND c.id = e.case_id`);
    await queryRunner.query(`INSERT INTO enrolment_changes (district_code, township_code, village_code, enrolment_id, kind, amount, status, effective_month, reason, recorded_by_id)
      SELECT e.district_code, e.township_code, e.village_code, e.id, 'ENDED', 0, 'ENDED',
             GREATEST(e.start_month, (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 month')::date),
             '变动记录建立前已停止 (ended before the history was kept)', NULL
      FROM enrolments e WHERE e.status = 'ENDED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['enrolment_changes', 'change_reports', 'enrolment_reviews']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "enrolment_changes" DROP CONSTRAINT "FK_4ffcbdfb3400c57bac0447c7128"`);
    await queryRunner.query(`ALTER TABLE "enrolment_changes" DROP CONSTRAINT "FK_3a5e51f217c8e374a5fee001d27"`);
    await queryRunner.query(`ALTER TABLE "change_reports" DROP CONSTRAINT "FK_adf120adb05a829187641eefb40"`);
    await queryRunner.query(`ALTER TABLE "enrolment_reviews" DROP CONSTRAINT "FK_cc10c8b61ccd7de0f2e95ba4395"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e47af8ba2be7bfed568f1c66b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_39d9654a6dc824dbc9362211c1"`);
    await queryRunner.query(`DROP TABLE "enrolment_changes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5080407ed429c45e5e4407eaff"`);
    await queryRunner.query(`DROP TABLE "change_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_af931a09d3a84153e184e30dbd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_edeecf3c6e2bca286e56b5c3e9"`);
    await queryRunner.query(`DROP TABLE "enrolment_reviews"`);
  }
}
