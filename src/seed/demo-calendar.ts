import { CalendarDayKind } from '../modules/settings/settings.entity';
import type { DemoStaff } from './demo-staff';

const { HOLIDAY, WORKDAY } = CalendarDayKind;

/** Consecutive days from `first` (YYYY-MM-DD), `count` of them. */
function daysFrom(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * The national calendar of the demo district (D§3): public holidays off and the make-up working days
 * (调休上班) that bridge them. 2026 follows the State Council General Office's arrangement for 2026;
 * for 2027 the statutory holidays of the Measures on National Holidays (as amended in 2024) are
 * entered, and the district enters the bridging and make-up days with `setHoliday` once the State
 * Council publishes the 2027 arrangement.
 */
const DEMO_CALENDAR: { name: string; days: string[]; kind: CalendarDayKind }[] = [
  { name: '元旦 (New Year)', days: daysFrom('2026-01-01', 3), kind: HOLIDAY },
  { name: '元旦调休上班 (make-up working day)', days: ['2026-01-04'], kind: WORKDAY },
  { name: '春节 (Spring Festival)', days: daysFrom('2026-02-15', 9), kind: HOLIDAY },
  { name: '春节调休上班 (make-up working day)', days: ['2026-02-14', '2026-02-28'], kind: WORKDAY },
  { name: '清明节 (Qingming)', days: daysFrom('2026-04-04', 3), kind: HOLIDAY },
  { name: '劳动节 (Labour Day)', days: daysFrom('2026-05-01', 5), kind: HOLIDAY },
  { name: '劳动节调休上班 (make-up working day)', days: ['2026-05-09'], kind: WORKDAY },
  { name: '端午节 (Dragon Boat)', days: daysFrom('2026-06-19', 3), kind: HOLIDAY },
  { name: '中秋节 (Mid-Autumn)', days: daysFrom('2026-09-25', 3), kind: HOLIDAY },
  { name: '国庆节 (National Day)', days: daysFrom('2026-10-01', 7), kind: HOLIDAY },
  { name: '国庆节调休上班 (make-up working day)', days: ['2026-09-20', '2026-10-10'], kind: WORKDAY },
  { name: '元旦 (New Year)', days: ['2027-01-01'], kind: HOLIDAY },
  { name: '春节 (Spring Festival)', days: daysFrom('2027-02-05', 4), kind: HOLIDAY },
  { name: '清明节 (Qingming)', days: ['2027-04-05'], kind: HOLIDAY },
  { name: '劳动节 (Labour Day)', days: daysFrom('2027-05-01', 2), kind: HOLIDAY },
  { name: '端午节 (Dragon Boat)', days: ['2027-06-09'], kind: HOLIDAY },
  { name: '中秋节 (Mid-Autumn)', days: ['2027-09-15'], kind: HOLIDAY },
  { name: '国庆节 (National Day)', days: daysFrom('2027-10-01', 3), kind: HOLIDAY },
];

/** The district officer enters the calendar, as the district sets it (P4.3). */
export async function seedDemoCalendar(staff: DemoStaff): Promise<void> {
  for (const { name, days, kind } of DEMO_CALENDAR) {
    for (const day of days) {
      await staff.as('district.officer', (caller, services) => services.settings.setHoliday(caller, day, name, kind));
    }
  }
}
