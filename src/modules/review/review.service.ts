import type { Caller } from '../../auth/caller';
import { assertAmountOrThrow, assertDateOrThrow, badInput, conflict, notFound, textOrThrow, unmet } from '../../errors';
import { message } from '../../i18n/message';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { TenantKey, whereTenantKeysIn } from '../../db/tenant-keys';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import type { SettingsService } from '../settings/settings.service';
import { addCalendarDays, cstDay, firstOfNextMonth } from '../settings/working-days';
import { Programme } from '../case/case.entity';
import { Enrolment, EnrolmentStatus, ReviewClass, ReviewClassRule } from '../enrolment/enrolment.entity';
import { reviewIntervalMonths } from '../enrolment/enrolment.service';
import { EnrolmentChange, EnrolmentChangeKind } from '../enrolment/enrolment-change.entity';
import { ChangeReport, EnrolmentReview, ReviewOutcome } from './review.entity';
import { whereEqual, whereKey } from '../../db/scoped-filters';

/** A public notice runs at least 7 days (D§3): a district may lengthen it, never shorten it. */
export const STATUTORY_NOTICE_DAYS = 7;

const ENROLMENT = tenantSubject('Enrolment', Enrolment, () => notFound('enrolment.active.notFound'));

export interface ReviewOutcomeInput {
  outcome: ReviewOutcome;
  amount?: number | null;
  reasons?: string | null;
  verificationReference?: string | null;
}

/** The month `months` after a first-of-month date, as YYYY-MM-01. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Outcomes that follow a change of income, and so rest on an economic-status verification (D§7, D§9). */
const INCOME_CHANGED: readonly ReviewOutcome[] = [ReviewOutcome.RAISE, ReviewOutcome.LOWER, ReviewOutcome.GRADUAL_EXIT];

/**
 * Dynamic management (P2.3, D§9): which reviews are due, the township's review outcomes, recipients'
 * change reports. Every change of amount or status is a record of the enrolment's history and takes
 * effect from the next month; a TEKUN termination is publicly noticed first.
 */
