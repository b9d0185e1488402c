import { MigrationInterface, QueryRunner } from 'typeorm';

/** Changes of a care institution's payment account, proposed by one account and confirmed by another
 * (D§10, issue 10 item 7), as bank_account_changes are for households; the partial unique index keeps
 * at most one waiting per institution. */
export class InstitutionAccountChanges1796610000000 implements MigrationInterface {
  name = 'InstitutionAccountChanges1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "institution_account_changes" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "previous_bank_name" character varying(50), "previous_bank_account" character varying(32), "bank_name" character varying(50), "bank_account" character varying(32) NOT NULL, "status" character varying(10) NOT NULL, "reason" text NOT NULL, "proposed_by_id" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, "institution_payee_id" uuid NOT NULL, CONSTRAINT "PK_936e7e852de5833f0dea78124d6" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2a1044fb97c0e8b580dd6e3426" ON "institution_account_changes"  ("district_code", "proposed_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0c973927541063216ff3a565a2" ON "institution_account_changes"  ("district_code", "institution_payee_id") WHERE status = 'PROPOSED'`);
    await queryRunner.query(`ALTER TABLE "institution_account_changes" ADD CONSTRAINT "FK_d4f0e5214fd01fd97a9afebd173" FOREIGN KEY ("district_code", "institution_payee_id") REFERENCES "institution_payees"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "institution_account_changes" DROP CONSTRAINT "FK_d4f0e5214fd01fd97a9afebd173"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0c973927541063216ff3a565a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2a1044fb97c0e8b580dd6e3426"`);
    await queryRunner.query(`DROP TABLE "institution_account_changes"`);
  }
}
