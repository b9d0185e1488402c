import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkPlans1795856224706 implements MigrationInterface {
  name = 'WorkPlans1795856224706';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "work_plans" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "kind" character varying(16) NOT NULL, "year" integer NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "document_date" date NOT NULL, "status" character varying(12) NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE, "return_reasons" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b6691852efaa14282c106d17100" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_02fd80a2a1a50bc0c4d9fa2c73" ON "work_plans"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_66d52a415b8fec7f612379815d" ON "work_plans"  ("district_code", "township_code", "kind", "status") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_66d52a415b8fec7f612379815d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02fd80a2a1a50bc0c4d9fa2c73"`);
    await queryRunner.query(`DROP TABLE "work_plans"`);
  }
}