export class ReviewService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
  ) {}

  /** Active enrolments whose review falls due by `dueBy` (default: within `reviewDueWithinDays`), soonest first. */
  async reviewsDue(
    caller: Caller,
    filter: { dueBy?: string | null; villageCode?: string | null },
    page: PageArgs,
  ): Promise<Connection<Enrolment>> {
    let dueBy = filter.dueBy;
    if (dueBy) assertDateOrThrow(dueBy, 'dueBy');
    else {
      const { settings } = await this.settings.calendarOf(caller.actor!.districtCode);
      dueBy = cstDay(addCalendarDays(new Date(), settings.reviewDueWithinDays));
    }
    return keysetPage(
      whereEqual(
        this.data
          .scoped(caller, 'read', 'Enrolment', Enrolment, 'e')
          .andWhere('e.status = :active AND e.next_review_on <= :dueBy', { active: EnrolmentStatus.ACTIVE, dueBy }),
        { village_code: filter.villageCode },
      ),
      page,
      { type: 'ReviewDue', sortColumn: 'next_review_on', direction: 'ASC' },
    );
  }

  /**
   * The township's outcome of a review (D§9), from the next month. A TEKUN termination opens a
   * public notice of at least 7 days instead; the enrolment ends only when `concludeTermination`
   * records it after the notice.
   */
  async recordOutcome(
    caller: Caller,
    key: TenantKey,
    input: ReviewOutcomeInput,
  ): Promise<{ review: EnrolmentReview; enrolment: Enrolment }> {
    const { outcome } = input;
    const reasons = input.reasons?.trim() ? textOrThrow(input.reasons, 'reasons') : null;
    if (!reasons) throw badInput('reasons', outcome === ReviewOutcome.END ? 'review.end.reasonsRequired' : 'review.reasons.required');
    const changesAmount = outcome === ReviewOutcome.RAISE || outcome === ReviewOutcome.LOWER;
    if (changesAmount && (input.amount === null || input.amount === undefined)) throw badInput('amount', 'review.amount.required');
    if ((outcome === ReviewOutcome.KEEP || outcome === ReviewOutcome.END) && input.amount !== null && input.amount !== undefined) {
      throw badInput('amount', 'review.amount.notTaken');
    }
    if (input.amount !== null && input.amount !== undefined) {
      assertAmountOrThrow(input.amount, 'amount', 100_000);
      if (input.amount <= 0) throw badInput('amount', 'review.amount.notPositive');
    }
    const verificationReference = input.verificationReference?.trim()
      ? textOrThrow(input.verificationReference, 'verificationReference', 200)
      : null;
    if (INCOME_CHANGED.includes(outcome) && !verificationReference) {
      throw badInput('verificationReference', 'review.verification.required');
    }
    const { settings } = await this.settings.calendarOf(key.districtCode);
    return this.writes.guardedChange(caller, ENROLMENT, key, 'review', async ({ manager, row }) => {
      if (row.status !== EnrolmentStatus.ACTIVE) throw unmet(message('review.enrolment.ended'));
      // A TEKUN termination already under notice is concluded (or the enrolment reviewed again) first.
      const terminations = await manager.findBy(EnrolmentReview, {
        districtCode: row.districtCode,
        enrolmentId: row.id,
        outcome: ReviewOutcome.END,
      });
      if (terminations.some((r) => r.noticeEndsAt !== null && r.effectiveMonth === null)) throw conflict('review.termination.underNotice');
      const current = Number(row.monthlyAmount);
      if (outcome === ReviewOutcome.RAISE && input.amount! <= current) throw badInput('amount', 'review.amount.notRaised', { current });
      if (outcome === ReviewOutcome.LOWER && input.amount! >= current) throw badInput('amount', 'review.amount.notLowered', { current });
      const now = new Date();
      const effectiveMonth = firstOfNextMonth(now);
      const review: EnrolmentReview = Object.assign(new EnrolmentReview(), {
        districtCode: row.districtCode,
        enrolmentId: row.id,
        townshipCode: row.townshipCode,
        villageCode: row.villageCode,
        reviewClass: row.reviewClass,
        dueOn: row.nextReviewOn,
        outcome,
        amountBefore: current,
        amount: outcome === ReviewOutcome.END ? null : (input.amount ?? current),
        reasons,
        verificationReference,
        effectiveMonth,
        noticeStartsAt: null,
        noticeEndsAt: null,
        nextReviewOn: addMonths(effectiveMonth, reviewIntervalMonths(settings, row.reviewClass)),
        recordedById: caller.actor!.accountId,
      });
      if (outcome === ReviewOutcome.END && row.programme === Programme.TEKUN) {
        // D§9: a TEKUN termination is publicly noticed for at least 7 days before it takes effect.
        review.effectiveMonth = null;
        review.noticeStartsAt = now;
        review.noticeEndsAt = addCalendarDays(now, Math.max(STATUTORY_NOTICE_DAYS, settings.noticeDays));
        review.nextReviewOn = row.nextReviewOn;
        const saved = await manager.save(review);
        return changed({ review: saved, enrolment: row }, 'noticeTermination', { review: saved.id, noticeEndsAt: saved.noticeEndsAt });
      }
      const saved = await manager.save(review);
      const record = (kind: EnrolmentChangeKind, amount: number, status: EnrolmentStatus, from: string) =>
        manager.insert(EnrolmentChange, {
          districtCode: row.districtCode,
          enrolmentId: row.id,
          townshipCode: row.townshipCode,
          villageCode: row.villageCode,
          kind,
          amount,
          status,
          effectiveMonth: from,
          reason: reasons,
          recordedById: caller.actor!.accountId,
          reviewId: saved.id,
        });
      const { ACTIVE, ENDED } = EnrolmentStatus;
      if (outcome === ReviewOutcome.KEEP) await record(EnrolmentChangeKind.KEPT, current, ACTIVE, effectiveMonth);
      if (outcome === ReviewOutcome.RAISE) await record(EnrolmentChangeKind.RAISED, saved.amount!, ACTIVE, effectiveMonth);
      if (outcome === ReviewOutcome.LOWER) await record(EnrolmentChangeKind.LOWERED, saved.amount!, ACTIVE, effectiveMonth);
      if (outcome === ReviewOutcome.GRADUAL_EXIT) {
        // D§9: when income rises from work the benefit is paid on for the gradual-exit period, then ends.
        const exitMonth = addMonths(effectiveMonth, settings.gradualExitMonths);
        await record(EnrolmentChangeKind.GRADUAL_EXIT, saved.amount!, ACTIVE, effectiveMonth);
        await record(EnrolmentChangeKind.ENDED, 0, ENDED, exitMonth);
        row.nextReviewOn = exitMonth;
      } else {
        row.nextReviewOn = saved.nextReviewOn;
      }
      if (outcome === ReviewOutcome.END) {
        await record(EnrolmentChangeKind.ENDED, 0, ENDED, effectiveMonth);
        row.status = ENDED;
      } else {
        row.monthlyAmount = saved.amount!;
      }
      await manager.update(
        Enrolment,
        { districtCode: row.districtCode, id: row.id },
        { monthlyAmount: row.monthlyAmount, status: row.status, nextReviewOn: row.nextReviewOn },
      );
      return changed({ review: saved, enrolment: row }, 'recordReviewOutcome', {
        review: saved.id,
        outcome,
        amount: saved.amount,
        effectiveMonth,
      });
    });
  }

  /**
   * The township changes an enrolment's review class, with its reason (D§9). The next review moves
   * to the new class's interval from the month the schedule counts from (the last review's, or the
   * start month); a review brought forward by a reported change stays as early as it was.
   */
  async changeReviewClass(caller: Caller, key: TenantKey, input: { reviewClass: ReviewClass; reason: string }): Promise<Enrolment> {
    // C is the quarterly class of the rules before 2021 (D§9): nothing is put into it any more.
    if (input.reviewClass !== ReviewClass.A && input.reviewClass !== ReviewClass.B) {
      throw badInput('reviewClass', 'review.class.retired', { reviewClass: input.reviewClass });
    }
    const reason = input.reason?.trim() ? textOrThrow(input.reason, 'reason', 2000) : null;
    if (!reason) throw badInput('reason', 'review.class.reasonRequired');
    const { settings } = await this.settings.calendarOf(key.districtCode);
    return this.writes.guardedChange(caller, ENROLMENT, key, 'reclassify', async ({ manager, row }) => {
      if (row.status !== EnrolmentStatus.ACTIVE) throw unmet(message('review.enrolment.ended'));
      if (row.reviewClass === input.reviewClass) throw badInput('reviewClass', 'review.class.unchanged', { reviewClass: row.reviewClass });
      const [last] = await manager.find(EnrolmentReview, {
        where: { districtCode: row.districtCode, enrolmentId: row.id },
        order: { createdAt: 'DESC' },
        take: 1,
      });
      const base = last?.effectiveMonth ?? row.startMonth;
      const asScheduled = addMonths(base, reviewIntervalMonths(settings, row.reviewClass));
      const rescheduled = addMonths(base, reviewIntervalMonths(settings, input.reviewClass));
      const nextReviewOn = row.nextReviewOn === asScheduled || rescheduled < row.nextReviewOn ? rescheduled : row.nextReviewOn;
      const before = { reviewClass: row.reviewClass, rule: row.reviewClassRule, nextReviewOn: row.nextReviewOn };
      Object.assign(row, {
        reviewClass: input.reviewClass,
        reviewClassRule: ReviewClassRule.CHANGED_BY_TOWNSHIP,
        reviewClassReason: reason,
        nextReviewOn,
      });
      await manager.update(
        Enrolment,
        { districtCode: row.districtCode, id: row.id },
        { reviewClass: row.reviewClass, reviewClassRule: row.reviewClassRule, reviewClassReason: reason, nextReviewOn },
      );
      return changed(row, 'changeReviewClass', { before, after: { reviewClass: row.reviewClass, nextReviewOn }, reason });
    });
  }

  /** Ends a TEKUN enrolment after its termination notice ran its course (D§9), from the next month. */
  async concludeTermination(caller: Caller, key: TenantKey): Promise<{ review: EnrolmentReview; enrolment: Enrolment }> {
    const review = await this.findReview(caller, key);
    if (!review) throw notFound('review.notFound');
    return this.writes.guardedChange(
      caller,
      ENROLMENT,
      { districtCode: review.districtCode, id: review.enrolmentId },
      'review',
      async ({ manager, row }) => {
        if (!review.noticeEndsAt || review.effectiveMonth) throw unmet(message('review.termination.notNoticed'));
        if (row.status !== EnrolmentStatus.ACTIVE) throw unmet(message('review.enrolment.ended'));
        const now = new Date();
        if (now <= review.noticeEndsAt)
          throw unmet(message('review.termination.noticeRunning', { endsAt: review.noticeEndsAt.toISOString() }));
        const effectiveMonth = firstOfNextMonth(now);
        await manager.insert(EnrolmentChange, {
          districtCode: row.districtCode,
          enrolmentId: row.id,
          townshipCode: row.townshipCode,
          villageCode: row.villageCode,
          kind: EnrolmentChangeKind.ENDED,
          amount: 0,
          status: EnrolmentStatus.ENDED,
          effectiveMonth,
          reason: review.reasons,
          recordedById: caller.actor!.accountId,
          reviewId: review.id,
        });
        row.status = EnrolmentStatus.ENDED;
        await manager.update(Enrolment, { districtCode: row.districtCode, id: row.id }, { status: row.status });
        return changed({ review, enrolment: row }, 'concludeTermination', { review: review.id, effectiveMonth });
      },
    );
  }

  /**
   * A change the recipient reported, recorded by the village or township (D§9). A reported change
   * is reviewed without waiting for the class's date: the review falls due on the day it was reported.
   */
  async recordChangeReport(caller: Caller, key: TenantKey, input: { reportedOn: string; content: string }): Promise<ChangeReport> {
    assertDateOrThrow(input.reportedOn, 'reportedOn');
    if (input.reportedOn > cstDay(new Date())) throw badInput('reportedOn', 'review.report.future');
    const content = textOrThrow(input.content, 'content');
    const enrolment = await whereKey(this.data.scoped(caller, 'read', 'Enrolment', Enrolment, 'e'), key).getOne();
    if (!enrolment || enrolment.status !== EnrolmentStatus.ACTIVE) throw notFound('enrolment.active.notFound');
    const report = Object.assign(new ChangeReport(), {
      districtCode: enrolment.districtCode,
      enrolmentId: enrolment.id,
      townshipCode: enrolment.townshipCode,
      villageCode: enrolment.villageCode,
      reportedOn: input.reportedOn,
      content,
      recordedById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'ChangeReport', report, 'create', async (manager) => {
      const saved = await manager.save(report);
      await manager
        .getRepository(Enrolment)
        .createQueryBuilder()
        .update()
        .set({ nextReviewOn: () => 'LEAST(next_review_on, :reportedOn::date)' })
        .where('district_code = :d AND id = :id', { d: enrolment.districtCode, id: enrolment.id })
        .setParameter('reportedOn', input.reportedOn)
        .execute();
      return changed(saved, 'recordChangeReport', { enrolment: enrolment.id, reportedOn: input.reportedOn });
    });
  }

  /** The reviews recorded on several enrolments, oldest first, in one scoped query. */
  reviewsOf(caller: Caller, keys: readonly TenantKey[]): Promise<EnrolmentReview[]> {
    return whereTenantKeysIn(this.data.scoped(caller, 'read', 'EnrolmentReview', EnrolmentReview, 'r'), 'enrolment_id', keys)
      .orderBy('r.created_at', 'ASC')
      .getMany();
  }

  /** The changes reported for several enrolments, oldest first, in one scoped query. */
  changeReportsOf(caller: Caller, keys: readonly TenantKey[]): Promise<ChangeReport[]> {
    return whereTenantKeysIn(this.data.scoped(caller, 'read', 'ChangeReport', ChangeReport, 'c'), 'enrolment_id', keys)
      .orderBy('c.created_at', 'ASC')
      .getMany();
  }

  findReview(caller: Caller, key: TenantKey): Promise<EnrolmentReview | null> {
    return whereKey(this.data.scoped(caller, 'read', 'EnrolmentReview', EnrolmentReview, 'r'), key).getOne();
  }
}
