import { MigrationInterface, QueryRunner } from 'typeorm';

export class Oversight1795821777080 implements MigrationInterface {
  name = 'Oversight1795821777080';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_findings" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12), "subject_id" character varying(64), "severity" character varying(16) NOT NULL, "title" character varying(200) NOT NULL, "body" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f90f01d27dd685be59b2a972f1c" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_95f274149edb0622ced12b870c" ON "audit_findings"  ("district_code", "created_at") `);
    await queryRunner.query(`CREATE TABLE "development_links" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "measure" character varying(200) NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce3b8c5f50c02fb492eecb83895" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e26c348e32886b59d9f1e81a88" ON "development_links"  ("district_code", "enrolment_id") `);
    await queryRunner.query(`ALTER TABLE "development_links" ADD CONSTRAINT "FK_e26c348e32886b59d9f1e81a88b" FOREIGN KEY ("district_code", "enrolment_id") REFERENCES "enrolments"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "development_links" DROP CONSTRAINT "FK_e26c348e32886b59d9f1e81a88b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e26c348e32886b59d9f1e81a88"`);
    await queryRunner.query(`DROP TABLE "development_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_95f274149edb0622ced12b870c"`);
    await queryRunner.query(`DROP TABLE "audit_findings"`);
  }
}
