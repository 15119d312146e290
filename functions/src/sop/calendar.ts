/**
 * Working-day calendar in the agency's time zone (WIB, WITA or WIT). Pure: no I/O;
 * holidays (national holidays and cuti bersama) come in through the config.
 *
 * A working day is Monday to Friday in the agency zone that is not a listed holiday.
 * Indonesia has no daylight saving time, so local clock arithmetic is unambiguous.
 */
import { DateTime } from 'luxon';
import { maxMinutes, type Waktu } from './waktu.ts';

export type AgencyZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura'; // WIB, WITA, WIT

export const ZONE_LABEL: Record<AgencyZone, 'WIB' | 'WITA' | 'WIT'> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export interface CalendarConfig {
  timeZone: AgencyZone;
  /** ISO yyyy-mm-dd dates: national holidays and cuti bersama of any years. */
  holidays: string[];
  /**
   * The years whose national holidays and cuti bersama were loaded. A due time reaching into
   * another year counts that year's holidays as working days, and says so (`dueNote`). Omitted:
   * every year counts as listed.
   */
  listedYears?: number[];
}

export interface WorkCalendar {
  timeZone: AgencyZone;
  /** Monday to Friday in the agency zone and not a holiday. */
  isWorkingDay(at: Date): boolean;
  /**
   * Same local clock time, `days` working days later. A start on a non-working day
   * counts from the next working day's 08:00 local (so 0 days from a Saturday is
   * Monday 08:00). `days` must be a whole number >= 0.
   */
  addWorkingDays(from: Date, days: number): Date;
  /** Deadline for a step started at `from`; null when the standard time gives none. See DUE RULES below. */
  dueAt(from: Date, w: Waktu, opts?: { itemCount?: number }): Date | null;
  /** "Senin, 23 November 2026 09.30 WITA". */
  formatLocal(at: Date): string;
  /** Years from `from` to `to` (local, inclusive) with no holiday list loaded. */
  unlistedYears(from: Date, to: Date): number[];
  /**
   * What a due time computed from `from` must say about missing holiday lists, or null:
   * "hari libur 2028 belum dimuat; tenggat dihitung tanpa hari libur tahun itu".
   */
  dueNote(from: Date, due: Date): string | null;
  /** The due time as people read it, with the note when a holiday list is missing. */
  formatDue(from: Date | null, due: Date): string;
}

/** Start of the working day, local time, used when a step starts on a non-working day. */
const WORK_START_HOUR = 8;
/** Closing time, local, for periodic ("per bulan") deadlines. */
const PERIOD_DUE_HOUR = 16;

/** Day names by luxon weekday 1 (Monday) .. 7 (Sunday): HARI[weekday - 1]. */
export const HARI: readonly string[] = Object.freeze(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);

