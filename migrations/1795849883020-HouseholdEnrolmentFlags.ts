import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a household is being paid, and paid DIBAO, as columns of the household, so that the
 * finance and poverty-alleviation scopes (P4.4, D§10) are plain SQL equalities. A trigger on
 * enrolments keeps them in sync whichever code writes an enrolment.
 */
export class HouseholdEnrolmentFlags1795849883020 implements MigrationInterface {
  name = 'HouseholdEnrolmentFlags1795849883020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "households" ADD "active_enrolment" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "households" ADD "active_dibao_enrolment" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE FUNCTION sync_household_enrolment_flags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE households h SET
          active_enrolment = EXISTS (SELECT 1 FROM enrolments e
            WHERE e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE'),
          active_dibao_enrolment = EXISTS (SELECT 1 FROM enrolments e
            WHERE e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE' AND e.programme = 'DIBAO')
        WHERE h.district_code = NEW.district_code AND h.id = NEW.household_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER enrolments_sync_household AFTER INSERT OR UPDATE ON "enrolments" FOR EACH ROW EXECUTE FUNCTION sync_household_enrolment_flags()`,
    );
    await queryRunner.query(`UPDATE households h SET
      active_enrolment = EXISTS (SELECT 1 FROM enrolments e WHERE e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE'),
      active_dibao_enrolment = EXISTS (SELECT 1 FROM enrolments e
        WHERE e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE' AND e.programme = 'DIBAO')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER enrolments_sync_household ON "enrolments"`);
    await queryRunner.query(`DROP FUNCTION sync_household_enrolment_flags()`);
    await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "active_dibao_enrolment"`);
    await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "active_enrolment"`);
  }
}
