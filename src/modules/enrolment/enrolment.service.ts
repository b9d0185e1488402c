import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { Household, IncomeStability } from '../household/household.entity';
import { Programme } from '../case/case.entity';
import { caseColumnsOf } from '../case/case-rows';
import { unmet } from '../../errors';
import { message } from '../../i18n/message';
import type { StepRun } from '../case/workflow';
import { maskIdNumber } from '../household/id-number';
import { firstOfNextMonth } from '../settings/working-days';
import { Enrolment, EnrolmentStatus, ReviewClass, ReviewClassRule } from './enrolment.entity';
import type { Settings } from '../settings/settings-definitions';
import { TenantKey, whereTenantKeysIn } from '../../db/tenant-keys';
import { EnrolmentChange, EnrolmentChangeKind } from './enrolment-change.entity';
import type { DataAccess } from '../../db/data-access';
import { whereEqual } from '../../db/scoped-filters';

function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The review class an approval assigns (D§9, MCA 2021 measures), with the rule that assigned it:
 * TEKUN yearly; a household with irregular income and members able to work every six months; one
 * whose income changes little (or in which nobody can work) yearly. A household with members able
 * to work whose income nobody has found stable is reviewed six-monthly: the more frequent class is
 * the one that cannot be wrong for it.
 */
export function reviewClassFor(
  programme: Programme,
  household: Pick<Household, 'hasMemberAbleToWork' | 'incomeStability'>,
): { reviewClass: ReviewClass; rule: ReviewClassRule } {
  if (programme === Programme.TEKUN) return { reviewClass: ReviewClass.A, rule: ReviewClassRule.TEKUN_YEARLY };
  if (!household.hasMemberAbleToWork || household.incomeStability === IncomeStability.STABLE) {
    return { reviewClass: ReviewClass.A, rule: ReviewClassRule.STABLE_INCOME };
  }
  if (household.incomeStability === IncomeStability.IRREGULAR) {
    return { reviewClass: ReviewClass.B, rule: ReviewClassRule.IRREGULAR_INCOME_ABLE_TO_WORK };
  }
  return { reviewClass: ReviewClass.B, rule: ReviewClassRule.INCOME_STABILITY_UNRECORDED };
}

/** Months between reviews of a class (D§9): district settings, never less often than the 2021 measures.
 * A review recorded under the retired quarterly class C is followed by a six-monthly one. */
export function reviewIntervalMonths(settings: Settings, reviewClass: ReviewClass): number {
  return reviewClass === ReviewClass.A ? settings.reviewMonthsClassA : settings.reviewMonthsClassB;
}

/** Beneficiary enrolments (D§3, D§9). */
export class EnrolmentService {
  constructor(private readonly data: DataAccess) {}

  /**
   * An approved DIBAO or TEKUN case enrols the household from the month after approval, with the
   * review class its household's data gives (D§9, `reviewClassFor`). LINSHI is one-off and enrols nobody.
   */
  async enrolOnApproval(run: StepRun): Promise<void> {
    const { manager, case: c, calendar, now } = run;
    if (c.programme === Programme.LINSHI) return;
    await this.endFor(run);
    // D§5: nobody is in two active enrolments of the same programme.
    const [already]: { id_number: string }[] = await manager.query(
      `SELECT p.id_number FROM enrolments e
       JOIN persons p ON p.district_code = e.district_code AND p.household_id = e.household_id
       JOIN persons q ON q.district_code = e.district_code AND q.household_id = $3 AND q.id_number = p.id_number
       WHERE e.district_code = $1 AND e.programme = $2 AND e.status = 'ACTIVE' AND e.case_id <> $4 LIMIT 1`,
      [c.districtCode, c.programme, c.householdId, c.id],
    );
    if (already) throw unmet(message('enrolment.alreadyActive', { idNumber: maskIdNumber(already.id_number), programme: c.programme }));
    const household = await manager.findOneByOrFail(Household, { districtCode: c.districtCode, id: c.householdId });
    const { settings } = calendar;
    const { reviewClass, rule } = reviewClassFor(c.programme, household);
    const startMonth = firstOfNextMonth(now);
    const { identifiers } = await manager.insert(Enrolment, {
      ...caseColumnsOf(c),
      householdId: c.householdId,
      programme: c.programme,
      residence: household.residence,
      hasMemberAbleToWork: household.hasMemberAbleToWork,
      payeeName: household.headName,
      monthlyAmount: c.amount!,
      startMonth,
      reviewClass,
      reviewClassRule: rule,
      reviewClassReason: null,
      nextReviewOn: addMonths(startMonth, reviewIntervalMonths(settings, reviewClass)),
      supportForm: c.supportForm,
      careLevel: c.careLevel,
      status: EnrolmentStatus.ACTIVE,
    });
    // The first record of the enrolment's history (D§9): the approved amount from the start month.
    await manager.insert(EnrolmentChange, {
      districtCode: c.districtCode,
      enrolmentId: (identifiers[0] as { id: string }).id,
      townshipCode: c.townshipCode,
      villageCode: c.villageCode,
      kind: EnrolmentChangeKind.ENROLLED,
      amount: c.amount!,
      status: EnrolmentStatus.ACTIVE,
      effectiveMonth: startMonth,
      reason: '经审核确认纳入 (enrolled by the approval of its case)',
      recordedById: run.caller.actor!.accountId,
      reviewId: null,
    });
  }

  /** Ends the case's active enrolment, if an earlier approval made one (re-decisions, D§3), from
   * the next month, with a record of it in the enrolment's history (D§9). */
  async endFor({ manager, case: c, caller, now }: StepRun): Promise<void> {
    const ended: { raw: { id: string }[] } = await manager
      .getRepository(Enrolment)
      .createQueryBuilder()
      .update()
      .set({ status: EnrolmentStatus.ENDED })
      .where("district_code = :d AND case_id = :id AND status = 'ACTIVE'", { d: c.districtCode, id: c.id })
      .returning(['id'])
      .execute();
    for (const { id } of ended.raw) {
      await manager.insert(EnrolmentChange, {
        districtCode: c.districtCode,
        enrolmentId: id,
        townshipCode: c.townshipCode,
        villageCode: c.villageCode,
        kind: EnrolmentChangeKind.ENDED,
        amount: 0,
        status: EnrolmentStatus.ENDED,
        effectiveMonth: firstOfNextMonth(now),
        reason: '案件重新审核后停止 (ended when its case was decided again)',
        recordedById: caller.actor!.accountId,
        reviewId: null,
      });
    }
  }

  /** An enrolment's history of amounts and statuses, in the order they took effect (D§9). */
  /** The histories of several enrolments in one scoped query (a page's enrolments batch here). */
  historyOf(caller: Caller, keys: readonly TenantKey[]): Promise<EnrolmentChange[]> {
    return whereTenantKeysIn(this.data.scoped(caller, 'read', 'EnrolmentChange', EnrolmentChange, 'h'), 'enrolment_id', keys)
      .orderBy('h.effective_month', 'ASC')
      .addOrderBy('h.created_at', 'ASC')
      .getMany();
  }

  list(caller: Caller, filter: { programme?: Programme; villageCode?: string }, page: PageArgs): Promise<Connection<Enrolment>> {
    const qb = this.data.scoped(caller, 'read', 'Enrolment', Enrolment, 'e');
    whereEqual(qb, { programme: filter.programme, village_code: filter.villageCode });
    return keysetPage(qb, page, { type: 'Enrolment', sortColumn: 'created_at' });
  }
}