/** Month names: BULAN[month - 1]. */
export const BULAN: readonly string[] = Object.freeze(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']);

/** "Senin, 12 Oktober 2026 09.05 WITA": an instant as people in the agency's zone read it (no calendar needed). */
export function formatInZone(at: Date, zone: AgencyZone): string {
  const d = DateTime.fromJSDate(at, { zone });
  return `${HARI[d.weekday - 1]}, ${d.day} ${BULAN[d.month - 1]} ${d.year} ${String(d.hour).padStart(2, '0')}.${String(d.minute).padStart(2, '0')} ${ZONE_LABEL[zone]}`;
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function validateConfig(cfg: CalendarConfig): void {
  if (!Object.hasOwn(ZONE_LABEL, cfg.timeZone)) {
    throw new Error(
      `Zona waktu tidak valid: "${String(cfg.timeZone)}" (pilih Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura)`,
    );
  }
  if (!Array.isArray(cfg.holidays)) {
    throw new Error('Daftar hari libur harus berupa larik tanggal YYYY-MM-DD');
  }
  for (const h of cfg.holidays) {
    if (typeof h !== 'string' || !ISO_DATE_RE.test(h) || !DateTime.fromISO(h, { zone: 'UTC' }).isValid) {
      throw new Error(`Tanggal libur tidak valid: "${String(h)}" (format yang diharapkan YYYY-MM-DD)`);
    }
  }
}

/*
 * DUE RULES (dueAt):
 * - Unreadable values (recognized false) and bases travel, open, unknown: null.
 * - case/item, unit minute or hour: if `from` is on a non-working day, start at 08:00
 *   local of the next working day (otherwise start at `from`), then add the max in
 *   minutes as elapsed clock time (hour = 60 min; not clipped to office hours).
 *   For item the max is per item and is multiplied by opts.itemCount; a missing,
 *   non-whole or < 1 itemCount gives null. The same itemCount rule applies to the
 *   other units below.
 * - unit day: addWorkingDays(from, max).
 * - unit week: addWorkingDays(from, 5 × max).
 * - unit month ("1 bulan", not "per bulan"): from the working start as above, the same
 *   local date and time `max` calendar months later (clamped to the month's last day
 *   by luxon), moved forward to the next working day at that clock time if needed.
 * - period "per bulan": the last working day of the month in which `from` falls, at
 *   16:00 local. If that moment is not later than `from` (from after 16:00 on that
 *   day, or on a weekend/holiday after it), the last working day of the next month.
 */
export function createCalendar(cfg: CalendarConfig): WorkCalendar {
  validateConfig(cfg);
  const zone = cfg.timeZone;
  const holidays = new Set(cfg.holidays);

  const toLocal = (at: Date): DateTime => {
    const local = DateTime.fromJSDate(at, { zone });
    if (!local.isValid) throw new Error('Tanggal tidak valid');
    return local;
  };

  const isWorkingLocal = (d: DateTime): boolean => d.weekday <= 5 && !holidays.has(d.toISODate() ?? '');

  /** `d` itself if on a working day, else 08:00 of the next working day. */
  const workStart = (d: DateTime): DateTime => {
    if (isWorkingLocal(d)) return d;
    let day = d.startOf('day').plus({ days: 1 });
    while (!isWorkingLocal(day)) day = day.plus({ days: 1 });
    return day.set({ hour: WORK_START_HOUR });
  };

  const addWorkingLocal = (from: DateTime, days: number): DateTime => {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`Jumlah hari kerja tidak valid: ${days} (harus bilangan bulat >= 0)`);
    }
    let d = workStart(from);
    for (let i = 0; i < days; i++) {
      do d = d.plus({ days: 1 });
      while (!isWorkingLocal(d));
    }
    return d;
  };

  /** The next working day at the same clock time, or `d` itself if it is one. */
  const rollForward = (d: DateTime): DateTime => {
    let r = d;
    while (!isWorkingLocal(r)) r = r.plus({ days: 1 });
    return r;
  };

  /** 16:00 on the last working day of the month containing `d`; null if it has none. */
  const monthDeadline = (d: DateTime): DateTime | null => {
    const first = d.startOf('month');
    for (let day = d.endOf('month').startOf('day'); day >= first; day = day.minus({ days: 1 })) {
      if (isWorkingLocal(day)) return day.set({ hour: PERIOD_DUE_HOUR });
    }
    return null;
  };

  const periodDue = (from: DateTime): DateTime | null => {
    let month = from.startOf('month');
    // A month without a working day would need a whole month of holidays; stop after two years.
    for (let i = 0; i < 24; i++) {
      const due = monthDeadline(month);
      if (due !== null && due > from) return due;
      month = month.plus({ months: 1 });
    }
    return null;
  };

  const dueLocal = (from: DateTime, w: Waktu, itemCount: number | undefined): DateTime | null => {
    if (!w.recognized) return null;
    if (w.basis === 'period') return w.unit === 'month' ? periodDue(from) : null;
    if (w.basis !== 'case' && w.basis !== 'item') return null;
    if (w.max === undefined || w.unit === undefined) return null;

    let factor = 1;
    if (w.basis === 'item') {
      if (itemCount === undefined || !Number.isInteger(itemCount) || itemCount < 1) return null;
      factor = itemCount;
    }
    switch (w.unit) {
      case 'minute':
      case 'hour': {
        const minutes = maxMinutes(w, w.basis === 'item' ? itemCount : undefined);
        return minutes === undefined ? null : workStart(from).plus({ minutes });
      }
      case 'day':
        return addWorkingLocal(from, w.max * factor);
      case 'week':
        return addWorkingLocal(from, 5 * w.max * factor);
      case 'month':
        return rollForward(workStart(from).plus({ months: w.max * factor }));
    }
  };

  const listed = cfg.listedYears ? new Set(cfg.listedYears) : null;
  const unlistedYears = (from: Date, to: Date): number[] => {
    if (!listed) return [];
    const out: number[] = [];
    for (let y = toLocal(from).year; y <= toLocal(to).year; y++) if (!listed.has(y)) out.push(y);
    return out;
  };
  const dueNote = (from: Date, due: Date): string | null => {
    const years = unlistedYears(from, due);
    if (years.length === 0) return null;
    const list = years.join(', ');
    return `hari libur nasional dan cuti bersama ${list} belum dimuat; tenggat dihitung tanpa hari libur tahun itu`;
  };

  return {
    timeZone: zone,
    unlistedYears,
    dueNote,
    formatDue: (from, due) => {
      const note = dueNote(from ?? due, due);
      const d = toLocal(due);
      const text = `${HARI[d.weekday - 1]}, ${d.day} ${BULAN[d.month - 1]} ${d.year} ${String(d.hour).padStart(2, '0')}.${String(d.minute).padStart(2, '0')} ${ZONE_LABEL[zone]}`;
      return note ? `${text} (${note})` : text;
    },
    isWorkingDay: (at) => isWorkingLocal(toLocal(at)),
    addWorkingDays: (from, days) => addWorkingLocal(toLocal(from), days).toJSDate(),
    dueAt: (from, w, opts) => dueLocal(toLocal(from), w, opts?.itemCount)?.toJSDate() ?? null,
    formatLocal: (at) => {
      const d = toLocal(at);
      const hh = String(d.hour).padStart(2, '0');
      const mm = String(d.minute).padStart(2, '0');
      return `${HARI[d.weekday - 1]}, ${d.day} ${BULAN[d.month - 1]} ${d.year} ${hh}.${mm} ${ZONE_LABEL[zone]}`;
    },
  };
}
