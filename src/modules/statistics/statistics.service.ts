import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { badInput } from '../../errors';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-code';
import { Case, CaseEvent, CaseStatus, Programme } from '../case/case.entity';
import { SpotCheck, SpotCheckOutcome } from '../case/case-records.entity';
import { Enrolment, EnrolmentStatus } from '../enrolment/enrolment.entity';
import { CalendarDayKind, DistrictHoliday } from '../settings/settings.entity';
import { Petition, PetitionStatus } from '../petition/petition.entity';
import { Payment, PaymentOutcome, PaymentResult, PaymentTransfer } from '../funds/funds.entity';
import type { TownshipMonthFigures } from './statistics.types';

/** Months are counted on the China Standard Time calendar, as deadlines are (D§3). */
const ZONE = 'Asia/Shanghai';
const monthOf = (column: string) => `to_char(${column} AT TIME ZONE '${ZONE}', 'YYYY-MM')`;
/** The instants of a year, as bounds a timestamptz index can use. */
const inYear = (column: string) =>
  `${column} >= make_timestamptz(:year, 1, 1, 0, 0, 0, '${ZONE}') AND ${column} < make_timestamptz(:nextYear, 1, 1, 0, 0, 0, '${ZONE}')`;

/** The months of an instant column: its month on the CST calendar, and the condition that the instant falls in the year. */
const instantMonths = (column: string): Months => ({ month: monthOf(column), inYear: inYear(column) });

/** The calendar day (CST) of an instant column. */
const dayOf = (column: string) => `(${column} AT TIME ZONE '${ZONE}')::date`;
/** Weekdays from a Monday (2000-01-03) up to the day before `day`: their difference counts the weekdays between two days. */
const weekdaysBefore = (day: string) => `(5 * ((${day} - date '2000-01-03') / 7) + least((${day} - date '2000-01-03') % 7, 5))`;

/** A decision is a case's move to approved, or to refused — by the head's refusal or the committee's (D§3). */
const DECISIONS = [CaseStatus.APPROVED, CaseStatus.DENIED];

export interface StatisticsFilter {
  year: number;
  townshipCode?: string | null;
}

/**
 * The district's view (P4.3) and a township's view of itself (P4.2): figures per township and month.
 * Every figure is an aggregate in SQL over a builder scoped by the caller's own grants on the rows it
 * counts (cases, case records, enrolments), within the townships the caller's statistics grant
 * reaches; nothing is read across scope and nothing is counted after fetching.
 */
export class StatisticsService {
  constructor(private readonly data: DataAccess) {}

  async monthly(caller: Caller, filter: StatisticsFilter): Promise<TownshipMonthFigures[]> {
    if (!Number.isInteger(filter.year) || filter.year < 2000 || filter.year > 2100) throw badInput('year', 'statistics.year.range');
    const townships = this.data
      .scoped(caller, 'read', 'Statistics', Region, 'r')
      .andWhere('r.level = :level', { level: RegionLevel.TOWNSHIP });
    if (filter.townshipCode) townships.andWhere('r.code = :code', { code: filter.townshipCode });
    const codes = (await townships.orderBy('r.code').getMany()).map((region) => region.code);
    if (codes.length === 0) return [];
    const params = { year: filter.year, nextYear: filter.year + 1, codes };

    const [cases, decisions, overdue, spotChecks, recipients, petitions, paid] = await Promise.all([
      this.caseCounts(caller, params),
      this.decisions(caller, params),
      this.overdueSteps(caller, params),
      this.spotChecks(caller, params),
      this.recipients(caller, params),
      this.openPetitions(caller, params),
      this.paid(caller, params),
    ]);

    const months = Array.from({ length: 12 }, (_, i) => `${filter.year}-${String(i + 1).padStart(2, '0')}`);
    return codes.flatMap((townshipCode) =>
      months.map((month) => {
        const at = (row: { township: string; month: string }) => row.township === townshipCode && row.month === month;
        const decided = decisions.find(at);
        const checked = spotChecks.find(at);
        const enrolled = recipients.find(at);
        const counted = cases.filter(at);
        return {
          townshipCode,
          month,
          cases: counted
            .filter((row) => row.programme !== null)
            .map((row) => ({ programme: row.programme!, status: row.status!, count: row.count })),
          applications: counted.find((row) => row.programme === null)?.count ?? 0,
          approvals: decided?.approvals ?? 0,
          refusals: decided?.refusals ?? 0,
          approvalRatePercent: decimal(decided?.approvalRate),
          refusalRatePercent: decimal(decided?.refusalRate),
          averageWorkingDaysToDecision: decimal(decided?.averageWorkingDays),
          overdueSteps: overdue.find(at)?.count ?? 0,
          spotChecks: checked?.checks ?? 0,
          spotCheckCorrections: checked?.corrections ?? 0,
          recipients: enrolled?.count ?? 0,
          recipientsMonthlyAmount: decimal(enrolled?.amount) ?? 0,
          openPetitions: petitions.find(at)?.count ?? 0,
          paidRecipients: paid.find(at)?.count ?? 0,
          amountPaid: decimal(paid.find(at)?.amount) ?? 0,
        };
      }),
    );
  }

