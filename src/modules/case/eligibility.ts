import type { EntityManager } from 'typeorm';
import { message, Message } from '../../i18n/message';
import { LabourCapacity, Person } from '../household/household.entity';
import { ageOn } from '../household/id-number';
import { Case, Programme } from './case.entity';
import { IncomeAccounting, Investigation, LegalSupporters } from './case-records.entity';

/** TEKUN categories (Interim Measures on Social Assistance, art. 14; D§3). */
const ELDERLY_FROM = 60;
const MINOR_BELOW = 16;
const MINOR_IN_SCHOOL_BELOW = 18;

/**
 * D§3: a TEKUN case reaches review only when its signed investigation found all three conditions:
 * the person is elderly, disabled or a minor, without capacity to work; the household has no source
 * of income (per-capita income below the DIBAO standard); and no legal supporter is able to support
 * them. Each failing condition is named, with the way left open: the household may apply for DIBAO.
 */
export async function tekunConditionsUnmet(manager: EntityManager, c: Case, now: Date): Promise<Message[]> {
  if (c.programme !== Programme.TEKUN) return [];
  const examined = await manager
    .getRepository(Investigation)
    .createQueryBuilder('i')
    .where('i.district_code = :d AND i.case_id = :id AND i.tekun_person_id IS NOT NULL', { d: c.districtCode, id: c.id })
    .andWhere('cardinality(i.signed_by_ids) >= 2 AND i.investigator_ids <@ i.signed_by_ids')
    .orderBy('i.recorded_at', 'DESC')
    .getOne();
  const person = examined && (await manager.findOneBy(Person, { districtCode: c.districtCode, id: examined.tekunPersonId! }));
  if (!examined || !person) return [message('case.transition.unmet.tekun.findingsMissing')];
  const age = ageOn(person.idNumber, now);
  const inCategory =
    age >= ELDERLY_FROM || person.disabled || age < MINOR_BELOW || (age < MINOR_IN_SCHOOL_BELOW && examined.tekunInSchool === true);
  const accounting =
    c.incomeAccountingId && (await manager.findOneBy(IncomeAccounting, { districtCode: c.districtCode, id: c.incomeAccountingId }));
  const unmet: Message[] = [];
  if (!inCategory) unmet.push(message('case.transition.unmet.tekun.category', { name: person.name, age }));
  if (examined.tekunWorkCapacity !== LabourCapacity.NONE)
    unmet.push(message('case.transition.unmet.tekun.workCapacity', { name: person.name }));
  if (accounting && !accounting.belowStandard) unmet.push(message('case.transition.unmet.tekun.incomeSource'));
  if (examined.tekunLegalSupporters === LegalSupporters.ABLE) {
    unmet.push(message('case.transition.unmet.tekun.supporters', { name: person.name }));
  }
  return unmet;
}
