import { MigrationInterface, QueryRunner } from 'typeorm';

/** Changes of an enrolled payee's bank account, proposed by one account and confirmed by another
 * (D§10, issue 10 item 7); the partial unique index keeps at most one waiting per household. */
export class BankAccountChanges1795868844093 implements MigrationInterface {
  name = 'BankAccountChanges1795868844093';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bank_account_changes" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "household_id" uuid NOT NULL, "previous_bank_name" character varying(50), "previous_bank_account" character varying(32), "bank_name" character varying(50), "bank_account" character varying(32) NOT NULL, "status" character varying(10) NOT NULL, "reason" text NOT NULL, "proposed_by_id" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, CONSTRAINT "PK_972be1665c26b4366021c270261" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_416b1b58e7567a04445762b619" ON "bank_account_changes"  ("district_code", "household_id") WHERE status = 'PROPOSED'`);
    await queryRunner.query(`ALTER TABLE "bank_account_changes" ADD CONSTRAINT "FK_262d286fb623a597cf82964c644" FOREIGN KEY ("district_code", "household_id") REFERENCES "households"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bank_account_changes" DROP CONSTRAINT "FK_262d286fb623a597cf82964c644"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_416b1b58e7567a04445762b619"`);
    await queryRunner.query(`DROP TABLE "bank_account_changes"`);
  }
}
