import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberUniqueAndFindingSubject1795822850684 implements MigrationInterface {
  name = 'MemberUniqueAndFindingSubject1795822850684';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_43c2f96dbd5ab3d5f76071f5bf"`);
    // Global IDs of tenant rows are longer than 64 characters; widened in place, keeping the data.
    await queryRunner.query(`ALTER TABLE "audit_findings" ALTER COLUMN "subject_id" TYPE character varying(128)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8106c5ef9957804e4596a662ae" ON "persons"  ("district_code", "household_id", "id_number") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8106c5ef9957804e4596a662ae"`);
    await queryRunner.query(`ALTER TABLE "audit_findings" ALTER COLUMN "subject_id" TYPE character varying(64)`);
    await queryRunner.query(`CREATE INDEX "IDX_43c2f96dbd5ab3d5f76071f5bf" ON "persons" USING btree ("district_code", "household_id") `);
  }
}
