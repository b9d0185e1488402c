import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795819048668 implements MigrationInterface {
  name = 'Foundation1795819048668';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "regions" ("code" character varying(12) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "parent_code" character varying(12), "district_code" character varying(12) NOT NULL, "township_code" character varying(12), "village_code" character varying(12), "population" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_regions_code" CHECK (code ~ '^[0-9]{12}$'), CONSTRAINT "CK_regions_population" CHECK (population >= 0), CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7241ca7859f4288fb12567dd95" ON "regions"  ("parent_code") `);
    await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "password_hash" character varying(255), "region_code" character varying(12) NOT NULL, "district_code" character varying(12) NOT NULL, "township_code" character varying(12), "village_code" character varying(12), "department_code" character varying(32), "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_477e3187cedfb5a3ac121e899c9" UNIQUE ("username"), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_af3c92dfe69dc4d669a0db65b3" ON "accounts"  ("district_code") `);
    await queryRunner.query(`CREATE TABLE "account_roles" ("account_id" uuid NOT NULL, "role" character varying(32) NOT NULL, "region_code" character varying(12) NOT NULL, CONSTRAINT "PK_e2bf4d91c16f1aacc893c906719" PRIMARY KEY ("account_id", "role", "region_code"))`);
    await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "district_code" character varying(12) NOT NULL, "name" character varying(100) NOT NULL, "prefix" character varying(16) NOT NULL, "secret_hash" character varying(64) NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_6f6105c8efe05b310d046cbdb3d" UNIQUE ("prefix"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_083896a944f513280e8dabacb9" ON "api_keys"  ("district_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_decaf331589778e33441b2a8d9" ON "api_keys"  ("account_id") `);
    await queryRunner.query(`ALTER TABLE "regions" ADD CONSTRAINT "FK_7241ca7859f4288fb12567dd959" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "FK_f1a9c5240be2590e259e305d780" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_roles" ADD CONSTRAINT "FK_fd3620276f387585b8cf63ae5d9" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_roles" ADD CONSTRAINT "FK_0e94d53a5ed46deaae79475e427" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_decaf331589778e33441b2a8d9e" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "FK_3afd227c6cb003779abe2a88b4e" FOREIGN KEY ("created_by_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_3afd227c6cb003779abe2a88b4e"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_decaf331589778e33441b2a8d9e"`);
    await queryRunner.query(`ALTER TABLE "account_roles" DROP CONSTRAINT "FK_0e94d53a5ed46deaae79475e427"`);
    await queryRunner.query(`ALTER TABLE "account_roles" DROP CONSTRAINT "FK_fd3620276f387585b8cf63ae5d9"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "FK_f1a9c5240be2590e259e305d780"`);
    await queryRunner.query(`ALTER TABLE "regions" DROP CONSTRAINT "FK_7241ca7859f4288fb12567dd959"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_decaf331589778e33441b2a8d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_083896a944f513280e8dabacb9"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "account_roles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_af3c92dfe69dc4d669a0db65b3"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7241ca7859f4288fb12567dd95"`);
    await queryRunner.query(`DROP TABLE "regions"`);
  }
}
