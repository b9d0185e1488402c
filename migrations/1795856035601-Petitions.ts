import { MigrationInterface, QueryRunner } from 'typeorm';

export class Petitions1795856035601 implements MigrationInterface {
  name = 'Petitions1795856035601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "petitions" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12), "kind" character varying(12) NOT NULL, "channel" character varying(12) NOT NULL, "status" character varying(16) NOT NULL, "case_id" uuid, "cites_notice" boolean NOT NULL DEFAULT false, "title" character varying(200) NOT NULL, "content" text NOT NULL, "resident_name" character varying(50), "resident_contact" character varying(100), "reference_hash" character varying(64) NOT NULL, "client_address_hash" character varying(64), "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assignee_id" uuid, "findings" text, "answer" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_id" uuid, "shared_with_township" boolean NOT NULL DEFAULT false, "created_by_id" uuid, CONSTRAINT "CK_petitions_public_has_address" CHECK ((channel = 'PUBLIC') = (client_address_hash IS NOT NULL)), CONSTRAINT "CK_petitions_appeal_names_case" CHECK (kind <> 'APPEAL' OR case_id IS NOT NULL), CONSTRAINT "PK_c5a60ae0b9e46cb0eb41472b539" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_14507a10311a9867fe0763a12e" ON "petitions"  ("client_address_hash", "received_at") WHERE client_address_hash IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c8d6d0c53b0efe0ac60bee533a" ON "petitions"  ("district_code", "reference_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_2f2e2725fa22bdf64d5160e21c" ON "petitions"  ("district_code", "status", "answer_due_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b4758c05b07924ae5586a0f2c4" ON "petitions"  ("district_code", "received_at", "id") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "complained_about" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "petitions" ADD CONSTRAINT "FK_cbb9c3d7a72d8471c86d7a40024" FOREIGN KEY ("district_code", "case_id") REFERENCES "cases"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "petitions" DROP CONSTRAINT "FK_cbb9c3d7a72d8471c86d7a40024"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "complained_about"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b4758c05b07924ae5586a0f2c4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2f2e2725fa22bdf64d5160e21c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c8d6d0c53b0efe0ac60bee533a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14507a10311a9867fe0763a12e"`);
    await queryRunner.query(`DROP TABLE "petitions"`);
  }
}
