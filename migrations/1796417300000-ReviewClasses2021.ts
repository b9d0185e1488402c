import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewClasses20211796417300000 implements MigrationInterface {
  name = 'ReviewClasses20211796417300000';

  /**
   * Review classes of the MCA 2021 measures (D§9): A yearly, B every six months. The earlier classes
   * meant B = yearly and C = quarterly or six-monthly, so enrolments move B → A and C → B, each with
   * the rule that now stands behind its class. Reviews already recorded keep the class they were
   * due under: they are history. District settings follow: the old class C intervals become the new
   * class B interval, never longer than six months; class A never longer than a year.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "households" ADD "income_stability" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "review_class_rule" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "enrolments" ADD "review_class_reason" text`);
    await queryRunner.query(
      `UPDATE "enrolments" SET "review_class" = CASE "review_class" WHEN 'B' THEN 'A' WHEN 'C' THEN 'B' ELSE "review_class" END`,
    );
    await queryRunner.query(`UPDATE "enrolments" SET "review_class_rule" = CASE
        WHEN "programme" = 'TEKUN' THEN 'TEKUN_YEARLY'
        WHEN "review_class" = 'A' THEN 'STABLE_INCOME'
        ELSE 'INCOME_STABILITY_UNRECORDED' END`);
    await queryRunner.query(`ALTER TABLE "enrolments" ALTER COLUMN "review_class_rule" SET NOT NULL`);
    await queryRunner.query(`UPDATE "district_settings" SET "values" = ("values" - 'reviewMonthsClassB' - 'reviewMonthsClassCRural' - 'reviewMonthsClassCUrban')
        || CASE WHEN "values" ? 'reviewMonthsClassCRural' OR "values" ? 'reviewMonthsClassCUrban'
             THEN jsonb_build_object('reviewMonthsClassB', LEAST(6, ("values"->>'reviewMonthsClassCRural')::int, ("values"->>'reviewMonthsClassCUrban')::int))
             ELSE '{}'::jsonb END
        || CASE WHEN ("values"->>'reviewMonthsClassA')::int > 12 THEN '{"reviewMonthsClassA": 12}'::jsonb ELSE '{}'::jsonb END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "district_settings" SET "values" = "values" - 'reviewMonthsClassB'`);
    await queryRunner.query(
      `UPDATE "enrolments" SET "review_class" = CASE "review_class" WHEN 'B' THEN 'C' ELSE "review_class" END`,
    );
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "review_class_reason"`);
    await queryRunner.query(`ALTER TABLE "enrolments" DROP COLUMN "review_class_rule"`);
    await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "income_stability"`);
  }
}
