import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpotCheckDraws1796417400000 implements MigrationInterface {
  name = 'SpotCheckDraws1796417400000';

  /**
   * Spot-check draws (P4.3, D§3, issue #11 item 10): the sample is drawn by the district from a
   * recorded random seed, no longer `md5(id) % 100`, which anyone could compute ahead. Draws and
   * their pools are only ever added: a sample that could be redrawn or edited would be chosen by hand.
   */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "spot_check_draws" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "seed" character varying(64) NOT NULL, "algorithm" character varying(32) NOT NULL, "rate_percent" integer NOT NULL, "filed_by" TIMESTAMP WITH TIME ZONE NOT NULL, "pool_size" integer NOT NULL, "sample_size" integer NOT NULL, "drawn_by_id" uuid NOT NULL, "drawn_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_spot_check_draws" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6b4c4ba048836e89909c47db12" ON "spot_check_draws" ("district_code", "drawn_at", "id") `);
    await queryRunner.query(`CREATE TABLE "spot_check_pool_entries" ("district_code" character varying(12) NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "township_code" character varying(12) NOT NULL, "village_code" character varying(12) NOT NULL, "draw_id" uuid NOT NULL, "case_id" uuid NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inclusion" character varying(20) NOT NULL, "sampled" boolean NOT NULL, "score" character varying(64), CONSTRAINT "PK_spot_check_pool_entries" PRIMARY KEY ("district_code", "id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_170cb3b4b800a87016dafe7aaf" ON "spot_check_pool_entries" ("district_code", "draw_id", "sampled") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d1322f575e7c9565de85cfde9d" ON "spot_check_pool_entries" ("district_code", "case_id", "filed_at") `);
    await queryRunner.query(`ALTER TABLE "spot_check_pool_entries" ADD CONSTRAINT "FK_bdf14a7debf9717b275ee27dae8" FOREIGN KEY ("district_code", "draw_id") REFERENCES "spot_check_draws"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "spot_check_pool_entries" ADD CONSTRAINT "FK_437da2eec4159bfc1cb534a73fb" FOREIGN KEY ("district_code", "case_id") REFERENCES "cases"("district_code","id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    for (const table of ['spot_check_draws', 'spot_check_pool_entries']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "spot_check_pool_entries"`);
    await queryRunner.query(`DROP TABLE "spot_check_draws"`);
  }
}
