// The working-day calendar of an agency (its zone, the national holiday lists and its own days),
// built once per holiday list and reused: the reminder run and the reports read many cases of
// the same agencies.
import type { Agency } from '../model/records.ts';
import type { Store } from '../model/store.ts';
import { createCalendar, type WorkCalendar } from '../sop/calendar.ts';

export function createCalendars(store: Pick<Store, 'holidays' | 'holidayYears'>) {
  const cache = new Map<string, { key: string; cal: WorkCalendar }>();
  return async function calendarOf(agency: Agency): Promise<WorkCalendar> {
    const [national, listedYears] = await Promise.all([store.holidays(), store.holidayYears()]);
    const holidays = [...national, ...agency.extraHolidays];
    const key = `${agency.timeZone}|${holidays.join(',')}|${listedYears.join(',')}`;
    const hit = cache.get(agency.id);
    if (hit && hit.key === key) return hit.cal;
    const cal = createCalendar({ timeZone: agency.timeZone, holidays, listedYears });
    cache.set(agency.id, { key, cal });
    return cal;
  };
}
