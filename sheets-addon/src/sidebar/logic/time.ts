// Times in the agency's zone, as Indonesian staff read them. Indonesia's zones have fixed offsets
// (no daylight saving), so a fixed shift is exact and needs no time-zone database in the browser.

export const ZONE_OFFSET: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};
export const ZONE_NAME: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "WITA" for Asia/Makassar; an unknown zone by its own name. */
export function zoneName(timeZone: string): string {
  return ZONE_NAME[timeZone] ?? timeZone;
}

/** The zone's wall clock at an instant, to be read with the getUTC* methods. */
function wallClock(ms: number, timeZone: string): Date {
  const hours = Number((ZONE_OFFSET[timeZone] ?? '+07:00').slice(1, 3));
  return new Date(ms + hours * 3600_000);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A datetime-local value ("2026-12-10T09:00") as ISO 8601 with the agency's offset. */
export function localInputToIso(value: string, timeZone: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value.trim());
  if (!m) return value.trim();
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${ZONE_OFFSET[timeZone] ?? '+07:00'}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/** "10 Des 2026 09.05 WIB": an instant in the agency's time zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const d = wallClock(t, timeZone);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}.${pad2(d.getUTCMinutes())} ${ZONE_NAME[timeZone] ?? ''}`.trim();
}

/** "09.05 WITA": the time of day of an instant in the agency's zone. */
export function formatTime(iso: string, timeZone: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const d = wallClock(t, timeZone);
  return `${pad2(d.getUTCHours())}.${pad2(d.getUTCMinutes())} ${ZONE_NAME[timeZone] ?? ''}`.trim();
}

/** Elapsed time as people say it: "kurang dari 1 menit", "12 menit", "2 jam 5 menit", "3 hari 4 jam". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '–';
  if (minutes < 1) return 'kurang dari 1 menit';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  if (hours > 0) return mins > 0 ? `${hours} jam ${mins} menit` : `${hours} jam`;
  return `${mins} menit`;
}

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The month (yyyy-mm) an instant falls in, in the agency's zone. */
export function currentMonth(now: Date, timeZone: string): string {
  const d = wallClock(now.getTime(), timeZone);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

/** "2026-07" -> "Juli 2026" (anything else as given). */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/**
 * A date typed the Indonesian way, day first: "30/11/2026", "30-11-2026" or "30.11.2026" (a
 * two-digit year means 20xx), as "2026-11-30"; null when it is not a real date. An ISO date is
 * accepted too (pasted from elsewhere).
 */
export function parseIdDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const m = iso ? [t, iso[3], iso[2], iso[1]] : /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** A 24-hour time, "14.30", "14:30", "9.05" or "0830", as "14:30"; null otherwise. */
export function parseIdTime(text: string): string | null {
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? `${pad2(h)}:${pad2(min)}` : null;
}

/** "30/11/2026" and "14.30" typed in the agency's zone as ISO 8601 with its offset; null when either is not valid. */
export function idDateTimeToIso(date: string, time: string, timeZone: string): string | null {
  const d = parseIdDate(date);
  const t = parseIdTime(time);
  return d && t ? `${d}T${t}:00${ZONE_OFFSET[timeZone] ?? '+07:00'}` : null;
}

/** An instant as the two typed parts in the agency's zone: { date: "30/11/2026", time: "14.30" }. */
export function isoToIdParts(iso: string, timeZone: string): { date: string; time: string } | null {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return null;
  const d = wallClock(ms, timeZone);
  return { date: `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, time: `${pad2(d.getUTCHours())}.${pad2(d.getUTCMinutes())}` };
}

/** "2026-11-30" as typed: "30/11/2026". */
export function isoDateToId(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}
