import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = ['roster_lines', 'fund_request_rosters', 'payments', 'payment_batches', 'payment_transfers', 'payment_results'];

export class Funds1795856254123 implements MigrationInterface {
  name = 'Funds1795856254123';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rosters" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "month" character varying(7) NOT NULL, "status" character varying(12) NOT NULL, "total" numeric(12,2) NOT NULL, "line_count" integer NOT NULL, "built_by_id" uuid NOT NULL, "submitted_by_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_afb84c87b4fcef3dd828ff28c39" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9cb38189732152d9439dd6b025" ON "rosters"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_22170dbdec9c517e640bb582ed" ON "rosters"  ("district_code", "township_code", "month") `);
    await queryRunner.query(`CREATE TABLE "roster_lines" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "roster_id" uuid NOT NULL, "enrolment_id" uuid, "case_id" uuid, "programme" character varying(8) NOT NULL, "payee_name" character varying(50) NOT NULL, "id_number" character varying(18) NOT NULL, "bank_name" character varying(50), "bank_account" character varying(32), "amount" numeric(12,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_roster_lines_one_payee" CHECK ((enrolment_id IS NULL) <> (case_id IS NULL)), CONSTRAINT "PK_72a7a907981c100600395bac656" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6c16ed392a60674ae050fee957" ON "roster_lines"  ("district_code", "roster_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "fund_requests" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "month" character varying(7) NOT NULL, "status" character varying(12) NOT NULL, "requested_total" numeric(12,2) NOT NULL, "allocated_amount" numeric(12,2), "return_reasons" text array NOT NULL DEFAULT '{}', "compiled_by_id" uuid NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_01a5f0d65bcb27adad37cbf9e93" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7ce65bb5da6e44424c2cf11a11" ON "fund_requests"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cc4d9b13ae61b90d9425d3ddfc" ON "fund_requests"  ("district_code", "month") WHERE status <> 'RETURNED'`);
    await queryRunner.query(`CREATE TABLE "fund_request_rosters" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "fund_request_id" uuid NOT NULL, "roster_id" uuid NOT NULL, "amount" numeric(12,2) NOT NULL, CONSTRAINT "PK_e5f80381f5a2205c842560dea0a" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f1a1e11ad25744433e9ee3fa42" ON "fund_request_rosters"  ("district_code", "roster_id") `);
    await queryRunner.query(`CREATE TABLE "payments" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "month" character varying(7) NOT NULL, "roster_line_id" uuid NOT NULL, "payee_key" uuid NOT NULL, "fund_request_id" uuid NOT NULL, "programme" character varying(8) NOT NULL, "payee_name" character varying(50) NOT NULL, "amount" numeric(12,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_744b3e0a556665910d4b8f830c8" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cccd3baeff7ad586100b6421fb" ON "payments"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_19382cb50319b47a4ab77f35cf" ON "payments"  ("district_code", "township_code", "month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8dcb6cbad8a6027a417acbab00" ON "payments"  ("district_code", "month", "payee_key") `);
    await queryRunner.query(`CREATE TABLE "payment_batches" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "month" character varying(7) NOT NULL, "kind" character varying(16) NOT NULL, "bank_integration_id" uuid NOT NULL, "transfer_count" integer NOT NULL, "total" numeric(12,2) NOT NULL, "file" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4f5aa47911f83752a6d2cdee55" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_be71b6488089530628e197fa48" ON "payment_batches"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d06e3f6c0e6c88d4f03254bd78" ON "payment_batches"  ("district_code", "bank_integration_id") `);
    await queryRunner.query(`CREATE TABLE "payment_transfers" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "batch_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "bank_name" character varying(50), "bank_account" character varying(32) NOT NULL, "amount" numeric(12,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9620b77c9060586e189aeab6b53" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e54a7d48ea0036df147bc53f6b" ON "payment_transfers"  ("district_code", "payment_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_030344d84cd8829c35e7252ab7" ON "payment_transfers"  ("district_code", "batch_id", "payment_id") `);
    await queryRunner.query(`CREATE TABLE "payment_results" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "transfer_id" uuid NOT NULL, "payment_id" uuid NOT NULL, "outcome" character varying(8) NOT NULL, "reason" character varying(200), "recorded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_payment_results_failure_has_reason" CHECK ((outcome = 'FAILED') = (reason IS NOT NULL)), CONSTRAINT "PK_b929ab62efd02b31b67816f1feb" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0935f7162d618183763c03d8a3" ON "payment_results"  ("district_code", "transfer_id") `);
    await queryRunner.query(`ALTER TABLE "roster_lines" ADD CONSTRAINT "FK_ef6fa8494b71c6f9d64b2f64e9b" FOREIGN KEY ("district_code", "roster_id") REFERENCES "rosters"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "fund_request_rosters" ADD CONSTRAINT "FK_458ab0be1dffcdd1718337ab80a" FOREIGN KEY ("district_code", "fund_request_id") REFERENCES "fund_requests"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "fund_request_rosters" ADD CONSTRAINT "FK_f1a1e11ad25744433e9ee3fa421" FOREIGN KEY ("district_code", "roster_id") REFERENCES "rosters"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_faa83875d1077f074822f4fa514" FOREIGN KEY ("district_code", "roster_line_id") REFERENCES "roster_lines"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payment_transfers" ADD CONSTRAINT "FK_e855556c56eb3ba4611f8c6ac49" FOREIGN KEY ("district_code", "batch_id") REFERENCES "payment_batches"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payment_transfers" ADD CONSTRAINT "FK_e54a7d48ea0036df147bc53f6b5" FOREIGN KEY ("district_code", "payment_id") REFERENCES "payments"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payment_results" ADD CONSTRAINT "FK_0935f7162d618183763c03d8a3c" FOREIGN KEY ("district_code", "transfer_id") REFERENCES "payment_transfers"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The books of the funds cycle are only ever added to (D§10): a roster's lines, a request's shares,
    // payments, batches, transfers and the bank's results.
    for (const table of APPEND_ONLY) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
    }
    // A roster is frozen once submitted: no change to it, no line added to it, and never deleted.
    await queryRunner.query(`CREATE FUNCTION refuse_change_to_submitted_roster() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'roster % is submitted and frozen', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER rosters_frozen_once_submitted BEFORE UPDATE OR DELETE ON "rosters" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_submitted_roster()`);
    // Checked once per statement over the rows it added: a roster's lines arrive in one INSERT of thousands.
    await queryRunner.query(`CREATE FUNCTION refuse_line_on_submitted_roster() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM added a JOIN rosters r ON r.district_code = a.district_code AND r.id = a.roster_id WHERE r.status <> 'DRAFT') THEN
          RAISE EXCEPTION 'a submitted roster is frozen' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER roster_lines_only_on_draft AFTER INSERT ON "roster_lines" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION refuse_line_on_submitted_roster()`,
    );
    // A fund request changes once, from SUBMITTED to APPROVED or RETURNED, and is never deleted.
    await queryRunner.query(`CREATE FUNCTION refuse_change_to_decided_fund_request() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'SUBMITTED' OR NEW.status NOT IN ('APPROVED', 'RETURNED') THEN
          RAISE EXCEPTION 'fund request % is decided', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER fund_requests_decided_once BEFORE UPDATE OR DELETE ON "fund_requests" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_decided_fund_request()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER fund_requests_decided_once ON "fund_requests"`);
    await queryRunner.query(`DROP FUNCTION refuse_change_to_decided_fund_request()`);
    await queryRunner.query(`DROP TRIGGER roster_lines_only_on_draft ON "roster_lines"`);
    await queryRunner.query(`DROP FUNCTION refuse_line_on_submitted_roster()`);
    await queryRunner.query(`DROP TRIGGER rosters_frozen_once_submitted ON "rosters"`);
    await queryRunner.query(`DROP FUNCTION refuse_change_to_submitted_roster()`);
    for (const table of APPEND_ONLY) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "payment_results" DROP CONSTRAINT "FK_0935f7162d618183763c03d8a3c"`);
    await queryRunner.query(`ALTER TABLE "payment_transfers" DROP CONSTRAINT "FK_e54a7d48ea0036df147bc53f6b5"`);
    await queryRunner.query(`ALTER TABLE "payment_transfers" DROP CONSTRAINT "FK_e855556c56eb3ba4611f8c6ac49"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_faa83875d1077f074822f4fa514"`);
    await queryRunner.query(`ALTER TABLE "fund_request_rosters" DROP CONSTRAINT "FK_f1a1e11ad25744433e9ee3fa421"`);
    await queryRunner.query(`ALTER TABLE "fund_request_rosters" DROP CONSTRAINT "FK_458ab0be1dffcdd1718337ab80a"`);
    await queryRunner.query(`ALTER TABLE "roster_lines" DROP CONSTRAINT "FK_ef6fa8494b71c6f9d64b2f64e9b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0935f7162d618183763c03d8a3"`);
    await queryRunner.query(`DROP TABLE "payment_results"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_030344d84cd8829c35e7252ab7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e54a7d48ea0036df147bc53f6b"`);
    await queryRunner.query(`DROP TABLE "payment_transfers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d06e3f6c0e6c88d4f03254bd78"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be71b6488089530628e197fa48"`);
    await queryRunner.query(`DROP TABLE "payment_batches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8dcb6cbad8a6027a417acbab00"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19382cb50319b47a4ab77f35cf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cccd3baeff7ad586100b6421fb"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f1a1e11ad25744433e9ee3fa42"`);
    await queryRunner.query(`DROP TABLE "fund_request_rosters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc4d9b13ae61b90d9425d3ddfc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ce65bb5da6e44424c2cf11a11"`);
    await queryRunner.query(`DROP TABLE "fund_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6c16ed392a60674ae050fee957"`);
    await queryRunner.query(`DROP TABLE "roster_lines"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22170dbdec9c517e640bb582ed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9cb38189732152d9439dd6b025"`);
    await queryRunner.query(`DROP TABLE "rosters"`);
  }
}
