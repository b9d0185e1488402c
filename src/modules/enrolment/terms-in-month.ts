import type { EntityManager } from 'typeorm';
import { badInput } from '../../errors';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * SQL of the enrolments of a township paid in a month and the amount in force that month, by their
 * history (D§9): the terms of a month are those of the latest record effective by its first day, so a
 * change recorded this month (a review lowering an amount, an ending) applies from the month it
 * names, never to a month already begun. Yields `enrolment_id` and `amount` (numeric); the
 * parameters are placeholders of the statement it is put in (district, township, first day of the
 * month as a date). One text for `termsInMonth` and the roster's set-based insert, so both pay the
 * same enrolments the same amounts.
 */
export function termsInMonthSql(district: string, township: string, firstDay: string): string {
  return `SELECT latest.enrolment_id, latest.amount FROM (
       SELECT DISTINCT ON (h.enrolment_id) h.enrolment_id, h.amount, h.status
       FROM enrolment_changes h
       WHERE h.district_code = ${district} AND h.township_code = ${township} AND h.effective_month <= ${firstDay}
       ORDER BY h.enrolment_id, h.effective_month DESC, h.created_at DESC, h.id DESC
     ) latest
     WHERE latest.status = 'ACTIVE'`;
}

/**
 * The enrolments of a township paid in `month` ('YYYY-MM') and the amount in force that month
 * (`termsInMonthSql`). Read through the manager of the caller's transaction: the caller has
 * checked it may see the township's enrolments.
 */
export async function termsInMonth(
  manager: EntityManager,
  districtCode: string,
  townshipCode: string,
  month: string /* 'YYYY-MM' */,
): Promise<Array<{ enrolmentId: string; amount: string }>> {
  if (!MONTH.test(month)) throw badInput('month', 'enrolment.month.invalid');
  const rows: { enrolment_id: string; amount: string }[] = await manager.query(
    `SELECT t.enrolment_id, t.amount::text AS amount FROM (${termsInMonthSql('$1', '$2', '$3::date')}) t ORDER BY t.enrolment_id`,
    [districtCode, townshipCode, `${month}-01`],
  );
  return rows.map((row) => ({ enrolmentId: row.enrolment_id, amount: row.amount }));
}
