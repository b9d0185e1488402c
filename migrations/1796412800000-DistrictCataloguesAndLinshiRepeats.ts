import { MigrationInterface, QueryRunner } from 'typeorm';

/** What every district has started with (src/modules/settings/catalogues.ts), copied here so that the
 * migration stays what it was when that list changes. */
const DEPARTMENTS: [string, string, boolean][] = [
  ['PUBLIC_SECURITY', '户籍、车辆 (household registration, vehicles)', true],
  ['TAX', '纳税收入 (taxed income)', true],
  ['HR_SOCIAL_SECURITY', '就业、社会保险、养老金 (employment, social insurance, pensions)', true],
  ['MARKET_REGULATION', '工商登记 (business registration)', true],
  ['BANK', '存款 (deposits)', true],
  ['VETERANS', '优抚待遇 (veterans’ benefits)', false],
  ['DISABLED_FEDERATION', '残疾人证、残疾人补贴 (disability certificate, disability allowances)', false],
  ['EDUCATION', '在校就读、教育资助 (enrolment in school, education grants)', false],
];
const CAUSES: [string, string][] = [
  ['FIRE', '火灾 (fire)'],
  ['NATURAL_DISASTER', '自然灾害 (natural disaster: flood, storm, earthquake)'],
  ['TRAFFIC_ACCIDENT', '交通事故 (traffic accident)'],
  ['OTHER_ACCIDENT', '其他意外事件 (other accident)'],
  ['SERIOUS_ILLNESS', '突发重大疾病 (sudden serious illness)'],
  ['ESSENTIAL_EXPENSE', '生活必需支出突然增加 (sudden rise in essential expenses)'],
];

export class DistrictCataloguesAndLinshiRepeats1796412800000 implements MigrationInterface {
  name = 'DistrictCataloguesAndLinshiRepeats1796412800000';

  /**
   * D§7: the verification departments a district uses, with what each answers; D§6: its LINSHI cause
   * categories. Small per-district tables next to the settings, keyed by district. Every existing
   * district gets the starting lists. A LINSHI case records its cause's category and, when it repeats
   * an earlier grant of the same category within the window, the new grounds the township recorded
   * and who confirmed them; cases from before keep their wording only.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "verification_departments" ("district_code" character varying(12) NOT NULL, "department" character varying(32) NOT NULL, "findings" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_verification_departments" PRIMARY KEY ("district_code", "department"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "linshi_cause_categories" ("district_code" character varying(12) NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "active" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_linshi_cause_categories" PRIMARY KEY ("district_code", "code"))`,
    );
    for (const [department, findings, active] of DEPARTMENTS) {
      await queryRunner.query(
        `INSERT INTO "verification_departments" ("district_code", "department", "findings", "active")
         SELECT "code", $1, $2, $3 FROM "regions" WHERE "level" = 'DISTRICT'`,
        [department, findings, active],
      );
    }
    for (const [code, name] of CAUSES) {
      await queryRunner.query(
        `INSERT INTO "linshi_cause_categories" ("district_code", "code", "name") SELECT "code", $1, $2 FROM "regions" WHERE "level" = 'DISTRICT'`,
        [code, name],
      );
    }
    await queryRunner.query(
      `ALTER TABLE "cases" ADD "cause_category" character varying(32), ADD "repeat_of_id" uuid, ADD "new_grounds" text,
         ADD "new_grounds_recorded_by_id" uuid, ADD "new_grounds_confirmed_by_id" uuid, ADD "new_grounds_confirmed_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cases" DROP COLUMN "new_grounds_confirmed_at", DROP COLUMN "new_grounds_confirmed_by_id", DROP COLUMN "new_grounds_recorded_by_id",
         DROP COLUMN "new_grounds", DROP COLUMN "repeat_of_id", DROP COLUMN "cause_category"`,
    );
    await queryRunner.query(`DROP TABLE "linshi_cause_categories"`);
    await queryRunner.query(`DROP TABLE "verification_departments"`);
  }
}
