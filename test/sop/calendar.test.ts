import { describe, it, expect } from 'vitest';
import { createCalendar, ZONE_LABEL } from '../../functions/src/sop/calendar.ts';
import { parseWaktu } from '../../functions/src/sop/waktu.ts';

const HOLIDAYS_2026 = ['2026-08-17', '2026-12-25'];
const wib = createCalendar({ timeZone: 'Asia/Jakarta', holidays: HOLIDAYS_2026 });
const wita = createCalendar({ timeZone: 'Asia/Makassar', holidays: HOLIDAYS_2026 });
const wit = createCalendar({ timeZone: 'Asia/Jayapura', holidays: [] });

/** A Date from local wall-clock text with the zone's fixed offset (Indonesia has no DST). */
const at = (iso: string): Date => new Date(iso);

describe('createCalendar', () => {
  it('labels the zones', () => {
    expect(ZONE_LABEL).toEqual({ 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' });
    expect(wita.timeZone).toBe('Asia/Makassar');
  });

  it.each(['2026-13-01', '2026-02-30', '25-12-2026', '2026-12-25T00:00', 'abc', ''])(
    'throws on the invalid holiday %j, naming it',
    (bad) => {
      expect(() => createCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2026-08-17', bad] })).toThrow(
        `"${bad}"`,
      );
    },
  );

  it('throws on an unknown time zone', () => {
    expect(() => createCalendar({ timeZone: 'Asia/Tokyo' as never, holidays: [] })).toThrow('Asia/Tokyo');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday, not holidays', () => {
    expect(wib.isWorkingDay(at('2026-11-27T09:00:00+07:00'))).toBe(true); // Friday
    expect(wib.isWorkingDay(at('2026-11-28T09:00:00+07:00'))).toBe(false); // Saturday
    expect(wib.isWorkingDay(at('2026-11-29T09:00:00+07:00'))).toBe(false); // Sunday
    expect(wib.isWorkingDay(at('2026-12-25T09:00:00+07:00'))).toBe(false); // Christmas, Friday
    expect(wib.isWorkingDay(at('2026-08-17T09:00:00+07:00'))).toBe(false); // Independence Day, Monday
  });

  it('uses the agency zone: the same instant near midnight is Friday in WIB, Saturday in WITA', () => {
    const instant = at('2026-11-27T16:30:00Z'); // 23:30 WIB Friday = 00:30 WITA Saturday = 01:30 WIT Saturday
    expect(wib.isWorkingDay(instant)).toBe(true);
    expect(wita.isWorkingDay(instant)).toBe(false);
    expect(wit.isWorkingDay(instant)).toBe(false);
    expect(wib.formatLocal(instant)).toBe('Jumat, 27 November 2026 23.30 WIB');
    expect(wita.formatLocal(instant)).toBe('Sabtu, 28 November 2026 00.30 WITA');
    expect(wit.formatLocal(instant)).toBe('Sabtu, 28 November 2026 01.30 WIT');
  });

  it('checks holidays on the local date', () => {
    // 2026-08-16T16:30Z is Sunday 16 Aug 23:30 in Jakarta but Monday 17 Aug (holiday) 00:30 in Makassar.
    const instant = at('2026-08-16T16:30:00Z');
    expect(wib.isWorkingDay(instant)).toBe(false); // Sunday
    expect(wita.isWorkingDay(instant)).toBe(false); // Independence Day
    const tuesday = at('2026-08-17T16:30:00Z'); // 23:30 WIB Monday 17 (holiday), 00:30 WITA Tuesday 18
    expect(wib.isWorkingDay(tuesday)).toBe(false);
    expect(wita.isWorkingDay(tuesday)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('Friday + 1 working day = Monday, same local clock time', () => {
    expect(wib.addWorkingDays(at('2026-11-27T09:30:00+07:00'), 1)).toEqual(at('2026-11-30T09:30:00+07:00'));
  });

  it('skips Christmas on Friday 2026-12-25', () => {
    expect(wib.addWorkingDays(at('2026-12-24T10:00:00+07:00'), 1)).toEqual(at('2026-12-28T10:00:00+07:00'));
    const noHolidays = createCalendar({ timeZone: 'Asia/Jakarta', holidays: [] });
    expect(noHolidays.addWorkingDays(at('2026-12-24T10:00:00+07:00'), 1)).toEqual(at('2026-12-25T10:00:00+07:00'));
  });

  it('skips Independence Day on Monday 2026-08-17', () => {
    expect(wita.addWorkingDays(at('2026-08-14T13:15:00+08:00'), 1)).toEqual(at('2026-08-18T13:15:00+08:00'));
    expect(wita.addWorkingDays(at('2026-08-14T13:15:00+08:00'), 3)).toEqual(at('2026-08-20T13:15:00+08:00'));
  });

  it('counts a start on a non-working day from the next working day 08:00', () => {
    expect(wib.addWorkingDays(at('2026-11-28T14:00:00+07:00'), 0)).toEqual(at('2026-11-30T08:00:00+07:00'));
    expect(wib.addWorkingDays(at('2026-11-28T14:00:00+07:00'), 1)).toEqual(at('2026-12-01T08:00:00+07:00'));
    // Saturday before Independence Day: Sunday and the Monday holiday are skipped too.
    expect(wib.addWorkingDays(at('2026-08-15T10:00:00+07:00'), 0)).toEqual(at('2026-08-18T08:00:00+07:00'));
  });

  it('rejects negative or fractional day counts', () => {
    expect(() => wib.addWorkingDays(at('2026-11-27T09:30:00+07:00'), -1)).toThrow(RangeError);
    expect(() => wib.addWorkingDays(at('2026-11-27T09:30:00+07:00'), 1.5)).toThrow(RangeError);
  });
});

describe('dueAt', () => {
  it('120–180 menit starting on Saturday starts Monday 08:00 and is due 11:00', () => {
    const due = wita.dueAt(at('2026-11-28T10:00:00+08:00'), parseWaktu('120 - 180 menit'));
    expect(due).toEqual(at('2026-11-30T11:00:00+08:00'));
    expect(wita.formatLocal(due!)).toBe('Senin, 30 November 2026 11.00 WITA');
  });

  it('adds minutes and hours to a start on a working day as is', () => {
    const start = at('2026-11-23T09:30:00+08:00');
    expect(wita.dueAt(start, parseWaktu('30 Menit'))).toEqual(at('2026-11-23T10:00:00+08:00'));
    expect(wita.dueAt(start, parseWaktu('ljam'))).toEqual(at('2026-11-23T10:30:00+08:00'));
    expect(wita.dueAt(start, parseWaktu('7 Jam'))).toEqual(at('2026-11-23T16:30:00+08:00'));
  });

  it('item basis multiplies by itemCount: "3 menit perbuku" × 10 = 30 minutes', () => {
    const start = at('2026-11-23T09:30:00+07:00');
    const w = parseWaktu('3 menit perbuku');
    expect(wib.dueAt(start, w, { itemCount: 10 })).toEqual(at('2026-11-23T10:00:00+07:00'));
    expect(wib.dueAt(start, w)).toBeNull();
    expect(wib.dueAt(start, w, { itemCount: 0 })).toBeNull();
  });

  it('day and week units count working days', () => {
    const friday = at('2026-12-18T09:00:00+07:00');
    expect(wib.dueAt(friday, parseWaktu('1 hari'))).toEqual(at('2026-12-21T09:00:00+07:00'));
    // 5 working days from Friday 18 Dec, skipping the weekend and Christmas: Monday 28 Dec.
    expect(wib.dueAt(friday, parseWaktu('1 Minggu'))).toEqual(at('2026-12-28T09:00:00+07:00'));
  });

  it('"per bulan" is due on the last working day of the month at 16:00 local', () => {
    const w = parseWaktu('per bulan');
    const due = wita.dueAt(at('2026-11-10T09:00:00+08:00'), w);
    expect(due).toEqual(at('2026-11-30T16:00:00+08:00'));
    expect(wita.formatLocal(due!)).toBe('Senin, 30 November 2026 16.00 WITA');
    // Still that day before 16:00.
    expect(wita.dueAt(at('2026-11-30T15:59:00+08:00'), w)).toEqual(at('2026-11-30T16:00:00+08:00'));
    // After 16:00 on the last working day: the last working day of December (Thursday 31 Dec).
    expect(wita.dueAt(at('2026-11-30T17:00:00+08:00'), w)).toEqual(at('2026-12-31T16:00:00+08:00'));
  });

  it('"per bulan" skips a holiday on the last day of the month', () => {
    const cal = createCalendar({ timeZone: 'Asia/Jakarta', holidays: ['2026-12-31'] });
    expect(cal.dueAt(at('2026-12-01T09:00:00+07:00'), parseWaktu('per bulan'))).toEqual(
      at('2026-12-30T16:00:00+07:00'),
    );
  });

  it('gives no deadline for travel, open, unspecified and unreadable values', () => {
    const start = at('2026-11-23T09:30:00+07:00');
    for (const raw of ['sesuai jarak tempuh', 'Sesuai kebutuhan', 'Sesuai Kebutuhan pemustaka', 'segera', null]) {
      expect(wib.dueAt(start, parseWaktu(raw))).toBeNull();
    }
  });
});

describe('formatLocal', () => {
  it('writes Indonesian weekday and month names with a dot time separator', () => {
    expect(wita.formatLocal(at('2026-11-23T01:30:00Z'))).toBe('Senin, 23 November 2026 09.30 WITA');
    expect(wib.formatLocal(at('2026-08-17T00:05:00Z'))).toBe('Senin, 17 Agustus 2026 07.05 WIB');
    expect(wit.formatLocal(at('2026-01-01T00:00:00Z'))).toBe('Kamis, 1 Januari 2026 09.00 WIT');
  });
});
