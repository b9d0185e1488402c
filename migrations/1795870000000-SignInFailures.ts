import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failures in PostgreSQL (issue 10 item 6), so that every replica counts the same attempts:
 * one row per username and client address, counted before the password is checked and gone when the
 * pair succeeds or its time runs out. No `district_code`: an attempt names a username before any
 * district is known (and may name none that exists), so the table is a reference table.
 */
export class SignInFailures1795870000000 implements MigrationInterface {
  name = 'SignInFailures1795870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_failures" (
      "username" character varying(64) NOT NULL,
      "address" character varying(64) NOT NULL,
      "failures" integer NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_sign_in_failures" PRIMARY KEY ("username", "address"))`);
    // The per-address sum and the cleanup of expired rows each read by their own column.
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failures_address" ON "sign_in_failures" ("address")`);
    await queryRunner.query(`CREATE INDEX "IDX_sign_in_failures_expires_at" ON "sign_in_failures" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_failures"`);
  }
}
