import type { DataSource, EntityManager } from 'typeorm';
import { scopeQuery } from '../../../permissions/sql';
import type { RequestContext } from '../../graphql/context';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { AuditEntry, AuditKind } from './audit-entry.entity';

export interface AuditRecord {
  kind: AuditKind;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  field?: string | null;
  districtCode: string;
  townshipCode?: string | null;
  villageCode?: string | null;
  reason?: string | null;
  details?: object | null;
}

export interface AuditFilter {
  kind?: AuditKind;
  subjectType?: string;
  subjectId?: string;
  actorUsername?: string;
}

/**
 * Writes and reads the append-only audit log. Changes are written inside the transaction that makes
 * them; refusals and personal-data reads are collected per request and written in one statement
 * before the response leaves (a refused change has no transaction to join).
 */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** A change, in the caller's transaction so that it commits or rolls back with the change. */
  async recordChange(manager: EntityManager, ctx: RequestContext, record: Omit<AuditRecord, 'kind'>): Promise<void> {
    await manager.insert(AuditEntry, this.row(ctx, { ...record, kind: AuditKind.CHANGE }));
  }

  /** Queued until the end of the request; see `flush`. */
  queue(ctx: RequestContext, record: AuditRecord): void {
    ctx.pendingAudit.set(`${ctx.pendingAudit.size}`, this.row(ctx, record));
  }

  /** Queues a record unless the same one is already queued in this request (a list may read the
   * same field of the same row through several paths). */
  queueOnce(ctx: RequestContext, record: AuditRecord): void {
    const key = `${record.kind}:${record.subjectType}:${record.subjectId}:${record.field}`;
    if (!ctx.pendingAudit.has(key)) ctx.pendingAudit.set(key, this.row(ctx, record));
  }

  async flush(ctx: RequestContext): Promise<void> {
    if (ctx.pendingAudit.size === 0) return;
    const rows = [...ctx.pendingAudit.values()];
    ctx.pendingAudit.clear();
    await this.dataSource.getRepository(AuditEntry).insert(rows);
  }

  list(ctx: RequestContext, filter: AuditFilter, page: PageArgs): Promise<Connection<AuditEntry>> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    if (filter.kind) qb.andWhere('entry.kind = :kind', { kind: filter.kind });
    if (filter.subjectType) qb.andWhere('entry.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter.subjectId) qb.andWhere('entry.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.actorUsername) qb.andWhere('entry.actor_username = :actorUsername', { actorUsername: filter.actorUsername });
    return keysetPage(scopeQuery(qb, ctx.ability, 'read', 'AuditEntry'), page, { type: 'AuditEntry', sortColumn: 'at' });
  }

  private row(ctx: RequestContext, record: AuditRecord): Partial<AuditEntry> {
    return {
      kind: record.kind,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId ?? null,
      field: record.field ?? null,
      districtCode: record.districtCode,
      townshipCode: record.townshipCode ?? null,
      villageCode: record.villageCode ?? null,
      reason: record.reason ?? null,
      details: record.details ?? null,
      actorId: ctx.actor?.accountId ?? null,
      actorUsername: ctx.actor?.username ?? null,
      requestId: ctx.requestId,
    };
  }
}
