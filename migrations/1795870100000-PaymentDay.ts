import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentDay1795870100000 implements MigrationInterface {
  name = 'PaymentDay1795870100000';

  /** A batch is due by the district's payment day of its month (D§10). Batches exported before are
   * dated with the default day, the 10th; the append-only trigger is held off for that one update. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment_batches" ADD "due_on" date`);
    await queryRunner.query(`ALTER TABLE "payment_batches" DISABLE TRIGGER payment_batches_append_only`);
    await queryRunner.query(`UPDATE "payment_batches" SET "due_on" = ("month" || '-10')::date`);
    await queryRunner.query(`ALTER TABLE "payment_batches" ENABLE TRIGGER payment_batches_append_only`);
    await queryRunner.query(`ALTER TABLE "payment_batches" ALTER COLUMN "due_on" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment_batches" DROP COLUMN "due_on"`);
  }
}