  /** Cases applied for in each month by programme and current state, and (the rows without a programme) all of them. */
  private caseCounts(caller: Caller, params: Params) {
    const qb = perTownshipMonth(this.data.scoped(caller, 'read', 'Case', Case, 'c'), instantMonths('c.created_at'))
      .addSelect('c.programme', 'programme')
      .addSelect('c.status', 'status')
      .addSelect('count(*)::int', 'count')
      // Each township and month once by programme and state, and once in all.
      .addGroupBy('GROUPING SETS ((c.programme, c.status), ())')
      .orderBy('c.programme')
      .addOrderBy('c.status');
    return raw<{ township: string; month: string; programme: Programme | null; status: CaseStatus | null; count: number }>(qb, params);
  }

  /**
   * Decisions signed in each month (every approval and refusal counts, a re-decided case again),
   * their rates, and the average working days from application to decision. The events are read
   * in the caller's case-record scope and joined only to cases in its case scope.
   */
  private decisions(caller: Caller, params: Params) {
    const visibleCases = this.data.scopedSql(caller, 'read', 'Case', Case, 'vc', (qb) => qb.select('vc.id'));
    const [applied, decided] = [dayOf('c.created_at'), dayOf('e.at')];
    // The district's calendar after the day of application up to the day of decision (D§3): public
    // holidays on weekdays are not worked, make-up working days (调休) on weekends are.
    const calendarDays = (alias: string, kind: CalendarDayKind, weekend: boolean) =>
      this.data.scopedSql(caller, 'read', 'Settings', DistrictHoliday, alias, (qb) =>
        qb
          .select('count(*)')
          .andWhere(`${alias}.district_code = c.district_code AND ${alias}.kind = '${kind}'`)
          .andWhere(
            `${alias}.day > ${applied} AND ${alias}.day <= ${decided} AND extract(isodow FROM ${alias}.day) ${weekend ? '>=' : '<'} 6`,
          ),
      );
    const holidays = calendarDays('h', CalendarDayKind.HOLIDAY, false);
    const workdays = calendarDays('w', CalendarDayKind.WORKDAY, true);
    const workingDays = `${weekdaysBefore(`${decided} + 1`)} - ${weekdaysBefore(`${applied} + 1`)} - (${holidays.sql}) + (${workdays.sql})`;
    const approved = `e.to_status = '${CaseStatus.APPROVED}'`;
    const events = this.data
      .scoped(caller, 'read', 'CaseRecord', CaseEvent, 'e')
      .innerJoin(Case, 'c', 'c.district_code = e.district_code AND c.id = e.case_id');
    const qb = perTownshipMonth(events, instantMonths('e.at'))
      .addSelect(`count(*) FILTER (WHERE ${approved})::int`, 'approvals')
      .addSelect(`count(*) FILTER (WHERE NOT ${approved})::int`, 'refusals')
      .addSelect(`round(100.0 * count(*) FILTER (WHERE ${approved}) / count(*), 2)`, 'approvalRate')
      .addSelect(`round(100.0 * count(*) FILTER (WHERE NOT ${approved}) / count(*), 2)`, 'refusalRate')
      .addSelect(`round(avg(${workingDays}), 2)`, 'averageWorkingDays')
      .andWhere('e.to_status IN (:...decisions)', { decisions: DECISIONS })
      .andWhere(`c.id IN (${visibleCases.sql})`, visibleCases.params)
      .setParameters({ ...holidays.params, ...workdays.params });
    return raw<{
      township: string;
      month: string;
      approvals: number;
      refusals: number;
      approvalRate: string;
      refusalRate: string;
      averageWorkingDays: string;
    }>(qb, params);
  }

