import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeysetOrder1795844972467 implements MigrationInterface {
  name = 'KeysetOrder1795844972467';

  /** Newest-first keyset pages (connections) read these indexes in order; answers get the
   * timestamp they had none of. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "verification_answers" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    // When earlier answers were sent out was not kept; their request's time orders them with it.
    await queryRunner.query(`UPDATE "verification_answers" a SET "created_at" = r."requested_at" FROM "verification_requests" r
      WHERE r."district_code" = a."district_code" AND r."id" = a."request_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_efde9a63ae2d5de7e1d6ba3b1e" ON "households"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_34d012d64a4e0583846c394cca" ON "cases"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_66bbe89a56cae650ea6a3fbfd2" ON "meetings"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc3f313de2f35a45ee99d514b8" ON "verification_requests"  ("district_code", "requested_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a40491e424040410b4cf7e2bb6" ON "verification_answers"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_4b257c064c307c63af3eb6f222" ON "kin_declarations"  ("district_code", "declared_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1692da3b7fbb99998bc3f4dfd6" ON "enrolments"  ("district_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cd23ff6e0cdc46a17738474f17" ON "development_links"  ("district_code", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_cd23ff6e0cdc46a17738474f17"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1692da3b7fbb99998bc3f4dfd6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b257c064c307c63af3eb6f222"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a40491e424040410b4cf7e2bb6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fc3f313de2f35a45ee99d514b8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_66bbe89a56cae650ea6a3fbfd2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_34d012d64a4e0583846c394cca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_efde9a63ae2d5de7e1d6ba3b1e"`);
    await queryRunner.query(`ALTER TABLE "verification_answers" DROP COLUMN "created_at"`);
  }
}
