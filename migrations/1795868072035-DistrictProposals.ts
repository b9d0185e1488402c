import { MigrationInterface, QueryRunner } from 'typeorm';

/** The province tier (issue #15): proposals to create a district and their decisions, keyed by the
 * province's own code like every tenant row; and the province code of every place. */
export class DistrictProposals1795868072035 implements MigrationInterface {
  name = 'DistrictProposals1795868072035';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "district_proposals" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "province_code" character varying(2) NOT NULL, "region_code" character varying(12) NOT NULL, "name" character varying(100) NOT NULL, "population" integer NOT NULL, "admin_username" character varying(64) NOT NULL, "admin_display_name" character varying(100) NOT NULL, "activation_code_hash" character varying(64) NOT NULL, "settings" jsonb NOT NULL, "proposed_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2118aa2eac1f1bca64f7ed33483" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b3fc611bbe51ce4ebd8ce78592" ON "district_proposals"  ("district_code", "province_code") `);
    await queryRunner.query(`CREATE TABLE "district_proposal_decisions" ("district_code" character varying(12) NOT NULL, "proposal_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "by_id" uuid NOT NULL, "reason" character varying(500), "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1795ef2020b2d004a51cb5bc6f3" PRIMARY KEY ("district_code", "proposal_id"))`);
    // The province tier's scope (D§1): the first two digits of every code already registered.
    await queryRunner.query(`ALTER TABLE "regions" ADD "province_code" character varying(2)`);
    await queryRunner.query(`UPDATE "regions" SET "province_code" = substr("code", 1, 2)`);
    await queryRunner.query(`ALTER TABLE "regions" ALTER COLUMN "province_code" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "district_proposals" ADD CONSTRAINT "FK_7baba5608b77f4f56db73b4e39d" FOREIGN KEY ("proposed_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "district_proposal_decisions" ADD CONSTRAINT "FK_1795ef2020b2d004a51cb5bc6f3" FOREIGN KEY ("district_code", "proposal_id") REFERENCES "district_proposals"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "district_proposal_decisions" ADD CONSTRAINT "FK_122610be09713a01a3e496fc3f6" FOREIGN KEY ("by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_proposal_decisions" DROP CONSTRAINT "FK_122610be09713a01a3e496fc3f6"`);
    await queryRunner.query(`ALTER TABLE "district_proposal_decisions" DROP CONSTRAINT "FK_1795ef2020b2d004a51cb5bc6f3"`);
    await queryRunner.query(`ALTER TABLE "district_proposals" DROP CONSTRAINT "FK_7baba5608b77f4f56db73b4e39d"`);
    await queryRunner.query(`ALTER TABLE "regions" DROP COLUMN "province_code"`);
    await queryRunner.query(`DROP TABLE "district_proposal_decisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3fc611bbe51ce4ebd8ce78592"`);
    await queryRunner.query(`DROP TABLE "district_proposals"`);
  }
}
