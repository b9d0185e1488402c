import { MigrationInterface, QueryRunner } from 'typeorm';

export class Delegations1795850004534 implements MigrationInterface {
  name = 'Delegations1795850004534';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "delegations" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "kind" character varying(16) NOT NULL, "programme" character varying(16) NOT NULL, "effective_from" date NOT NULL, "effective_until" date, "document_reference" character varying(200) NOT NULL, "revokes_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_delegations_revocation_names_grant" CHECK ((kind = 'REVOCATION') = (revokes_id IS NOT NULL)), CONSTRAINT "PK_be6b3d1efd000102f766de2277e" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dd0ac98f95bcb6a7b1a8bda531" ON "delegations"  ("district_code", "revokes_id") WHERE revokes_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_3bca7527f0807d723214fffcdb" ON "delegations"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0cbab3915ffec7ea953692e68" ON "delegations"  ("district_code", "township_code", "programme") `);
    await queryRunner.query(`ALTER TABLE "cases" ADD "decision_authority" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "decided_under_id" uuid`);
    await queryRunner.query(`ALTER TABLE "delegations" ADD CONSTRAINT "FK_bc506061d19865d797203122caf" FOREIGN KEY ("district_code", "revokes_id") REFERENCES "delegations"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Delegation records are only ever added (D§13): a grant ends by a revocation record, never by an edit.
    await queryRunner.query(`CREATE TRIGGER delegations_append_only BEFORE UPDATE OR DELETE ON "delegations" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
    await queryRunner.query(`CREATE TRIGGER delegations_no_truncate BEFORE TRUNCATE ON "delegations" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER delegations_no_truncate ON "delegations"`);
    await queryRunner.query(`DROP TRIGGER delegations_append_only ON "delegations"`);
    await queryRunner.query(`ALTER TABLE "delegations" DROP CONSTRAINT "FK_bc506061d19865d797203122caf"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "decided_under_id"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "decision_authority"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0cbab3915ffec7ea953692e68"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3bca7527f0807d723214fffcdb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd0ac98f95bcb6a7b1a8bda531"`);
    await queryRunner.query(`DROP TABLE "delegations"`);
  }
}
