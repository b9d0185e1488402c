import type { EntityManager } from 'typeorm';
import { badInput } from '../../errors';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The enrolments of a township paid in `month` ('YYYY-MM') and the amount in force that month, by
 * their history (D§9): the terms of a month are those of the latest record effective by its first
 * day, so a change recorded this month (a review lowering an amount, an ending) applies from the
 * month it names, never to a month already begun. Read through the manager of the caller's
 * transaction: the roster that calls it has checked the caller may see the township's enrolments.
 */
export async function termsInMonth(
  manager: EntityManager,
  districtCode: string,
  townshipCode: string,
  month: string /* 'YYYY-MM' */,
): Promise<Array<{ enrolmentId: string; amount: string }>> {
  if (!MONTH.test(month)) throw badInput('month', 'enrolment.month.invalid');
  const rows: { enrolment_id: string; amount: string; status: string }[] = await manager.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (h.enrolment_id) h.enrolment_id, h.amount::text AS amount, h.status
       FROM enrolment_changes h
       WHERE h.district_code = $1 AND h.township_code = $2 AND h.effective_month <= $3::date
       ORDER BY h.enrolment_id, h.effective_month DESC, h.created_at DESC, h.id DESC
     ) latest
     WHERE latest.status = 'ACTIVE'
     ORDER BY latest.enrolment_id`,
    [districtCode, townshipCode, `${month}-01`],
  );
  return rows.map((row) => ({ enrolmentId: row.enrolment_id, amount: row.amount }));
}
