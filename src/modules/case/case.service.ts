import { TenantKey, whereTenantKeysIn } from '../../db/tenant-keys';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { badInput, conflict, notFound } from '../../errors';
import { decisionDueAtFor } from './deadlines';
import type { Caller } from '../../auth/caller';
import { escapeLike } from '../household/household.service';
import { SpotCheckPoolEntry } from '../oversight/spot-check-draw.entity';
import { Person } from '../household/household.entity';
import { Case, CaseEvent, CaseStatus, Channel, DecisionAuthority, Programme } from './case.entity';
import { insertCaseEvent } from './case-rows';
import { Delegation } from '../delegation/delegation.entity';
import { Connection, keptKeysetPage, keysetPage, PageArgs } from '../../graphql/connection';
import { propertiesFor } from '../../db/plain-rows';
import type { KinService } from '../kin/kin.service';
import type { HouseholdService } from '../household/household.service';
import type { SettingsService } from '../settings/settings.service';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';

export interface NewApplication {
  programme: Programme;
  channel: Channel;
  note?: string;
  cause?: string | null;
  causeCategory?: string | null;
  emergency?: boolean;
  special?: boolean;
  newGrounds?: boolean;
}

export interface CaseFilter {
  overdue?: boolean;
  spotCheckDue?: boolean;
  programme?: Programme;
  status?: CaseStatus[];
  villageCode?: string;
  townshipCode?: string;
  kinRegistered?: boolean;
  search?: string;
}

/** Cases as workflow steps and a committee member's vote find, lock and audit them. */
export const CASE = tenantSubject('Case', Case, () => notFound('case.notFound'));

/** What a page of cases always reads: the key and the scope columns the policy decides on. */
const CASE_KEYS = ['districtCode', 'id', 'townshipCode', 'villageCode'];
/** Fields of Case that are not a column of their own, and the columns they read; any other such
 * field reads every column. */
const CASE_FIELD_NEEDS: Record<string, readonly string[]> = {
  id: [],
  household: ['householdId'],
  incomeAccounting: ['incomeAccountingId'],
  repeatOf: ['repeatOfId'],
  newGroundsRecordedBy: ['newGroundsRecordedById'],
  newGroundsConfirmedBy: ['newGroundsConfirmedById'],
};

