import { TenantKey, tenantKeysCondition, tenantKeyValues, whereTenantKeysIn } from '../../db/tenant-keys';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { KeptColumns, propertiesFor } from '../../db/plain-rows';
import { conditionFields } from '../../../permissions/ability';
import { badInput, conflict, notFound, textOrThrow } from '../../errors';
import { Case } from '../case/case.entity';
import { insertCaseEvent } from '../case/case-rows';
import { OPEN_STATUSES } from '../kin/kin.service';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { levelOfCodeOrThrow, RegionLevel, scopeCodesOf } from '../region/region-code';
import { Region } from '../region/region.entity';
import { Household, IncomeStability, LabourCapacity, Person, Relation, Residence } from './household.entity';
import { normaliseIdNumberOrThrow } from './id-number';
import type { KinService } from '../kin/kin.service';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject, unchanged } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { Enrolment, EnrolmentStatus } from '../enrolment/enrolment.entity';
import { bankFieldsForAudit } from '../payee-account/account-change.service';
import { whereEqual } from '../../db/scoped-filters';

export interface NewPerson {
  name: string;
  idNumber: string;
  relation: Relation;
  labourCapacity: LabourCapacity;
  disabled?: boolean;
  disabilityDetail?: string | null;
  healthDetail?: string | null;
}

export interface HouseholdChanges {
  address?: string | null;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  residence?: Residence | null;
  incomeStability?: IncomeStability | null;
}

export interface NewHousehold {
  villageCode: string;
  residence: Residence;
  address: string;
  phone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
  incomeStability?: IncomeStability | null;
  members: NewPerson[];
}

/** Households as their changes find, lock and audit them. */
const HOUSEHOLD = tenantSubject('Household', Household, () => notFound('household.notFound'));

/** The columns every plain row of a household or person holds: its keys and scope, which the field
 * guard and the global id read. A member also holds its household's key, to be grouped by it. */
const ROW_KEYS = ['districtCode', 'id', 'townshipCode', 'villageCode'];
const MEMBER_KEYS = [...ROW_KEYS, 'householdId'];
/** GraphQL fields that are not a column of their own, and the columns they read; any other such
 * field reads every column. */
const HOUSEHOLD_FIELD_NEEDS: Record<string, readonly string[]> = { id: [], members: [], cases: [] };
const PERSON_FIELD_NEEDS: Record<string, readonly string[]> = {
  id: [],
  household: ['householdId'],
  age: ['idNumber'],
  birthDate: ['idNumber'],
  sex: ['idNumber'],
};

/**
 * The columns of a loader's rows for a selection of GraphQL `fields`, with the keys and whatever the
 * caller's rules test a row by (a field guard decides on the row); undefined (every column) without
 * a selection.
 */
function columnsFor<T extends ObjectLiteral>(
  caller: Caller,
  subject: 'Household' | 'Person',
  fields: ReadonlySet<string> | undefined,
  needs: Readonly<Record<string, readonly string[]>>,
  keys: readonly string[],
): KeptColumns<T> | undefined {
  if (!fields) return undefined;
  const always = [...keys, ...conditionFields(caller.ability, 'read', subject)];
  return { shape: [...fields].sort().join(','), properties: (qb) => propertiesFor(qb, fields, needs, always) };
}

