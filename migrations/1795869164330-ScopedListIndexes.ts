import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScopedListIndexes1795869164330 implements MigrationInterface {
  name = 'ScopedListIndexes1795869164330';

  /** Every scoped list reads its page from an index (issue 14): the scope's equality columns after
   * `district_code` (township, village, the finance and poverty flags, the actor), then the sort key.
   * The two-column township and village indexes these begin with go: the new ones serve their lookups. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d1a7b15db2db527abcadabca8f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5e3d17a594549131f5565a310"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5bec1a64b9794261811a3c0f9d"`);
    await queryRunner.query(`CREATE INDEX "IDX_6ba882096d6ef20c89fa6de273" ON "households"  ("district_code", "active_dibao_enrolment", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a99ccea2b0f50c9c9e99de9d53" ON "households"  ("district_code", "active_enrolment", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f5f8db37b366c57a12cd7d3208" ON "households"  ("district_code", "village_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f7b8588e22477d70de3666fe4c" ON "households"  ("district_code", "township_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9654119298cd555564dd305e7f" ON "cases"  ("district_code", "village_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e4e763e071756b72d2eab277ab" ON "cases"  ("district_code", "township_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_13f3534526a17182fde8973080" ON "audit_log"  ("district_code", "actor_id", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_89aa469b017e2069b4bcbfde92" ON "audit_log"  ("district_code", "at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0e30a394d9ddf02b584e08b7b2" ON "enrolments"  ("district_code", "status", "next_review_on", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_11e6bb8aaf69acd9a11cc9c647" ON "enrolments"  ("district_code", "programme", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5df70491ed7c4dfef8bb11db2f" ON "enrolments"  ("district_code", "village_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d7e466054cc3831d4694006057" ON "enrolments"  ("district_code", "township_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_16d5ef558daaf2d6af5c7895d7" ON "payments"  ("district_code", "village_code", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cbc1b54f2407c0ad398205f02c" ON "payments"  ("district_code", "township_code", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_cbc1b54f2407c0ad398205f02c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_16d5ef558daaf2d6af5c7895d7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d7e466054cc3831d4694006057"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5df70491ed7c4dfef8bb11db2f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11e6bb8aaf69acd9a11cc9c647"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e30a394d9ddf02b584e08b7b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_89aa469b017e2069b4bcbfde92"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13f3534526a17182fde8973080"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e4e763e071756b72d2eab277ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9654119298cd555564dd305e7f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7b8588e22477d70de3666fe4c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f5f8db37b366c57a12cd7d3208"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a99ccea2b0f50c9c9e99de9d53"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6ba882096d6ef20c89fa6de273"`);
    await queryRunner.query(`CREATE INDEX "IDX_5bec1a64b9794261811a3c0f9d" ON "enrolments" USING btree ("district_code", "village_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_d5e3d17a594549131f5565a310" ON "households" USING btree ("district_code", "village_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_d1a7b15db2db527abcadabca8f" ON "households" USING btree ("district_code", "township_code") `);
  }
}
