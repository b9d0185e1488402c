import type { EntityManager } from 'typeorm';

/**
 * Which enrolments of a township are paid in a month, and how much (D§9, D§10): the one place that
 * answers it, for the monthly roster. Read from the enrolment as it stands: active, and begun by the
 * month (an enrolment starts the month after approval). Amounts are the numeric column's exact text.
 * Runs in the manager of the caller's guarded transaction, which the policy already allowed.
 */
export async function termsInMonth(
  manager: EntityManager,
  districtCode: string,
  townshipCode: string,
  month: string /* 'YYYY-MM' */,
): Promise<Array<{ enrolmentId: string; amount: string }>> {
  return manager.query(
    `SELECT e.id AS "enrolmentId", e.monthly_amount::text AS amount FROM enrolments e
     WHERE e.district_code = $1 AND e.township_code = $2 AND e.status = 'ACTIVE' AND e.start_month <= to_date($3, 'YYYY-MM')
     ORDER BY e.village_code, e.id`,
    [districtCode, townshipCode, month],
  );
}
