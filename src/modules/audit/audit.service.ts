import type { EntityManager } from 'typeorm';
import type { AuditNote, Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { AuditEntry, AuditKind } from './audit-entry.entity';
import type { DataAccess } from '../../db/data-access';
import { assertCan } from '../../auth/authorize';
import { tenantGlobalId } from '../../graphql/node';

/** The first row of a district's chain that does not hold, and how. */
export interface AuditChainBreak {
  position: number;
  entryId: string;
  problem: AuditChainProblem;
}

export type AuditChainProblem = 'CONTENT_CHANGED' | 'LINK_BROKEN';

export interface AuditChainCheck {
  districtCode: string;
  ok: boolean;
  entriesChecked: number;
  firstBrokenLink: AuditChainBreak | null;
}

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

  /**
   * Recomputes a district's hash chain (D§12): each row's hash over its content and the previous
   * row's hash, as the insert trigger computed it. The first row whose content no longer matches its
   * hash, or whose recorded previous hash is not the hash of the row before it (a row edited, removed
   * or inserted out of turn), is the broken link. Removing the newest rows leaves no trace in the
   * chain itself; their absence shows only against a copy of the newest hash kept elsewhere.
   */
  async verifyChain(caller: Caller, districtCode: string): Promise<AuditChainCheck> {
    assertCan(caller, 'verify', 'AuditEntry', { districtCode });
    const district = () =>
      this.data
        .scoped(caller, 'verify', 'AuditEntry', AuditEntry, 'entry')
        .andWhere('entry.district_code = :districtCode', { districtCode });
    const entriesChecked = await district().getCount();
    // The previous row by position, read by the (district_code, seq) index: a row whose predecessor
    // is missing compares its recorded previous hash with NULL and is named.
    const previousHash =
      '(SELECT previous.hash FROM audit_log previous WHERE previous.district_code = entry.district_code AND previous.seq = entry.seq - 1)';
    const broken = await district()
      .select('entry.seq', 'position')
      .addSelect('entry.id', 'id')
      .addSelect(`CASE WHEN entry.hash IS DISTINCT FROM audit_row_hash(entry) THEN 'CONTENT_CHANGED' ELSE 'LINK_BROKEN' END`, 'problem')
      .andWhere(`(entry.hash IS DISTINCT FROM audit_row_hash(entry) OR entry.prev_hash IS DISTINCT FROM ${previousHash})`)
      .orderBy('entry.seq', 'ASC')
      .limit(1)
      .getRawOne<{ position: string; id: string; problem: AuditChainProblem }>();
    return {
      districtCode,
      ok: !broken,
      entriesChecked,
      firstBrokenLink: broken
        ? {
            position: Number(broken.position),
            entryId: tenantGlobalId('AuditEntry', { districtCode, id: broken.id }),
            problem: broken.problem,
          }
        : null,
    };
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
