import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hash-chains the audit log per district (tamper evidence, D§12): each row carries its position in
 * its district's chain, the previous row's hash and its own, a SHA-256 over that previous hash and
 * the row's canonical content. A BEFORE INSERT trigger sets all three under a per-district advisory
 * lock held to the end of the inserting transaction, so two writers cannot take the same position
 * (and the unique index refuses it should they ever try). Existing rows are chained in the order
 * they were written.
 */
export class AuditHashChain1795855648758 implements MigrationInterface {
  name = 'AuditHashChain1795855648758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "prev_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "hash" character varying(64)`);
    // Canonical content: a JSON array (jsonb prints keys in one fixed order) with the time in UTC, so
    // that the hash does not depend on the session's time zone or on how a driver renders values.
    await queryRunner.query(`CREATE FUNCTION audit_row_hash(r audit_log) RETURNS varchar LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(coalesce(r.prev_hash, '') || '|' || jsonb_build_array(
        r.district_code, r.seq, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.kind,
        r.actor_id, r.actor_username, r.action, r.subject_type, r.subject_id, r.field, r.township_code,
        r.village_code, r.reason, r.details, r.request_id)::text, 'UTF8')), 'hex')
    $$`);
    await queryRunner.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_row record;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('audit_log chain ' || NEW.district_code, 0));
        SELECT seq, hash INTO last_row FROM audit_log WHERE district_code = NEW.district_code ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last_row.seq, 0) + 1;
        NEW.prev_hash := last_row.hash;
        NEW.hash := audit_row_hash(NEW);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_append_only`);
    await queryRunner.query(`DO $$
      DECLARE r audit_log; district varchar; previous varchar; position bigint;
      BEGIN
        FOR district IN SELECT DISTINCT district_code FROM audit_log LOOP
          previous := NULL;
          position := 0;
          FOR r IN SELECT * FROM audit_log WHERE district_code = district ORDER BY at, id LOOP
            position := position + 1;
            r.seq := position;
            r.prev_hash := previous;
            previous := audit_row_hash(r);
            UPDATE audit_log SET seq = position, prev_hash = r.prev_hash, hash = previous WHERE district_code = district AND id = r.id;
          END LOOP;
        END LOOP;
      END $$`);
    await queryRunner.query(`ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_append_only`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_82459e98982dfc2903f6cf9c6c" ON "audit_log"  ("district_code", "seq") `);
    await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_chain ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_82459e98982dfc2903f6cf9c6c"`);
    await queryRunner.query(`DROP FUNCTION audit_row_hash(audit_log)`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "seq"`);
  }
}
