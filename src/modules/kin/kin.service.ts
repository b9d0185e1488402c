import { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { Person } from '../household/household.entity';
import { maskIdNumber, normaliseIdNumberOrThrow } from '../household/id-number';
import { Case, CaseEvent, CaseStatus, Programme } from '../case/case.entity';
import { message, Message } from '../../i18n/message';
import { KinDeclaration, KinRelation } from './kin-declaration.entity';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { conflict, notFound } from '../../errors';
import type { GuardedWrites } from '../../db/guarded-writes';
import { AuditEntry } from '../audit/audit-entry.entity';

/** The name a system act is recorded under in a case's history. */
const SYSTEM_ACTOR = 'system';

/** Cases still in the procedure: an ID number in one of these is a duplicate application (D§5). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  CaseStatus.SUBMITTED,
  CaseStatus.NEEDS_MATERIALS,
  CaseStatus.ACCEPTED,
  CaseStatus.INVESTIGATING,
  CaseStatus.TOWNSHIP_REVIEW,
  CaseStatus.PUBLIC_NOTICE,
  CaseStatus.OBJECTION_RAISED,
  CaseStatus.EMERGENCY_PAID,
];

/**
 * D§5: the programmes a person in a case of each programme may not at the same time be applying for
 * or receiving. A TEKUN person is supported as TEKUN, not counted into DIBAO; LINSHI is one-off help
 * that any household may need, so only another open LINSHI application is a duplicate.
 */
export const EXCLUDED_BY: Record<Programme, readonly Programme[]> = {
  [Programme.DIBAO]: [Programme.DIBAO, Programme.TEKUN],
  [Programme.TEKUN]: [Programme.TEKUN, Programme.DIBAO],
  [Programme.LINSHI]: [Programme.LINSHI],
};

/** Kin declarations as their withdrawals find, lock and audit them. */
const KIN_DECLARATION = tenantSubject('KinDeclaration', KinDeclaration, () => notFound('kin.notFound'));

/** Favour cases and duplicates (P6.3, D§5). */
export class KinService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
  ) {}

  /**
   * A staff member declares a close relative. The declaration is the declarer's act; flagging the
   * open cases of the relative's household is the system's (P6.3): the declarer may not read those
   * cases, so it is done through the named bypass, recorded without an actor, and the declarer is
   * told nothing about it — not even whether the ID number belongs to a case household.
   */
  async declare(caller: Caller, input: { name: string; idNumber: string; relation: KinRelation }): Promise<KinDeclaration> {
    const declaration = Object.assign(new KinDeclaration(), {
      districtCode: caller.actor!.districtCode,
      accountId: caller.actor!.accountId,
      name: input.name.trim(),
      idNumber: normaliseIdNumberOrThrow(input.idNumber),
      relation: input.relation,
    });
    const saved = await this.writes.guardedCreate(caller, 'KinDeclaration', declaration, 'create', async (manager) =>
      changed(await manager.save(declaration), 'declareKin', {
        relation: declaration.relation,
        idNumber: maskIdNumber(declaration.idNumber),
      }),
    );
    await this.flagCasesOf(saved);
    return saved;
  }

  /** The system act of P6.3: each open case of the declared relative's household is flagged, with a
   * case event and an audit entry that name the system, not the declarer. */
  private async flagCasesOf(declaration: KinDeclaration): Promise<void> {
    await this.data.system('flag the cases of a declared relative').transaction(async (manager) => {
      const [affected]: [{ district_code: string; id: string; township_code: string; village_code: string; status: CaseStatus }[]] =
        await manager.query(
          `UPDATE cases c SET kin_staff_ids = array_append(c.kin_staff_ids, $3::uuid), kin_registered = true, version = c.version + 1
           WHERE c.district_code = $1 AND c.status = ANY($4) AND NOT ($3::uuid = ANY(c.kin_staff_ids))
             AND EXISTS (SELECT 1 FROM persons p WHERE p.district_code = c.district_code AND p.household_id = c.household_id AND p.id_number = $2)
           RETURNING c.district_code, c.id, c.township_code, c.village_code, c.status`,
          [declaration.districtCode, declaration.idNumber, declaration.accountId, OPEN_STATUSES],
        );
      for (const c of affected) {
        const place = { districtCode: c.district_code, townshipCode: c.township_code, villageCode: c.village_code };
        await manager.insert(CaseEvent, {
          ...place,
          caseId: c.id,
          fromStatus: c.status,
          toStatus: c.status,
          action: 'kinRegistered',
          actorId: null,
          actorUsername: SYSTEM_ACTOR,
          note: 'A member of the household was declared close kin of a staff member (P6.3).',
        });
        await manager.insert(AuditEntry, {
          ...place,
          kind: 'CHANGE',
          action: 'flagKinCase',
          subjectType: 'Case',
          subjectId: c.id,
          actorId: null,
          actorUsername: null,
          requestId: null,
          details: { kinDeclarationId: declaration.id },
        });
      }
    });
  }

  /** The declarer withdraws a declaration: recorded on it, never deleted; later applications are no
   * longer matched against it (P6.3). */
  withdraw(caller: Caller, key: TenantKey): Promise<KinDeclaration> {
    return this.writes.guardedChange(caller, KIN_DECLARATION, key, 'revoke', async ({ manager, row }) => {
      if (row.withdrawnAt) throw conflict('kin.alreadyWithdrawn');
      row.withdrawnAt = new Date();
      return changed(await manager.save(row), 'withdrawKinDeclaration', { relation: row.relation });
    });
  }

  list(caller: Caller, page: PageArgs): Promise<Connection<KinDeclaration>> {
    const qb = this.data.scoped(caller, 'read', 'KinDeclaration', KinDeclaration, 'k');
    return keysetPage(qb, page, { type: 'KinDeclaration', sortColumn: 'declared_at' });
  }

  /**
   * At application and again at acceptance (D§3, D§5): flags the case when a member is declared kin
   * of staff, and reports ID numbers already in another open case or an active enrolment of a
   * programme that excludes this one.
   */
  async flagCase(manager: EntityManager, c: Case): Promise<void> {
    const members = await manager.findBy(Person, { districtCode: c.districtCode, householdId: c.householdId });
    const ids = members.map((m) => m.idNumber);
    const kin = await manager
      .getRepository(KinDeclaration)
      .createQueryBuilder('k')
      .where('k.district_code = :d AND k.id_number IN (:...ids) AND k.withdrawn_at IS NULL', { d: c.districtCode, ids })
      .getMany();
    c.kinStaffIds = [...new Set([...c.kinStaffIds, ...kin.map((k) => k.accountId)])];
    c.kinRegistered = c.kinStaffIds.length > 0;

    const { inOpenCases, inEnrolments } = await this.benefitConflicts(c, ids);
    // D§5: the accepting township learns that a conflict exists and where to ask, never the other
    // case's township, programme or state.
    c.duplicateFindings = [
      ...inOpenCases.map(
        (id) => `${maskIdNumber(id)} is in another open application that excludes this one; ask the district civil affairs office (区民政)`,
      ),
      ...inEnrolments.map(
        (id) => `${maskIdNumber(id)} already receives assistance that excludes this one; ask the district civil affairs office (区民政)`,
      ),
    ];
  }

  /**
   * D§5 at review and at approval: a member who already receives assistance this programme excludes
   * stops the case. The answer names the member by masked ID number and where to ask, nothing more.
   */
  async doubleBenefitsOf(manager: EntityManager, c: Case): Promise<Message[]> {
    const members = await manager.findBy(Person, { districtCode: c.districtCode, householdId: c.householdId });
    const { inEnrolments } = await this.benefitConflicts(
      c,
      members.map((m) => m.idNumber),
    );
    return inEnrolments.length ? [message('case.transition.unmet.doubleBenefit', { people: inEnrolments.map(maskIdNumber) })] : [];
  }

  /**
   * ID numbers among `ids` that are also in another open case, or an active enrolment, of a programme
   * that excludes the case's own (D§5: TEKUN and DIBAO exclude each other and themselves), anywhere in
   * the district: in another household, another township, which the accepting staff may not read.
   */
  private async benefitConflicts(c: Case, ids: string[]): Promise<{ inOpenCases: string[]; inEnrolments: string[] }> {
    const excluded = EXCLUDED_BY[c.programme];
    const across = this.data.system('check a person for a double benefit across the district');
    const [inOpenCases, inEnrolments] = await Promise.all([
      across.query<{ id_number: string }[]>(
        `SELECT DISTINCT p.id_number FROM cases o
         JOIN persons p ON p.district_code = o.district_code AND p.household_id = o.household_id
         WHERE o.district_code = $1 AND o.id <> $2 AND o.programme = ANY($3) AND o.status = ANY($4) AND p.id_number = ANY($5)`,
        [c.districtCode, c.id, excluded, OPEN_STATUSES, ids],
      ),
      across.query<{ id_number: string }[]>(
        `SELECT DISTINCT p.id_number FROM enrolments e
         JOIN persons p ON p.district_code = e.district_code AND p.household_id = e.household_id
         WHERE e.district_code = $1 AND e.case_id <> $2 AND e.programme = ANY($3) AND e.status = 'ACTIVE' AND p.id_number = ANY($4)`,
        [c.districtCode, c.id, excluded, ids],
      ),
    ]);
    return { inOpenCases: inOpenCases.map((r) => r.id_number), inEnrolments: inEnrolments.map((r) => r.id_number) };
  }
}
