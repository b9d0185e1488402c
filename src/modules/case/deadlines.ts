import type { DistrictCalendar } from '../settings/settings.service';
import { addWorkingDays } from '../settings/working-days';
import { Case, CaseStatus } from './case.entity';

/** States in which the decision has been taken or the case has left the procedure. */
export const DECIDED: readonly CaseStatus[] = [
  CaseStatus.NOT_ACCEPTED,
  CaseStatus.APPROVED,
  CaseStatus.DENIED,
  CaseStatus.FILED,
  CaseStatus.SPOT_CHECKED,
  CaseStatus.CORRECTION_ORDERED,
  CaseStatus.PAID,
  CaseStatus.EMERGENCY_PAID,
];

/**
 * The deadline of the step a case has just entered, fixed from the district's settings at that
 * moment (D§3, D§6): investigation starts within N working days of acceptance, the decision within
 * N working days of the notice's end, a refusal is delivered within N working days, emergency
 * paperwork is completed within N working days. Null where the plan sets no step deadline.
 */
export function dueAtFor(status: CaseStatus, found: Case, calendar: DistrictCalendar, now: Date): Date | null {
  switch (status) {
    case CaseStatus.ACCEPTED:
      return addWorkingDays(now, calendar.settings.investigationStartWorkingDays, calendar);
    case CaseStatus.PUBLIC_NOTICE:
      return addWorkingDays(found.noticeEndsAt!, calendar.settings.decisionAfterNoticeWorkingDays, calendar);
    case CaseStatus.DENIED:
    case CaseStatus.NOT_ACCEPTED:
      return addWorkingDays(now, calendar.settings.deliveryWorkingDays, calendar);
    case CaseStatus.EMERGENCY_PAID:
      return addWorkingDays(now, calendar.settings.emergencyPaperworkWorkingDays, calendar);
    default:
      return null;
  }
}

/** The whole procedure's deadline from the application (30 working days, 45 in special cases). */
export function decisionDueAtFor(submittedAt: Date, special: boolean, calendar: DistrictCalendar): Date {
  return addWorkingDays(
    submittedAt,
    special ? calendar.settings.specialTotalLimitWorkingDays : calendar.settings.totalLimitWorkingDays,
    calendar,
  );
}

export function isOverdue(found: Case, now = new Date()): boolean {
  return Boolean((found.dueAt && found.dueAt < now) || (found.decisionDueAt && found.decisionDueAt < now));
}
