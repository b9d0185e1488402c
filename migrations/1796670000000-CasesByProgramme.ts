import { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesByProgramme1796670000000 implements MigrationInterface {
  name = 'CasesByProgramme1796670000000';

  /**
   * The district tier's case list of one programme, newest first, and its count (issue #14 page (b)):
   * without it the page walked the district's cases by date discarding other programmes, and the count
   * read the whole table, evaluating the district wall's two settings on every row.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_a95860d7c5a88fe9e3ba9618a5" ON "cases" ("district_code", "programme", "created_at", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_a95860d7c5a88fe9e3ba9618a5"`);
  }
}
