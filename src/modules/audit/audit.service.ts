import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { AuditNote, Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { AuditEntry, AuditKind } from './audit-entry.entity';
import type { DataAccess } from '../../db/data-access';
import type { Logger } from '../../logger';
import { assertCan } from '../../auth/authorize';
import { tenantGlobalId } from '../../graphql/node';
import { parseTenantKey } from '../../db/tenant-keys';
import { message, render } from '../../i18n/message';
import { whereEqual } from '../../db/scoped-filters';

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

/** Rows per INSERT of a flush: about 13 bound values each, well under PostgreSQL's 65,535 bind parameters. */
const FLUSH_CHUNK_ROWS = 1000;

/** Text as a column of `length` holds it: without NUL (which PostgreSQL text and jsonb refuse). */
function clean(value: string | null | undefined, length?: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replaceAll('\u0000', '\uFFFD');
  return length === undefined ? text : text.slice(0, length);
}

/** A JSON value with every string `clean`. */
function cleanJson(value: unknown): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map(cleanJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), cleanJson(v)]));
  return value;
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
  constructor(
    private readonly data: DataAccess,
    private readonly logger: Logger,
  ) {}

  /** A change, in the caller's transaction so that it commits or rolls back with the change. */
  async recordChange(manager: EntityManager, caller: Caller, record: Omit<AuditNote, 'kind'>): Promise<void> {
    await manager.insert(AuditEntry, this.row(caller, { ...record, kind: 'CHANGE' }));
  }

  /**
   * Writes what a request queued; called once as the response leaves. In chunks, so that no number
   * of personal fields read overflows PostgreSQL's bind parameters; never throws, so that the answer
   * is not turned into a 500: a chunk that fails is written row by row, and a row that still fails
   * is written as a placeholder naming what it was, so that a refusal is never lost without a trace.
   */
  async flush(caller: Caller): Promise<void> {
    const rows = caller.audit.drain().map((note) => this.row(caller, note));
    const log = this.data.system('write the audit log').getRepository(AuditEntry);
    for (let start = 0; start < rows.length; start += FLUSH_CHUNK_ROWS) {
      const chunk = rows.slice(start, start + FLUSH_CHUNK_ROWS);
      try {
        await log.insert(chunk);
      } catch {
        for (const row of chunk) {
          try {
            await log.insert(row);
          } catch (error) {
            this.logger.error(
              { err: error, requestId: caller.requestId, kind: row.kind, action: row.action },
              'audit entry not written as queued',
            );
            await log
              .insert({
                ...row,
                subjectId: null,
                field: null,
                reason: 'The entry as queued could not be written; see the service log.',
                details: null,
              })
              .catch((fallback: unknown) => this.logger.error({ err: fallback, requestId: caller.requestId }, 'audit entry lost'));
          }
        }
      }
    }
  }

  /**
   * An attempt on a row that exists but lies outside the caller's scope is answered NOT_FOUND, as an
   * absent row is, so that the answer does not tell which ids exist; the log still records it as a
   * denied attempt, against the row's own district, where that district's auditors see it.
   */
  async noteHiddenAttempt<T extends ObjectLiteral>(
    caller: Caller,
    action: string,
    subjectType: string,
    entity: EntityTarget<T>,
    where: FindOptionsWhere<T>,
  ): Promise<void> {
    const row = await this.data.system('notice an attempt on a row outside the caller’s scope').getRepository(entity).findOne({ where });
    if (!row || typeof row.districtCode !== 'string') return;
    caller.audit.queue({
      kind: 'DENIED',
      action,
      subjectType,
      subjectId: typeof row.id === 'string' ? row.id : null,
      districtCode: row.districtCode,
      townshipCode: (row.townshipCode as string | undefined) ?? null,
      villageCode: (row.villageCode as string | undefined) ?? null,
      reason: render(message('audit.hiddenAsNotFound'), 'en'),
      details: { answered: 'NOT_FOUND' },
    });
  }

  /** `noteHiddenAttempt` for `node(id)`: a tenant row of the type a global ID names. */
  async noteHiddenNode(caller: Caller, type: string, key: string): Promise<void> {
    const tenantKey = parseTenantKey(key);
    // A committee is served as CommitteeView; every other tenant entity is named as its GraphQL type.
    const entity = type === 'CommitteeView' ? 'Committee' : type;
    if (!tenantKey || !this.data.system('notice an attempt on a row outside the caller’s scope').hasMetadata(entity)) return;
    await this.noteHiddenAttempt(caller, 'read', entity, entity, { districtCode: tenantKey.districtCode, id: tenantKey.id });
  }

  list(caller: Caller, filter: AuditFilter, page: PageArgs): Promise<Connection<AuditEntry>> {
    const qb = this.data.scoped(caller, 'read', 'AuditEntry', AuditEntry, 'entry');
    whereEqual(qb, {
      kind: filter.kind,
      subject_type: filter.subjectType,
      subject_id: filter.subjectId,
      actor_username: filter.actorUsername,
    });
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
    // Each row beside its predecessor by position, in one ordered pass over the district's rows (a
    // lookup per row would be scanned whole behind the district wall: `seq - 1` is no leakproof
    // expression, so it cannot be an index condition under row-level security). A row whose predecessor
    // is missing compares its recorded previous hash with NULL and is named.
    const linked = this.data.scopedSql(caller, 'verify', 'AuditEntry', AuditEntry, 'linked', (qb) =>
      qb
        .select('linked.seq', 'seq')
        .addSelect(
          'CASE WHEN lag(linked.seq) OVER (ORDER BY linked.seq) = linked.seq - 1 THEN lag(linked.hash) OVER (ORDER BY linked.seq) END',
          'previous_hash',
        )
        .andWhere('linked.district_code = :linkedDistrictCode', { linkedDistrictCode: districtCode }),
    );
    const broken = await district()
      .innerJoin(`(${linked.sql})`, 'linked', 'linked.seq = entry.seq')
      .setParameters({ ...linked.params, districtCode })
      .select('entry.seq', 'position')
      .addSelect('entry.id', 'id')
      .addSelect(`CASE WHEN entry.hash IS DISTINCT FROM audit_row_hash(entry) THEN 'CONTENT_CHANGED' ELSE 'LINK_BROKEN' END`, 'problem')
      .andWhere('(entry.hash IS DISTINCT FROM audit_row_hash(entry) OR entry.prev_hash IS DISTINCT FROM linked.previous_hash)')
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
    // Under "view as" the person who looked is the actor; the account whose view it was is named in the details.
    const viewer = caller.viewer;
    // Every value fitted to its column: a note carries text that came from a request (a field name,
    // an id, an operation's arguments), and one bad value must not fail the whole flush.
    return {
      kind: note.kind,
      action: clean(note.action, 40)!,
      subjectType: clean(note.subjectType, 40)!,
      subjectId: clean(note.subjectId, 64),
      field: clean(note.field, 40),
      districtCode: clean(note.districtCode, 12)!,
      townshipCode: clean(note.townshipCode, 12),
      villageCode: clean(note.villageCode, 12),
      reason: clean(note.reason),
      details:
        (cleanJson(viewer ? { ...note.details, viewedAs: caller.actor!.username } : note.details) as object | null | undefined) ?? null,
      actorId: viewer?.accountId ?? caller.actor?.accountId ?? null,
      actorUsername: viewer?.username ?? caller.actor?.username ?? null,
      requestId: caller.requestId,
    };
  }
}
