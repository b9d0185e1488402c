import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A district's authority epoch (issue #14): raised in the same transaction as any change to who may
 * do what there — an account's activity, password version, name, department or district, a role
 * grant or an act on one (confirmation, revocation), a delegation record. A replica that keeps a
 * signed-in actor (its roles and the delegations in force) reads the epoch on every request and
 * reloads the actor when it moved, so that a change made through any replica, or directly in SQL,
 * takes effect on the very next request everywhere. Triggers rather than the services: every
 * writer of those tables is covered, including migrations, the seed and tests.
 */
export class AuthorityEpochs1796481700000 implements MigrationInterface {
  name = 'AuthorityEpochs1796481700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "authority_epochs" ("district_code" character varying(12) NOT NULL, "epoch" bigint NOT NULL DEFAULT 1, CONSTRAINT "PK_authority_epochs" PRIMARY KEY ("district_code"))`,
    );
    await queryRunner.query(`CREATE FUNCTION raise_authority_epoch(district varchar) RETURNS void LANGUAGE sql AS $$
      INSERT INTO authority_epochs (district_code) VALUES (district)
      ON CONFLICT (district_code) DO UPDATE SET epoch = authority_epochs.epoch + 1 $$`);
    await queryRunner.query(`CREATE FUNCTION accounts_raise_authority_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM raise_authority_epoch(OLD.district_code);
          RETURN OLD;
        END IF;
        PERFORM raise_authority_epoch(NEW.district_code);
        IF OLD.district_code IS DISTINCT FROM NEW.district_code THEN PERFORM raise_authority_epoch(OLD.district_code); END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER accounts_authority_epoch AFTER UPDATE ON "accounts" FOR EACH ROW
      WHEN ((OLD.active, OLD.credentials_version, OLD.username, OLD.department_code, OLD.district_code)
        IS DISTINCT FROM (NEW.active, NEW.credentials_version, NEW.username, NEW.department_code, NEW.district_code))
      EXECUTE FUNCTION accounts_raise_authority_epoch()`);
    await queryRunner.query(
      `CREATE TRIGGER accounts_authority_epoch_delete AFTER DELETE ON "accounts" FOR EACH ROW EXECUTE FUNCTION accounts_raise_authority_epoch()`,
    );
    // A grant's district is the account's: the epoch raised is the one its holder's actor is checked against.
    await queryRunner.query(`CREATE FUNCTION role_grants_raise_authority_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM raise_authority_epoch(a.district_code) FROM accounts a WHERE a.id = NEW.account_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER role_grants_authority_epoch AFTER INSERT ON "role_grants" FOR EACH ROW EXECUTE FUNCTION role_grants_raise_authority_epoch()`,
    );
    await queryRunner.query(`CREATE FUNCTION role_grant_acts_raise_authority_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM raise_authority_epoch(a.district_code)
          FROM role_grants g JOIN accounts a ON a.id = g.account_id
          WHERE g.district_code = NEW.district_code AND g.id = NEW.grant_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER role_grant_acts_authority_epoch AFTER INSERT ON "role_grant_acts" FOR EACH ROW EXECUTE FUNCTION role_grant_acts_raise_authority_epoch()`,
    );
    await queryRunner.query(`CREATE FUNCTION delegations_raise_authority_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM raise_authority_epoch(OLD.district_code); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM raise_authority_epoch(NEW.district_code); END IF;
        RETURN NULL;
      END $$`);
    // Delegations are append-only, but a test or an operator may lift that for a correction: any row change counts.
    await queryRunner.query(
      `CREATE TRIGGER delegations_authority_epoch AFTER INSERT OR UPDATE OR DELETE ON "delegations" FOR EACH ROW EXECUTE FUNCTION delegations_raise_authority_epoch()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER delegations_authority_epoch ON "delegations"`);
    await queryRunner.query(`DROP FUNCTION delegations_raise_authority_epoch()`);
    await queryRunner.query(`DROP TRIGGER role_grant_acts_authority_epoch ON "role_grant_acts"`);
    await queryRunner.query(`DROP FUNCTION role_grant_acts_raise_authority_epoch()`);
    await queryRunner.query(`DROP TRIGGER role_grants_authority_epoch ON "role_grants"`);
    await queryRunner.query(`DROP FUNCTION role_grants_raise_authority_epoch()`);
    await queryRunner.query(`DROP TRIGGER accounts_authority_epoch_delete ON "accounts"`);
    await queryRunner.query(`DROP TRIGGER accounts_authority_epoch ON "accounts"`);
    await queryRunner.query(`DROP FUNCTION accounts_raise_authority_epoch()`);
    await queryRunner.query(`DROP FUNCTION raise_authority_epoch(varchar)`);
    await queryRunner.query(`DROP TABLE "authority_epochs"`);
  }
}
