import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Action, SubjectName } from '../../permissions/policy';
import { assertCan } from '../auth/authorize';
import type { AuditNote, Caller } from '../auth/caller';
import type { DomainError } from '../errors';
import type { DataAccess } from './data-access';

/** A row the audit log can place: its district, and its township and village where it has them. */
interface ScopedRow extends ObjectLiteral {
  districtCode: string;
  townshipCode?: string | null;
  villageCode?: string | null;
}

interface Change {
  action: string;
  details?: object;
}

/** What guarded work did: its result, and the change the audit log records (`null`: nothing changed). */
export interface Outcome<R> {
  result: R;
  change: Change | null;
}

/** An outcome that changed something, as every creation does. */
type Changed<R> = Outcome<R> & { change: Change };

/**
 * The tables the append-only trigger guards (their migrations name them; test/least-privilege.test.ts
 * checks this list against the catalog). A change "to" such a row (confirming a role grant, recording
 * a batch's results) adds rows beside it, under a lock on it; but PostgreSQL's row locks need UPDATE
 * privilege, which the application's role has not on these tables (issue #10 item 5). Their rows are
 * locked instead by a transaction-level advisory lock on the row's key: writers still take turns,
 * and the lock ends with the transaction as a row lock would.
 */
export const APPEND_ONLY_TABLES: ReadonlySet<string> = new Set([
  'audit_log',
  'case_events',
  'change_reports',
  'delegations',
  'enrolment_changes',
  'enrolment_reviews',
  'fund_request_rosters',
  'payment_batches',
  'payment_results',
  'payment_transfers',
  'payments',
  'role_grant_acts',
  'role_grants',
  'roster_lines',
  'spot_check_draws',
  'spot_check_pool_entries',
  'spot_checks',
]);

export const changed = <R>(result: R, action: string, details?: object): Changed<R> => ({ result, change: { action, details } });
export const unchanged = <R>(result: R): Outcome<R> => ({ result, change: null });

/** A subject whose rows are changed through `guardedChange`, and how one is looked up. */
export interface GuardedSubject<T extends ScopedRow, P extends keyof T & string> {
  name: SubjectName;
  entity: new () => T;
  /** The properties a key names a row by; anything else a key object carries is not looked at. */
  key: readonly P[];
  /** The answer when the key names no row the caller may read: out of scope and absent look the same. */
  notFound(key: Pick<T, P>): DomainError;
  /** Relations the row is returned with (an account's roles). */
  relations?: readonly string[];
}

/** A subject of tenant rows, which a `TenantKey` (district and id) names. */
export function tenantSubject<T extends ScopedRow & { id: string }>(
  name: SubjectName,
  entity: new () => T,
  notFound: () => DomainError,
): GuardedSubject<T, 'districtCode' | 'id'> {
  return { name, entity, key: ['districtCode', 'id'], notFound };
}

/** Where a change's audit entry is written, inside the change's transaction (`AuditService`). */
export interface ChangeLog {
  recordChange(manager: EntityManager, caller: Caller, note: Omit<AuditNote, 'kind'>): Promise<void>;
  /** Logs an attempt on a row that exists outside the caller's scope (answered NOT_FOUND) as denied. */
  noteHiddenAttempt<T extends ObjectLiteral>(
    caller: Caller,
    action: string,
    subjectType: string,
    entity: EntityTarget<T>,
    where: FindOptionsWhere<T>,
  ): Promise<void>;
}

const ALIAS = 'guarded';

/**
 * The sequence services write rows of policy subjects by, written once: the policy check in memory
 * on the row, then, in one transaction, the work and the audit entry of what it changed. A change
 * also reads the row through the caller's scope first and locks it, and is checked again on the
 * locked row, so that a change committed in between counts. Services receive it in their
 * constructors like any collaborator; it writes the audit entry through the `ChangeLog` it is given.
 */