export class HouseholdService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly kin: KinService,
  ) {}

  /** Registers a household with its members (P4.1). One head; ID numbers valid and distinct. */
  async create(caller: Caller, input: NewHousehold): Promise<Household> {
    if (levelOfCodeOrThrow(input.villageCode) !== RegionLevel.VILLAGE)
      throw badInput('villageCode', 'region.code.notVillage', { field: 'villageCode' });
    const members = assertMembersValid(input.members);
    const scope = scopeCodesOf(input.villageCode);
    const household = Object.assign(new Household(), {
      districtCode: scope.districtCode,
      townshipCode: scope.townshipCode!,
      villageCode: input.villageCode,
      residence: input.residence,
      address: input.address.trim(),
      phone: input.phone?.trim() || null,
      bankName: input.bankName?.trim() || null,
      bankAccount: input.bankAccount?.replace(/\s+/g, '') || null,
      headName: members.find((m) => m.relation === Relation.HEAD)!.name,
      memberCount: members.length,
      hasMemberAbleToWork: members.some((m) => m.labourCapacity === LabourCapacity.FULL),
      incomeStability: input.incomeStability ?? null,
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'Household', household, 'create', async (manager) => {
      if (!(await manager.existsBy(Region, { code: input.villageCode })))
        throw badInput('villageCode', 'region.village.unknown', { code: input.villageCode });
      const saved = await manager.save(household);
      saved.members = await manager.save(
        members.map((m) =>
          Object.assign(new Person(), {
            ...m,
            districtCode: saved.districtCode,
            townshipCode: saved.townshipCode,
            villageCode: saved.villageCode,
            householdId: saved.id,
          }),
        ),
      );
      return changed(saved, 'create', { members: saved.members.length });
    });
  }

  /** Corrects a household's contact, payment or residence data (P4.1, P4.2). */
  async update(caller: Caller, key: TenantKey, changes: HouseholdChanges): Promise<Household> {
    return this.writes.guardedChange(caller, HOUSEHOLD, key, 'update', async ({ manager, row: household }) => {
      const applied: Partial<Household> = {};
      if (changes.address !== undefined && changes.address !== null) applied.address = textOrThrow(changes.address, 'address', 200);
      if (changes.phone !== undefined) applied.phone = changes.phone?.trim() || null;
      if (changes.bankName !== undefined) applied.bankName = changes.bankName?.trim() || null;
      if (changes.bankAccount !== undefined) applied.bankAccount = changes.bankAccount?.replace(/\s+/g, '') || null;
      if (changes.residence && changes.residence !== household.residence) applied.residence = changes.residence;
      if (changes.incomeStability && changes.incomeStability !== household.incomeStability)
        applied.incomeStability = changes.incomeStability;
      if (Object.keys(applied).length === 0) return unchanged(household);
      const bankChanged =
        (applied.bankAccount !== undefined && applied.bankAccount !== household.bankAccount) ||
        (applied.bankName !== undefined && applied.bankName !== household.bankName);
      // An enrolled payee's account changes only when a second account confirms it (D§10, D§14):
      // through proposeBankAccountChange, never by a plain correction.
      if (
        bankChanged &&
        (await manager.existsBy(Enrolment, { districtCode: key.districtCode, householdId: key.id, status: EnrolmentStatus.ACTIVE }))
      ) {
        throw badInput(applied.bankAccount !== undefined ? 'bankAccount' : 'bankName', 'household.bankAccount.secondAccountNeeded');
      }
      // The standard an open case is accounted against, and the poverty office's scope of an
      // enrolment, follow residence: change it only between procedures.
      if (applied.residence && (await this.hasOpenCase(manager, key))) {
        throw conflict('household.residence.caseInProgress');
      }
      await manager.update(Household, { districtCode: key.districtCode, id: key.id }, applied);
      if (applied.residence) await this.syncEnrolments(manager, key);
      const updated = await manager.findOneByOrFail(Household, { districtCode: key.districtCode, id: key.id });
      // Money fields are audited with their values, the account masked (issue 10 item 4).
      const bank = bankChanged ? { before: bankFieldsForAudit(household), after: bankFieldsForAudit(updated) } : {};
      return changed(updated, 'updateHousehold', { fields: Object.keys(applied), ...bank });
    });
  }

  /** Adds a member (a birth, a marriage …); counts, flags and open cases' kin checks follow. */
  async addMember(caller: Caller, key: TenantKey, member: NewPerson): Promise<Person> {
    return this.writes.guardedChange(caller, HOUSEHOLD, key, 'update', async ({ manager, row: household }) => {
      if (member.relation === Relation.HEAD) throw badInput('member.relation', 'household.member.secondHead');
      const valid = normaliseMemberOrThrow(member, 'member');
      if (await manager.existsBy(Person, { districtCode: key.districtCode, householdId: key.id, idNumber: valid.idNumber })) {
        throw badInput('member.idNumber', 'household.member.duplicateIdNumber');
      }
      const saved = await manager.save(
        Object.assign(new Person(), {
          ...valid,
          districtCode: household.districtCode,
          townshipCode: household.townshipCode,
          villageCode: household.villageCode,
          householdId: household.id,
        }),
      );
      await this.afterMembersChanged(manager, caller, key);
      return changed(saved, 'addMember', { personId: saved.id });
    });
  }

  /** Removes a member other than the head (a death, a move away). */
  async removeMember(caller: Caller, personKey: TenantKey): Promise<Household> {
    const [person] = await this.findPersonsByKeys(caller, [personKey]);
    if (!person) throw notFound('person.notFound');
    const key = { districtCode: person.districtCode, id: person.householdId };
    return this.writes.guardedChange(caller, HOUSEHOLD, key, 'update', async ({ manager }) => {
      if (person.relation === Relation.HEAD) throw badInput('personId', 'household.head.cannotRemove');
      await manager.delete(Person, { districtCode: person.districtCode, id: person.id });
      await this.afterMembersChanged(manager, caller, key);
      const updated = await manager.findOneByOrFail(Household, { districtCode: key.districtCode, id: key.id });
      return changed(updated, 'removeMember', { personId: person.id });
    });
  }

  private async hasOpenCase(manager: EntityManager, key: TenantKey): Promise<boolean> {
    return manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.district_code = :d AND c.household_id = :id AND c.status IN (:...open)', {
        d: key.districtCode,
        id: key.id,
        open: OPEN_STATUSES,
      })
      .getExists();
  }

  /**
   * Member count and "able to work" are kept with the household and its active enrolments (the
   * poverty office's scope is an equality on them), and the open cases are checked again for kin
   * and duplicates (P6.3, D§5): a relative added mid-procedure is caught like one present from the start.
   */
  private async afterMembersChanged(manager: EntityManager, caller: Caller, key: TenantKey): Promise<void> {
    await manager.query(
      `UPDATE households h SET member_count = m.n, has_member_able_to_work = m.able
       FROM (SELECT count(*)::int AS n, coalesce(bool_or(labour_capacity = 'FULL'), false) AS able FROM persons
             WHERE district_code = $1 AND household_id = $2) m
       WHERE h.district_code = $1 AND h.id = $2`,
      [key.districtCode, key.id],
    );
    await this.syncEnrolments(manager, key);
    const open = await manager
      .getRepository(Case)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.district_code = :d AND c.household_id = :id AND c.status IN (:...open)', {
        d: key.districtCode,
        id: key.id,
        open: OPEN_STATUSES,
      })
      .getMany();
    for (const c of open) {
      const kinBefore = c.kinStaffIds.length;
      await this.kin.flagCase(manager, c);
      await manager.save(c);
      await insertCaseEvent(manager, caller, c, {
        from: c.status,
        action: 'householdChanged',
        note:
          c.kinStaffIds.length > kinBefore
            ? 'A member added to the household is declared close kin of staff (P6.3).'
            : 'Household members changed.',
      });
    }
  }

  private async syncEnrolments(manager: EntityManager, key: TenantKey): Promise<void> {
    await manager.query(
      `UPDATE enrolments e SET residence = h.residence, has_member_able_to_work = h.has_member_able_to_work
       FROM households h WHERE h.district_code = $1 AND h.id = $2 AND e.district_code = h.district_code AND e.household_id = h.id AND e.status = 'ACTIVE'`,
      [key.districtCode, key.id],
    );
  }

  /** Households the caller may read; `search` matches the head's or any member's name. */
  list(caller: Caller, filter: { villageCode?: string; search?: string }, page: PageArgs): Promise<Connection<Household>> {
    const qb = this.data.scoped(caller, 'read', 'Household', Household, 'household');
    whereEqual(qb, { village_code: filter.villageCode });
    if (filter.search) {
      const search = `%${escapeLike(filter.search)}%`;
      // Members are searched through the caller's own Person scope: a role that may not read
      // members must not learn who belongs to a household by searching.
      const members = this.data.scopedSql(caller, 'read', 'Person', Person, 'p', (persons) =>
        persons
          .select('1')
          .andWhere('p.district_code = household.district_code AND p.household_id = household.id AND p.name ILIKE :search'),
      );
      qb.andWhere(`(household.head_name ILIKE :search OR EXISTS (${members.sql}))`, { ...members.params, search });
    }
    return keysetPage(qb, page, { type: 'Household', sortColumn: 'created_at' });
  }

  /** Households by key, as plain rows of the columns `fields` (GraphQL fields of Household) need; all without. */
  findByKeys(caller: Caller, keys: readonly TenantKey[], fields?: ReadonlySet<string>): Promise<Household[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.data.scopedRows(
      caller,
      'read',
      'Household',
      Household,
      'household',
      'by tenant keys',
      (qb) => qb.andWhere(tenantKeysCondition('household', 'id')),
      tenantKeyValues(keys),
      columnsFor(caller, 'Household', fields, HOUSEHOLD_FIELD_NEEDS, ROW_KEYS),
    );
  }

  async findOrThrow(caller: Caller, key: TenantKey): Promise<Household> {
    const [household] = await this.findByKeys(caller, [key]);
    if (!household) throw notFound('household.notFound');
    return household;
  }

  /** Members of several households in one scoped query, as plain rows (read for lists, never saved) of
   * the columns `fields` (GraphQL fields of Person) need; all without. */
  membersOf(caller: Caller, keys: readonly TenantKey[], fields?: ReadonlySet<string>): Promise<Person[]> {
    return this.data.scopedRows(
      caller,
      'read',
      'Person',
      Person,
      'person',
      'members by household keys',
      (qb) => qb.andWhere(tenantKeysCondition('person', 'household_id')).orderBy('person.created_at').addOrderBy('person.id'),
      tenantKeyValues(keys),
      columnsFor(caller, 'Person', fields, PERSON_FIELD_NEEDS, MEMBER_KEYS),
    );
  }

  findPersonsByKeys(caller: Caller, keys: readonly TenantKey[]): Promise<Person[]> {
    const qb = whereTenantKeysIn(this.data.scoped(caller, 'read', 'Person', Person, 'person'), 'id', keys);
    return qb.getMany();
  }
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function assertMembersValid(members: NewPerson[]): NewPerson[] {
  if (members.length === 0) throw badInput('members', 'household.members.empty');
  const heads = members.filter((m) => m.relation === Relation.HEAD).length;
  if (heads !== 1) throw badInput('members', 'household.members.headCount', { count: heads });
  const normalised = members.map((m, i) => normaliseMemberOrThrow(m, `members.${i}`));
  const ids = new Set(normalised.map((m) => m.idNumber));
  if (ids.size !== normalised.length) throw badInput('members', 'household.members.duplicateIdNumber');
  return normalised;
}

function normaliseMemberOrThrow(member: NewPerson, field: string): NewPerson {
  return {
    ...member,
    name: textOrThrow(member.name, `${field}.name`, 50),
    idNumber: normaliseIdNumberOrThrow(member.idNumber, `${field}.idNumber`),
  };
}