export class CaseService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
    private readonly households: HouseholdService,
    private readonly kin: KinService,
  ) {}

  /** An application by or for a household (P4.1): the case starts SUBMITTED with its first event. */
  async submit(caller: Caller, householdKey: TenantKey, input: NewApplication): Promise<Case> {
    const { programme, channel, note } = input;
    const household = await this.households.findOrThrow(caller, householdKey);
    const cause = input.cause?.trim() || null;
    const causeCategory = input.causeCategory?.trim() || null;
    if (programme === Programme.LINSHI && !cause) throw badInput('cause', 'case.application.causeRequired');
    if (programme !== Programme.LINSHI && (cause || input.emergency)) throw badInput('cause', 'case.application.linshiOnly');
    if (programme !== Programme.LINSHI && causeCategory) throw badInput('causeCategory', 'case.application.linshiOnly');
    // D§6: a cause is a category from the district's list plus free text, so rewording does not evade the repeat rule.
    if (programme === Programme.LINSHI) {
      if (!causeCategory) throw badInput('causeCategory', 'case.application.causeCategoryRequired');
      await this.settings.causeCategoryOrThrow(household.districtCode, causeCategory, 'causeCategory');
    }
    const calendar = await this.settings.calendarOf(household.districtCode);
    const now = new Date();
    const draft = Object.assign(new Case(), {
      districtCode: household.districtCode,
      townshipCode: household.townshipCode,
      villageCode: household.villageCode,
      householdId: household.id,
      programme,
      channel,
      status: CaseStatus.SUBMITTED,
      applicantName: household.headName,
      residence: household.residence,
      cause,
      causeCategory,
      emergency: Boolean(input.emergency),
      special: Boolean(input.special),
      kinRegistered: false,
      createdById: caller.actor!.accountId,
      statusSince: now,
      decisionDueAt: decisionDueAtFor(now, Boolean(input.special), calendar),
    });
    return this.writes.guardedCreate(caller, 'Case', draft, 'submit', async (manager) => {
      if (programme === Programme.LINSHI) {
        const earlier = await this.earlierGrantFor(manager, draft, calendar.settings.linshiRepeatWindowMonths);
        // Claimed on new grounds, the repeat is taken but waits for the township to record the grounds
        // and a second account to confirm them before it can be decided or paid (D§6).
        if (earlier && !input.newGrounds) {
          throw conflict('case.application.repeatedCause', {
            date: earlier.statusSince.toISOString().slice(0, 10),
            months: calendar.settings.linshiRepeatWindowMonths,
          }).with({ earlierCaseId: earlier.nodeId });
        }
        draft.repeatOfId = earlier?.id ?? null;
      }
      const saved = await manager.save(draft);
      // Flagged from the start, so that an emergency payment straight from SUBMITTED is covered too.
      await this.kin.flagCase(manager, saved);
      await manager.save(saved);
      await insertCaseEvent(manager, caller, saved, {
        from: null,
        action: 'submit',
        note: note ?? (input.newGrounds ? 'Same cause again, on new grounds.' : null),
      });
      return changed(saved, 'submit', { programme, channel });
    });
  }

  /** D§6: an earlier grant to the household for the same cause category within the window. Cases from
   * before categories existed are compared by their wording, as they were then. */
  private earlierGrantFor(manager: EntityManager, draft: Case, windowMonths: number): Promise<Case | null> {
    return manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.district_code = :d AND c.household_id = :h AND c.programme = :p', {
        d: draft.districtCode,
        h: draft.householdId,
        p: Programme.LINSHI,
      })
      .andWhere('(c.cause_category = :category OR (c.cause_category IS NULL AND lower(c.cause) = lower(:cause)))', {
        category: draft.causeCategory,
        cause: draft.cause,
      })
      .andWhere('c.status IN (:...granted)', { granted: [CaseStatus.APPROVED, CaseStatus.PAID, CaseStatus.EMERGENCY_PAID] })
      .andWhere(`c.status_since > now() - make_interval(months => :months)`, { months: windowMonths })
      .orderBy('c.status_since', 'DESC')
      .getOne();
  }

  /** A page of the cases the caller may read, with the total under the same filter and scope; with
   * `fields` (the GraphQL fields asked of each case) only the columns those need are read. The
   * statements' text is kept per ability and shape (`keptKeysetPage`): each filter adds the same
   * text whatever its value, its values bound by name (the statuses one name each, counted in the shape). */
  async page(caller: Caller, filter: CaseFilter, page: PageArgs, fields?: ReadonlySet<string>): Promise<Connection<Case>> {
    const statuses = [...new Set(filter.status ?? [])];
    const values: Record<string, unknown> = {};
    statuses.forEach((status, i) => (values[`status${i}`] = status));
    if (filter.programme) values.programme = filter.programme;
    if (filter.villageCode) values.villageCode = filter.villageCode;
    if (filter.townshipCode) values.townshipCode = filter.townshipCode;
    if (filter.kinRegistered !== undefined) values.kin = filter.kinRegistered;
    if (filter.overdue !== undefined) values.overdue = filter.overdue;
    if (filter.search) values.search = `%${escapeLike(filter.search)}%`;
    const filterOf = (qb: SelectQueryBuilder<Case>): SelectQueryBuilder<Case> => {
      if ('programme' in values) qb.andWhere('c.programme = :programme');
      if (statuses.length) qb.andWhere(`c.status IN (${statuses.map((_, i) => `:status${i}`).join(', ')})`);
      if ('villageCode' in values) qb.andWhere('c.village_code = :villageCode');
      if ('townshipCode' in values) qb.andWhere('c.township_code = :townshipCode');
      if ('kin' in values) qb.andWhere('c.kin_registered = :kin');
      if (filter.spotCheckDue !== undefined) {
        // P4.3, D§3: a filed case is due for a spot check when it is kin-registered or complained about,
        // or when a district draw sampled this filing of it. The draws are read through the caller's own
        // scope: a township, which may not read them, learns nothing of the sample from this filter.
        const sampled = this.data.scopedSql(caller, 'read', 'SpotCheckDraw', SpotCheckPoolEntry, 's', (entries) =>
          entries
            .select('1')
            .andWhere(
              "s.district_code = c.district_code AND s.case_id = c.id AND s.sampled AND s.filed_at = date_trunc('milliseconds', c.status_since)",
            ),
        );
        const due = `(c.status = 'FILED' AND (c.kin_registered OR c.complained_about OR EXISTS (${sampled.sql})))`;
        qb.andWhere(filter.spotCheckDue ? due : `NOT ${due}`, sampled.params);
      }
      if ('overdue' in values) qb.andWhere(`(COALESCE(c.due_at < now(), false) OR COALESCE(c.decision_due_at < now(), false)) = :overdue`);
      if ('search' in values) {
        // Members are searched through the caller's own Person scope: a role that may not read
        // members must not learn who belongs to a household by searching.
        const members = this.data.scopedSql(caller, 'read', 'Person', Person, 'p', (persons) =>
          persons.select('1').andWhere('p.district_code = c.district_code AND p.household_id = c.household_id AND p.name ILIKE :search'),
        );
        qb.andWhere(`(c.applicant_name ILIKE :search OR EXISTS (${members.sql}))`, members.params);
      }
      return qb;
    };
    const shape = [...Object.keys(values).sort(), `spotCheckDue=${filter.spotCheckDue}`].join(',');
    return keptKeysetPage(
      {
        run: (statement, prepare, bound) => this.data.scopedKept(caller, 'read', 'Case', Case, 'c', statement, prepare, bound),
        shape,
        filter: filterOf,
        values,
      },
      page,
      { type: 'Case', sortColumn: 'created_at' },
      fields && { shape: [...fields].sort().join(','), properties: (qb) => propertiesFor(qb, fields, CASE_FIELD_NEEDS, CASE_KEYS) },
    );
  }

  /**
   * The historical check of D§13: decided cases whose decision did not have the authority of its
   * date, as the delegation records stood when it was made (a grant or revocation recorded later
   * with an earlier date changes nothing about it). Flagged are a township's decision (DELEGATION)
   * with no grant for the case's township and programme in force that day among those it could
   * cite, a district's decision (DISTRICT) while one was, and a decision with no authority recorded.
   * Newest decision first.
   */
  decisionsWithoutAuthority(caller: Caller, page: PageArgs): Promise<Connection<Case>> {
    // The decision's day, as the delegations in force are counted (in UTC, `today()`).
    const day = "(c.decided_at AT TIME ZONE 'UTC')::date";
    const revoked = this.data.scopedSql(caller, 'read', 'Delegation', Delegation, 'r', (revocations) =>
      revocations
        .select('1')
        .andWhere("r.district_code = g.district_code AND r.kind = 'REVOCATION' AND r.revokes_id = g.id")
        .andWhere(`r.created_at <= c.decided_at AND r.effective_from <= ${day}`),
    );
    const inForce = (andThen: string) =>
      this.data.scopedSql(caller, 'read', 'Delegation', Delegation, 'g', (grants) =>
        grants
          .select('1')
          .andWhere("g.district_code = c.district_code AND g.kind = 'GRANT' AND g.township_code = c.township_code")
          .andWhere('g.programme = c.programme AND g.created_at <= c.decided_at')
          .andWhere(`g.effective_from <= ${day} AND (g.effective_until IS NULL OR g.effective_until >= ${day})`)
          .andWhere(`NOT EXISTS (${revoked.sql})`, revoked.params)
          .andWhere(andThen),
      );
    const cited = inForce('g.id = c.decided_under_id');
    const any = inForce('TRUE');
    const qb = this.data
      .scoped(caller, 'supervise', 'Case', Case, 'c')
      .andWhere('c.decided_at IS NOT NULL')
      .andWhere(
        `(c.decision_authority IS NULL
          OR (c.decision_authority = :delegation AND NOT EXISTS (${cited.sql}))
          OR (c.decision_authority = :district AND EXISTS (${any.sql})))`,
        { ...cited.params, ...any.params, delegation: DecisionAuthority.DELEGATION, district: DecisionAuthority.DISTRICT },
      );
    return keysetPage(qb, page, { type: 'DecisionWithoutAuthority', sortColumn: 'decided_at' });
  }

  findByKeys(caller: Caller, keys: readonly TenantKey[]): Promise<Case[]> {
    const qb = whereTenantKeysIn(this.data.scoped(caller, 'read', 'Case', Case, 'c'), 'id', keys);
    return qb.getMany();
  }

  async findOrThrow(caller: Caller, key: TenantKey): Promise<Case> {
    const [found] = await this.findByKeys(caller, [key]);
    if (!found) throw notFound('case.notFound');
    return found;
  }

  /** Events of several cases in one scoped query, oldest first. */
  eventsOf(caller: Caller, keys: readonly TenantKey[]): Promise<CaseEvent[]> {
    const qb = whereTenantKeysIn(this.data.scoped(caller, 'read', 'CaseRecord', CaseEvent, 'e'), 'case_id', keys);
    return qb.orderBy('e.at').addOrderBy('e.id').getMany();
  }

  /** Cases of several households in one scoped query, newest first. */
  casesOfHouseholds(caller: Caller, keys: readonly TenantKey[]): Promise<Case[]> {
    const qb = whereTenantKeysIn(this.data.scoped(caller, 'read', 'Case', Case, 'c'), 'household_id', keys);
    return qb.orderBy('c.created_at', 'DESC').getMany();
  }
}
