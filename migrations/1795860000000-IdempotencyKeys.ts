import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an integration's mutation answered under an idempotency key (issue 10 item 8): a retry after
 * a lost response finds the first answer here instead of writing again. Keys belong to the calling
 * account and expire (`IDEMPOTENCY_TTL_SECONDS`); `result_id` stays null while the first request runs.
 */
export class IdempotencyKeys1795860000000 implements MigrationInterface {
  name = 'IdempotencyKeys1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "idempotency_keys" (
      "district_code" character varying(12) NOT NULL,
      "account_id" uuid NOT NULL,
      "key" character varying(100) NOT NULL,
      "operation" character varying(64) NOT NULL,
      "input_hash" character(64) NOT NULL,
      "result_id" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("district_code", "account_id", "key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