  /** Open cases whose current step is past its deadline, by the month the deadline fell in. */
  private overdueSteps(caller: Caller, params: Params) {
    const qb = perTownshipMonth(this.data.scoped(caller, 'read', 'Case', Case, 'c'), instantMonths('c.due_at'))
      .addSelect('count(*)::int', 'count')
      .andWhere('c.due_at < now()');
    return raw<{ township: string; month: string; count: number }>(qb, params);
  }

  private spotChecks(caller: Caller, params: Params) {
    const qb = perTownshipMonth(this.data.scoped(caller, 'read', 'CaseRecord', SpotCheck, 's'), instantMonths('s.recorded_at'))
      .addSelect('count(*)::int', 'checks')
      .addSelect('count(*) FILTER (WHERE s.outcome = :correction)::int', 'corrections')
      .setParameter('correction', SpotCheckOutcome.CORRECTION);
    return raw<{ township: string; month: string; checks: number; corrections: number }>(qb, params);
  }

  /** Active enrolments by the month their assistance starts, and the sum of their monthly amounts. */
  private recipients(caller: Caller, params: Params) {
    const qb = perTownshipMonth(this.data.scoped(caller, 'read', 'Enrolment', Enrolment, 'n'), {
      month: `to_char(n.start_month, 'YYYY-MM')`,
      inYear: 'n.start_month >= make_date(:year, 1, 1) AND n.start_month < make_date(:nextYear, 1, 1)',
    })
      .addSelect('count(*)::int', 'count')
      .addSelect('sum(n.monthly_amount)', 'amount')
      .andWhere('n.status = :active', { active: EnrolmentStatus.ACTIVE });
    return raw<{ township: string; month: string; count: number; amount: string }>(qb, params);
  }

  /** Petitions received in each month that are not answered yet, in the caller's petition scope (a
   * township sees those the district shared with it, D§12). */
  private openPetitions(caller: Caller, params: Params) {
    const qb = perTownshipMonth(this.data.scoped(caller, 'read', 'Petition', Petition, 'p'), instantMonths('p.received_at'))
      .addSelect('count(*)::int', 'count')
      .andWhere('p.status <> :answered', { answered: PetitionStatus.ANSWERED });
    return raw<{ township: string; month: string; count: number }>(qb, params);
  }

  /**
   * The month's payments the bank confirmed (D§10), in the caller's payment scope: a payment is paid
   * by its one PAID result (a payment is sent again only after a failure), with the amount of the
   * transfer the bank confirmed; the month is the month paid, as on the roster.
   */
  private paid(caller: Caller, params: Params) {
    const payments = this.data
      .scoped(caller, 'read', 'Payment', Payment, 'p')
      .innerJoin(PaymentResult, 'r', 'r.district_code = p.district_code AND r.payment_id = p.id AND r.outcome = :paid', {
        paid: PaymentOutcome.PAID,
      })
      .innerJoin(PaymentTransfer, 'x', 'x.district_code = r.district_code AND x.id = r.transfer_id')
      .setParameters({ firstMonth: `${params.year}-01`, lastMonth: `${params.year}-12` });
    const qb = perTownshipMonth(payments, { month: 'p.month', inYear: 'p.month >= :firstMonth AND p.month <= :lastMonth' })
      .addSelect('count(DISTINCT p.id)::int', 'count')
      .addSelect('sum(x.amount)', 'amount');
    return raw<{ township: string; month: string; count: number; amount: string }>(qb, params);
  }
}

/** How the rows of a table fall in the months of the year: the month (YYYY-MM) a row counts in, and the condition that it is in the year. */
interface Months {
  month: string;
  inYear: string;
}

/**
 * The rows of the year in the requested townships, grouped by township and month (the caller adds the
 * figures): every figure of the statistics is counted over this same grouping.
 */
function perTownshipMonth<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, months: Months): SelectQueryBuilder<T> {
  return qb
    .select(`${qb.alias}.township_code`, 'township')
    .addSelect(months.month, 'month')
    .andWhere(months.inYear)
    .andWhere(`${qb.alias}.township_code IN (:...codes)`)
    .groupBy(`${qb.alias}.township_code`)
    .addGroupBy(months.month);
}

interface Params {
  year: number;
  nextYear: number;
  codes: string[];
}

/** A numeric PostgreSQL computed (sent as text) as the number the Decimal scalar writes with two places. */
const decimal = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

function raw<R>(qb: SelectQueryBuilder<ObjectLiteral>, params: Params): Promise<R[]> {
  return qb.setParameters(params).getRawMany<R>();
}
