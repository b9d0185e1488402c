/**
 * Working-day arithmetic for deadlines (D§3: "calendar days minus weekends, with a holiday table per
 * district", and the make-up working days that national holiday arrangements set on weekends). Days are counted on the China Standard Time calendar (UTC+8, no daylight saving), and a
 * deadline falls at the end of its day.
 */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The CST calendar day (YYYY-MM-DD) of an instant. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A district's calendar of exceptions: public holidays off, and the weekend days worked in
 * exchange for a bridged holiday (调休 make-up working days), both as YYYY-MM-DD. */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

function isWorkingDay(day: string, { holidays, workdays }: WorkingCalendar): boolean {
  if (workdays.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** End (23:59:59.999 CST) of the n-th working day after the day of `from`. */
export function addWorkingDays(from: Date, n: number, calendar: WorkingCalendar): Date {
  let day = cstDay(from);
  let counted = 0;
  while (counted < n) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return endOfCstDay(day);
}

/** End (23:59:59.999 CST) of the n-th calendar day after the day of `from`. */
export function addCalendarDays(from: Date, n: number): Date {
  return endOfCstDay(new Date(Date.parse(`${cstDay(from)}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10));
}

export function endOfCstDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1 - CST_OFFSET_MS);
}

/** The first day of the month after the CST month of `at` (YYYY-MM-01): when a benefit starts. */
export function firstOfNextMonth(at: Date): string {
  const [y, m] = cstDay(at).split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