export class GuardedWrites {
  constructor(
    private readonly data: DataAccess,
    private readonly log: ChangeLog,
  ) {}

  /**
   * Loads the row `key` names through the caller's `read` scope (`subject.notFound` when it is not
   * visible), checks `action` on it, and in one transaction locks it (`FOR UPDATE`, or `FOR SHARE`
   * where changes may land side by side), checks again, runs `work` and records its change against the row.
   */
  async guardedChange<T extends ScopedRow, P extends keyof T & string, R>(
    caller: Caller,
    subject: GuardedSubject<T, P>,
    key: Pick<T, P>,
    action: Action,
    work: (run: { manager: EntityManager; row: T }) => Promise<Outcome<R>>,
    lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<R> {
    const scoped = this.data.scoped(caller, 'read', subject.name, subject.entity, ALIAS);
    const where = Object.fromEntries(subject.key.map((property) => [property, key[property]]));
    const loaded = await withRelations(scoped, subject.relations).andWhere(where).getOne();
    if (!loaded) {
      await this.log.noteHiddenAttempt(caller, action, subject.name, subject.entity, where as FindOptionsWhere<T>);
      throw subject.notFound(key);
    }
    assertCan(caller, action, subject.name, loaded);
    return this.data.system('change a row the caller may change, under lock').transaction(async (manager) => {
      const metadata = manager.dataSource.getMetadata(subject.entity);
      const primaryKey = metadata.getEntityIdMap(loaded)!;
      const query = withRelations(manager.getRepository(subject.entity).createQueryBuilder(ALIAS), subject.relations).where(primaryKey);
      if (APPEND_ONLY_TABLES.has(metadata.tableName)) {
        const take = lock === 'pessimistic_read' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
        await manager.query(`SELECT ${take}(hashtext('append-only row'), hashtext($1))`, [
          `${metadata.tableName}:${JSON.stringify(primaryKey)}`,
        ]);
      } else {
        query.setLock(lock, undefined, [ALIAS]);
      }
      const row = await query.getOneOrFail();
      // Checked again on the locked row: a change committed since the first read (a kin
      // declaration, a status change) counts.
      assertCan(caller, action, subject.name, row);
      return this.record(manager, caller, subject.name, row, await work({ manager, row }));
    });
  }

  /** Checks `action` on a row about to be written, and in one transaction runs `work` (which saves
   * it) and records the change against the row `work` returns. */
  async guardedCreate<T extends ScopedRow>(
    caller: Caller,
    subject: SubjectName,
    row: T,
    action: Action,
    work: (manager: EntityManager) => Promise<Changed<T>>,
  ): Promise<T> {
    assertCan(caller, action, subject, row);
    return this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const outcome = await work(manager);
      return this.record(manager, caller, subject, outcome.result, outcome);
    });
  }

  private async record<R>(
    manager: EntityManager,
    caller: Caller,
    subject: SubjectName,
    row: ScopedRow,
    { result, change }: Outcome<R>,
  ): Promise<R> {
    if (!change) return result;
    // The row's own id: its primary key without the district, which only places a tenant row.
    const { primaryColumns } = manager.dataSource.getMetadata(row.constructor as EntityTarget<ScopedRow>);
    const [idColumn] = primaryColumns.filter((column) => column.propertyName !== 'districtCode');
    await this.log.recordChange(manager, caller, {
      action: change.action,
      subjectType: subject,
      subjectId: String(idColumn.getEntityValue(row)),
      districtCode: row.districtCode,
      townshipCode: row.townshipCode,
      villageCode: row.villageCode,
      details: change.details,
    });
    return result;
  }
}

function withRelations<T extends ScopedRow>(qb: SelectQueryBuilder<T>, relations: readonly string[] = []): SelectQueryBuilder<T> {
  for (const relation of relations) qb.leftJoinAndSelect(`${ALIAS}.${relation}`, relation);
  return qb;
}
