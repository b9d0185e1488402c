import { MigrationInterface, QueryRunner } from 'typeorm';

export class FundsPayeesSupplements1796438200000 implements MigrationInterface {
  name = 'FundsPayeesSupplements1796438200000';

  /** Care institutions as payees of centralised TEKUN (D§10), emergency payments as roster lines
   * counted but never sent to a bank (D§6), supplementary rosters beside a month's frozen one, and
   * several fund requests a month (one per compiled set of rosters). Columns are added to the
   * append-only roster_lines with a default, which no row trigger sees. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_22170dbdec9c517e640bb582ed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc4d9b13ae61b90d9425d3ddfc"`);
    await queryRunner.query(`CREATE TABLE "institution_payees" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "name" character varying(50) NOT NULL, "bank_name" character varying(50) NOT NULL, "bank_account" character varying(32) NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26d0ac1f26dbc6ace1c8d15c7e8" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cabad791184cf142fb2db184ce" ON "institution_payees"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_93c47c754aa1c75a2087eb3dd3" ON "institution_payees"  ("district_code", "township_code", "name") `);
    await queryRunner.query(`ALTER TABLE "rosters" ADD "supplements_id" uuid`);
    await queryRunner.query(`ALTER TABLE "rosters" ADD "reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "roster_lines" ADD "kind" character varying(16) NOT NULL DEFAULT 'PAYABLE'`);
    await queryRunner.query(`ALTER TABLE "roster_lines" ADD "institution_payee_id" uuid`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "institution_payee_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ec349f40a22c5c9d287a7bfc6b" ON "rosters"  ("district_code", "township_code", "month") WHERE supplements_id IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_7186470aed3f79d292bbda1531" ON "fund_requests"  ("district_code", "month") `);
    await queryRunner.query(`ALTER TABLE "roster_lines" ADD CONSTRAINT "FK_7226b6a759bca43c22c8aab74ab" FOREIGN KEY ("district_code", "institution_payee_id") REFERENCES "institution_payees"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD CONSTRAINT "FK_03230a4ec7c04316673131f7698" FOREIGN KEY ("district_code", "institution_payee_id") REFERENCES "institution_payees"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolments" DROP CONSTRAINT "FK_03230a4ec7c04316673131f7698"`);
    await queryRunner.query(`ALTER TABLE "roster_lines" DROP CONSTRAINT "FK_7226b6a759bca43c22c8aab74ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7186470aed3f79d292bbda1531"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ec349f40a22c5c9d287a7bfc6b"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "institution_payee_id"`);
    await queryRunner.query(`ALTER TABLE "roster_lines" DROP COLUMN "institution_payee_id"`);
    await queryRunner.query(`ALTER TABLE "roster_lines" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "rosters" DROP COLUMN "supplements_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93c47c754aa1c75a2087eb3dd3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cabad791184cf142fb2db184ce"`);
    await queryRunner.query(`DROP TABLE "institution_payees"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cc4d9b13ae61b90d9425d3ddfc" ON "fund_requests" USING btree ("district_code", "month") WHERE ((status)::text <> 'RETURNED'::text)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_22170dbdec9c517e640bb582ed" ON "rosters" USING btree ("district_code", "township_code", "month") `);
  }
}
