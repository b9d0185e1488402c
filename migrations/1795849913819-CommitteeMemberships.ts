import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committee memberships become effective-dated rows with their own id and a deputy chair (D§4); a
 * case carries who chairs it in place of a recused chair (`acting_chair_ids`), kept here in the
 * database so that the policy can push it into SQL like any other column.
 */
export class CommitteeMemberships1795849913819 implements MigrationInterface {
  name = 'CommitteeMemberships1795849913819';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "committee_members" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "committee_members" ADD "deputy_chair" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "committee_members" ADD "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "committee_members" ADD "effective_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "committee_members" DROP CONSTRAINT "PK_42b837b06f06988de6b1febc1e9"`);
    await queryRunner.query(`ALTER TABLE "committee_members" ADD CONSTRAINT "PK_3e867e15e799b38d2ceba12beb9" PRIMARY KEY ("district_code", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_81cf2db003df733dafd3ac1143" ON "committee_members" ("district_code", "committee_id", "effective_until")`);

    await queryRunner.query(`ALTER TABLE "cases" ADD "acting_chair_ids" uuid array NOT NULL DEFAULT '{}'`);
    // The deputy chair chairs and signs for a case while the chair in office is kin of its household
    // (P6.3) or investigated it (D§4); otherwise nobody stands in.
    await queryRunner.query(`CREATE FUNCTION acting_chairs_of(d varchar, t varchar, kin uuid[], investigators uuid[]) RETURNS uuid[]
      LANGUAGE sql STABLE AS $$
        SELECT COALESCE(array_agg(deputy.account_id), '{}')
          FROM committees c
          JOIN committee_members chair ON chair.district_code = c.district_code AND chair.committee_id = c.id
           AND chair."function" = 'CHAIR' AND chair.effective_until IS NULL
          JOIN committee_members deputy ON deputy.district_code = c.district_code AND deputy.committee_id = c.id
           AND deputy.deputy_chair AND deputy.effective_until IS NULL
         WHERE c.district_code = d AND c.township_code = t
           AND (chair.account_id = ANY(kin) OR chair.account_id = ANY(investigators))
      $$`);
    await queryRunner.query(`CREATE FUNCTION keep_acting_chairs() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.acting_chair_ids := acting_chairs_of(NEW.district_code, NEW.township_code, NEW.kin_staff_ids, NEW.investigator_ids);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER cases_acting_chairs BEFORE INSERT OR UPDATE OF kin_staff_ids, investigator_ids, township_code, acting_chair_ids ON "cases"
        FOR EACH ROW EXECUTE FUNCTION keep_acting_chairs()`,
    );
    await queryRunner.query(
      `UPDATE "cases" SET acting_chair_ids = acting_chairs_of(district_code, township_code, kin_staff_ids, investigator_ids)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER cases_acting_chairs ON "cases"`);
    await queryRunner.query(`DROP FUNCTION keep_acting_chairs()`);
    await queryRunner.query(`DROP FUNCTION acting_chairs_of(varchar, varchar, uuid[], uuid[])`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "acting_chair_ids"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_81cf2db003df733dafd3ac1143"`);
    // Ended memberships have no place in the old shape, which kept only the committee as it stands.
    await queryRunner.query(`DELETE FROM "committee_members" WHERE effective_until IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "committee_members" DROP CONSTRAINT "PK_3e867e15e799b38d2ceba12beb9"`);
    await queryRunner.query(
      `ALTER TABLE "committee_members" ADD CONSTRAINT "PK_42b837b06f06988de6b1febc1e9" PRIMARY KEY ("committee_id", "account_id", "district_code")`,
    );
    await queryRunner.query(`ALTER TABLE "committee_members" DROP COLUMN "effective_until"`);
    await queryRunner.query(`ALTER TABLE "committee_members" DROP COLUMN "effective_from"`);
    await queryRunner.query(`ALTER TABLE "committee_members" DROP COLUMN "deputy_chair"`);
    await queryRunner.query(`ALTER TABLE "committee_members" DROP COLUMN "id"`);
  }
}
