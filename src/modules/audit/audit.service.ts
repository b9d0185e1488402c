import type { EntityManager } from 'typeorm';
import type { AuditNote, Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { AuditEntry, AuditKind } from './audit-entry.entity';
import type { DataAccess } from '../../db/data-access';

export interface AuditFilter {
  kind?: AuditKind;
  subjectType?: string;
  subjectId?: string;
  actorUsername?: string;
}

/**
 * Writes and reads the append-only audit log. Changes are written inside the transaction that makes
 * them; refusals and personal-data reads are collected per request (the caller's `audit` queue) and
 * written in one statement before the response leaves (a refused change has no transaction to join).
 */
export class AuditService {
  constructor(private readonly data: DataAccess) {}

  /** A change, in the caller's transaction so that it commits or rolls back with the change. */
  async recordChange(manager: EntityManager, caller: Caller, record: Omit<AuditNote, 'kind'>): Promise<void> {
    await manager.insert(AuditEntry, this.row(caller, { ...record, kind: 'CHANGE' }));
  }

  /** Writes what a request queued; called once as the response leaves. */
  async flush(caller: Caller): Promise<void> {
    const notes = caller.audit.drain();
    if (notes.length === 0) return;
    await this.data
      .system('write the audit log')
      .getRepository(AuditEntry)
      .insert(notes.map((note) => this.row(caller, note)));
  }

  list(caller: Caller, filter: AuditFilter, page: PageArgs): Promise<Connection<AuditEntry>> {
    const qb = this.data.scoped(caller, 'read', 'AuditEntry', AuditEntry, 'entry');
    if (filter.kind) qb.andWhere('entry.kind = :kind', { kind: filter.kind });
    if (filter.subjectType) qb.andWhere('entry.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('entry.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.actorUsername) qb.andWhere('entry.actor_username = :actorUsername', { actorUsername: filter.actorUsername });
    return keysetPage(qb, page, { type: 'AuditEntry', sortColumn: 'at' });
  }

  private row(caller: Caller, note: AuditNote): Partial<AuditEntry> {
    return {
      kind: note.kind,
      action: note.action,
      subjectType: note.subjectType,
      subjectId: note.subjectId ?? null,
      field: note.field ?? null,
      districtCode: note.districtCode,
      townshipCode: note.townshipCode ?? null,
      villageCode: note.villageCode ?? null,
      reason: note.reason ?? null,
      details: note.details ?? null,
      actorId: caller.actor?.accountId ?? null,
      actorUsername: caller.actor?.username ?? null,
      requestId: caller.requestId,
    };
  }
}
