import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roles in force now: confirmed, not revoked by now, inside the grant's own dates. DISTINCT both
 * merges two grants of the same role and keeps the view from being updatable: nothing writes roles
 * but a grant and its confirmation.
 */
const ROLES_IN_FORCE = `SELECT DISTINCT g.account_id, g.role, g.region_code FROM role_grants g
  JOIN role_grant_acts c ON c.district_code = g.district_code AND c.grant_id = g.id AND c.kind = 'CONFIRM'
  LEFT JOIN role_grant_acts r ON r.district_code = g.district_code AND r.grant_id = g.id AND r.kind = 'REVOKE'
  WHERE g.effective_from <= now() AND c.effective_at <= now() AND (g.effective_until IS NULL OR g.effective_until > now())
    AND (r.grant_id IS NULL OR r.effective_at > now())`;

export class RoleGrants1795849853102 implements MigrationInterface {
  name = 'RoleGrants1795849853102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "role_grants" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "region_code" character varying(12) NOT NULL, "township_code" character varying(12), "district_tier" boolean NOT NULL, "proposed_by_id" uuid, "proposed_as" character varying(32) NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "effective_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce1aa7568603e589a9bafab13ad" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0af56d03a94e3e7aed7ffb6d8e" ON "role_grants"  ("district_code", "account_id") `);
    await queryRunner.query(`CREATE TABLE "role_grant_acts" ("district_code" character varying(12) NOT NULL, "grant_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "by_id" uuid, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58accbb9c14f49d4ac206a36f0a" PRIMARY KEY ("district_code", "grant_id", "kind"))`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD CONSTRAINT "FK_68ab43211f631e01c73a8302507" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD CONSTRAINT "FK_ec3bdbd4d6db4cc860dc867c138" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role_grants" ADD CONSTRAINT "FK_bb1fee9a5f8786aefcfd89d6db7" FOREIGN KEY ("proposed_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role_grant_acts" ADD CONSTRAINT "FK_0230d9612b530a083f85d67326e" FOREIGN KEY ("district_code", "grant_id") REFERENCES "role_grants"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "role_grant_acts" ADD CONSTRAINT "FK_a37772ef01804cf5be6182062de" FOREIGN KEY ("by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // The roles held so far become grants made and confirmed by the seed, in force since the account
    // was created: every power present now traces to a record (D§14).
    await queryRunner.query(`INSERT INTO "role_grants" ("district_code", "account_id", "role", "region_code", "township_code", "district_tier", "proposed_by_id", "proposed_as", "effective_from")
      SELECT a.district_code, r.account_id, r.role, r.region_code, CASE WHEN substring(r.region_code, 7, 3) = '000' THEN NULL ELSE substring(r.region_code, 1, 9) || '000' END,
        r.role IN ('DISTRICT_OFFICER', 'FINANCE_OFFICER', 'AUDITOR', 'POVERTY_OFFICER', 'DEPARTMENT', 'ADMIN'), NULL, 'SEED', a.created_at
      FROM "account_roles" r JOIN "accounts" a ON a.id = r.account_id`);
    await queryRunner.query(`INSERT INTO "role_grant_acts" ("district_code", "grant_id", "kind", "by_id", "effective_at") SELECT district_code, id, 'CONFIRM', NULL, effective_from FROM "role_grants"`);
    await queryRunner.query(`DROP TABLE "account_roles"`);
    await queryRunner.query(`CREATE VIEW "account_roles" AS ${ROLES_IN_FORCE}`);
    for (const table of ['role_grants', 'role_grant_acts']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "account_roles"`);
    await queryRunner.query(`ALTER TABLE "role_grant_acts" DROP CONSTRAINT "FK_a37772ef01804cf5be6182062de"`);
    await queryRunner.query(`ALTER TABLE "role_grant_acts" DROP CONSTRAINT "FK_0230d9612b530a083f85d67326e"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "FK_bb1fee9a5f8786aefcfd89d6db7"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "FK_ec3bdbd4d6db4cc860dc867c138"`);
    await queryRunner.query(`ALTER TABLE "role_grants" DROP CONSTRAINT "FK_68ab43211f631e01c73a8302507"`);
    await queryRunner.query(`CREATE TABLE "account_roles" ("account_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "region_code" character varying(12) NOT NULL, CONSTRAINT "PK_e2bf4d91c16f1aacc893c906719" PRIMARY KEY ("account_id", "role", "region_code"))`);
    await queryRunner.query(`ALTER TABLE "account_roles" ADD CONSTRAINT "FK_0e94d53a5ed46deaae79475e427" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE`);
    await queryRunner.query(`ALTER TABLE "account_roles" ADD CONSTRAINT "FK_fd3620276f387585b8cf63ae5d9" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT`);
    await queryRunner.query(`INSERT INTO "account_roles" SELECT * FROM (${ROLES_IN_FORCE}) AS r`);
    for (const table of ['role_grants', 'role_grant_acts']) {
      await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    }
    await queryRunner.query(`DROP TABLE "role_grant_acts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0af56d03a94e3e7aed7ffb6d8e"`);
    await queryRunner.query(`DROP TABLE "role_grants"`);
  }
}
