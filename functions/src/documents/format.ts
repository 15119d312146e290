/**
 * Formatting for Indonesian government correspondence (tata naskah dinas): number words
 * (terbilang), dates and times in the agency's time zone, Roman month numerals and letter numbers.
 * Pure: no I/O, no clock; every date is passed in together with the agency's IANA time zone.
 *
 * Date inputs (`at: Date | string`):
 * - a Date, or an ISO string with an offset ("2026-11-21T16:30:00Z"), is an instant shown in `zone`;
 * - a 'yyyy-mm-dd' string is a calendar date, taken as is (no zone shift);
 * - an ISO date-time without an offset is read as wall-clock time in `zone`.
 */
import { DateTime } from 'luxon';
import { BULAN, HARI } from '../sop/calendar.ts';

// ---------------------------------------------------------------------------------------------
// Number words
// ---------------------------------------------------------------------------------------------

const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** Largest magnitude terbilang spells: 999.999.999.999.999 (ratusan triliun). */
const TERBILANG_MAX = 999_999_999_999_999n;

/** Scales from the largest down, each a power of 1000. */
const SCALES: ReadonlyArray<{ value: bigint; word: string }> = [
  { value: 1_000_000_000_000n, word: 'triliun' },
  { value: 1_000_000_000n, word: 'miliar' },
  { value: 1_000_000n, word: 'juta' },
  { value: 1_000n, word: 'ribu' },
];

function digitWord(d: number): string {
  const w = DIGITS[d];
  if (w === undefined) throw new RangeError(`Angka tidak valid: ${d}`);
  return w;
}

/** Words for 1..999 (empty array for 0). */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(digitWord(hundreds), 'ratus');
  if (rest === 0) return words;
  if (rest < 10) words.push(digitWord(rest));
  else if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest < 20) words.push(digitWord(rest - 10), 'belas');
  else {
    words.push(digitWord(Math.floor(rest / 10)), 'puluh');
    if (rest % 10 !== 0) words.push(digitWord(rest % 10));
  }
  return words;
}

function toCheckedBigInt(n: number | bigint): bigint {
  let b: bigint;
  if (typeof n === 'bigint') {
    b = n;
  } else if (typeof n === 'number' && Number.isInteger(n)) {
    if (Math.abs(n) > Number(TERBILANG_MAX)) {
      throw new RangeError(`Bilangan di luar jangkauan terbilang (maksimum 999.999.999.999.999): ${n}`);
    }
    b = BigInt(n);
  } else {
    throw new RangeError(`Terbilang hanya untuk bilangan bulat: ${String(n)}`);
  }
  if (b > TERBILANG_MAX || b < -TERBILANG_MAX) {
    throw new RangeError(`Bilangan di luar jangkauan terbilang (maksimum 999.999.999.999.999): ${b}`);
  }
  return b;
}

/**
 * Indonesian number words, lowercase, single-spaced: 1100 -> "seribu seratus",
 * 21 -> "dua puluh satu", -5 -> "minus lima". Integers up to ±999.999.999.999.999;
 * anything else throws a RangeError.
 */
export function terbilang(n: number | bigint): string {
  let rest = toCheckedBigInt(n);
  if (rest === 0n) return 'nol';
  const words: string[] = [];
  if (rest < 0n) {
    words.push('minus');
    rest = -rest;
  }
  for (const scale of SCALES) {
    const count = Number(rest / scale.value);
    rest %= scale.value;
    if (count === 0) continue;
    if (count === 1 && scale.word === 'ribu') words.push('seribu');
    else words.push(...belowThousand(count), scale.word);
  }
  words.push(...belowThousand(Number(rest)));
  return words.join(' ');
}

/** "satu juta lima ratus ribu rupiah". */
export function terbilangRupiah(n: number | bigint): string {
  return `${terbilang(n)} rupiah`;
}

/** Upper-cases the first character, leaving the rest unchanged: "dua ribu" -> "Dua ribu". */
export function capitalizeFirst(s: string): string {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase('id-ID') + s.slice(head.length);
}

// ---------------------------------------------------------------------------------------------
// Calendar names
// ---------------------------------------------------------------------------------------------

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** Month 1..12 as a Roman numeral (I..XII), as used in letter numbers. */
export function romanMonth(month: number): string {
  const r = Number.isInteger(month) ? ROMAN_MONTHS[month - 1] : undefined;
  if (r === undefined) throw new RangeError(`Bulan tidak valid: ${String(month)} (harus 1 sampai 12)`);
  return r;
}

// Day and month names live with the working-day calendar; letters use the same ones.
export { BULAN, HARI };

// ---------------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------------

const CALENDAR_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function showDate(at: Date | string): string {
  return at instanceof Date ? (Number.isNaN(at.getTime()) ? 'Invalid Date' : at.toISOString()) : JSON.stringify(at);
}

/** `at` as a luxon DateTime in `zone` (see the module comment for how strings are read). */
function localDateTime(at: Date | string, zone: string): DateTime {
  let dt: DateTime;
  if (at instanceof Date) {
    dt = DateTime.fromJSDate(at, { zone });
  } else if (typeof at === 'string') {
    // fromISO keeps the calendar date of a date-only string and converts instants into `zone`.
    dt = DateTime.fromISO(at, { zone });
  } else {
    throw new RangeError(`Tanggal tidak valid: ${String(at)}`);
  }
  if (!dt.isValid) {
    if (dt.invalidReason === 'unsupported zone') throw new RangeError(`Zona waktu tidak valid: "${zone}"`);
    throw new RangeError(`Tanggal tidak valid: ${showDate(at)}`);
  }
  return dt;
}

function hariOf(dt: DateTime): string {
  return HARI[dt.weekday - 1] ?? '';
}

function bulanOf(dt: DateTime): string {
  return BULAN[dt.month - 1] ?? '';
}

/** "21 November 2026" in the agency's zone. */
export function tanggalPanjang(at: Date | string, zone: string): string {
  const dt = localDateTime(at, zone);
  return `${dt.day} ${bulanOf(dt)} ${dt.year}`;
}

/** "Sabtu, 21 November 2026". */
export function hariTanggal(at: Date | string, zone: string): string {
  const dt = localDateTime(at, zone);
  return `${hariOf(dt)}, ${dt.day} ${bulanOf(dt)} ${dt.year}`;
}

/**
 * A span of days: "19–22 Mei 2024", "30 Mei – 2 Juni 2024", "30 Desember 2024 – 2 Januari 2025";
 * one date when both are the same day. Calendar dates ('yyyy-mm-dd') stay the dates they name.
 */
export function rentangTanggal(start: Date | string, end: Date | string, zone: string): string {
  const a = localDateTime(start, zone);
  const b = localDateTime(end, zone);
  if (a.hasSame(b, 'day')) return tanggalPanjang(start, zone);
  if (a.hasSame(b, 'month')) return `${a.day}–${b.day} ${bulanOf(b)} ${b.year}`;
  if (a.hasSame(b, 'year')) return `${a.day} ${bulanOf(a)} – ${b.day} ${bulanOf(b)} ${b.year}`;
  return `${tanggalPanjang(start, zone)} – ${tanggalPanjang(end, zone)}`;
}

/** The days of a span and its dates: "Minggu s.d. Rabu, 19–22 Mei 2024"; "Sabtu, 21 November 2026" for one day. */
export function hariRentang(start: Date | string, end: Date | string, zone: string): string {
  const a = localDateTime(start, zone);
  const b = localDateTime(end, zone);
  return a.hasSame(b, 'day') ? hariTanggal(start, zone) : `${hariOf(a)} s.d. ${hariOf(b)}, ${rentangTanggal(start, end, zone)}`;
}

/** The place-and-date line above a signature: "Balangan, 21 November 2026". */
export function tempatTanggal(kota: string, at: Date | string, zone: string): string {
  return `${kota.trim()}, ${tanggalPanjang(at, zone)}`;
}

/**
 * The date spelled out, for the opening of an agreement (PKS):
 * { hari: "Sabtu", tanggal: "dua puluh satu", bulan: "November", tahun: "dua ribu dua puluh enam" }.
 */
export function tanggalTerbilang(
  at: Date | string,
  zone: string,
): { hari: string; tanggal: string; bulan: string; tahun: string } {
  const dt = localDateTime(at, zone);
  return { hari: hariOf(dt), tanggal: terbilang(dt.day), bulan: bulanOf(dt), tahun: terbilang(dt.year) };
}

/** "Pada hari ini Sabtu tanggal dua puluh satu bulan November tahun dua ribu dua puluh enam". */
export function pembukaanPerjanjian(at: Date | string, zone: string): string {
  const t = tanggalTerbilang(at, zone);
  return `Pada hari ini ${t.hari} tanggal ${t.tanggal} bulan ${t.bulan} tahun ${t.tahun}`;
}

const ZONE_OF_LABEL: Record<'WIB' | 'WITA' | 'WIT', string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/**
 * Clock time in the agency's zone: "09.30 WITA". A calendar date ('yyyy-mm-dd') has no clock time
 * and throws; so does a label that contradicts one of the three Indonesian zones.
 */
export function jam(at: Date | string, zone: string, zoneLabel: 'WIB' | 'WITA' | 'WIT'): string {
  if (typeof at === 'string' && CALENDAR_DATE_RE.test(at)) {
    throw new RangeError(`Tanggal ${JSON.stringify(at)} tidak memuat jam`);
  }
  const expected = ZONE_OF_LABEL[zoneLabel];
  if (expected === undefined) throw new RangeError(`Label zona waktu tidak valid: "${String(zoneLabel)}"`);
  if (Object.values(ZONE_OF_LABEL).includes(zone) && zone !== expected) {
    throw new RangeError(`Label zona waktu ${zoneLabel} tidak sesuai dengan zona ${zone}`);
  }
  return `${localDateTime(at, zone).toFormat('HH.mm')} ${zoneLabel}`;
}

// ---------------------------------------------------------------------------------------------
// Letter numbers
// ---------------------------------------------------------------------------------------------

export interface LetterNumberParts {
  /** Archive classification code, e.g. "000.5.2". */
  klasifikasi: string;
  /** Sequence number of the letter (nomor urut), a whole number >= 1. */
  urut: number;
  /** Issuing unit, e.g. "DISPUSIP". */
  unit: string;
  /** 1..12. */
  month: number;
  year: number;
}

const LETTER_TOKENS = ['klasifikasi', 'urut', 'unit', 'bulan_romawi', 'bulan', 'tahun'] as const;
type LetterToken = (typeof LETTER_TOKENS)[number];
const TOKEN_RE = /\{([^{}]*)\}/g;

function isLetterToken(t: string): t is LetterToken {
  return (LETTER_TOKENS as readonly string[]).includes(t);
}

/**
 * Checks a letter-number template: null when it is usable, otherwise an Indonesian message.
 * Tokens: {klasifikasi} {urut} {unit} {bulan_romawi} {bulan} {tahun}; {urut} is required so that
 * every letter gets a distinct number.
 */
export function validateLetterNumberTemplate(template: string): string | null {
  if (typeof template !== 'string' || template.trim() === '') return 'Templat nomor surat kosong';
  const unknown: string[] = [];
  let hasUrut = false;
  for (const m of template.matchAll(TOKEN_RE)) {
    const token = m[1] ?? '';
    if (token === 'urut') hasUrut = true;
    if (!isLetterToken(token)) unknown.push(`{${token}}`);
  }
  if (unknown.length > 0) {
    return (
      `Templat nomor surat "${template}" memuat token yang tidak dikenal: ${unknown.join(', ')} ` +
      `(token yang tersedia: ${LETTER_TOKENS.map((t) => `{${t}}`).join(' ')})`
    );
  }
  if (/[{}]/.test(template.replace(TOKEN_RE, ''))) {
    return `Templat nomor surat "${template}" memuat kurung kurawal yang tidak berpasangan`;
  }
  if (!hasUrut) {
    return `Templat nomor surat "${template}" tidak memuat {urut}; tanpa nomor urut setiap surat tidak bernomor unik`;
  }
  return null;
}

/**
 * Fills a letter-number template: '{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}' ->
 * '000.5.2/117/DISPUSIP/XI/2026'. opts.pad zero-pads the sequence number (pad 3: 7 -> "007").
 * Throws on an invalid template, an invalid part or an empty part the template uses.
 */
export function formatLetterNumber(template: string, parts: LetterNumberParts, opts?: { pad?: number }): string {
  const problem = validateLetterNumberTemplate(template);
  if (problem !== null) throw new Error(problem);
  if (!Number.isSafeInteger(parts.urut) || parts.urut < 1) {
    throw new RangeError(`Nomor urut surat tidak valid: ${String(parts.urut)} (harus bilangan bulat >= 1)`);
  }
  const pad = opts?.pad ?? 0;
  if (!Number.isInteger(pad) || pad < 0 || pad > 10) {
    throw new RangeError(`Panjang nomor urut tidak valid: ${String(pad)} (harus bilangan bulat 0 sampai 10)`);
  }
  const bulanRomawi = romanMonth(parts.month);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) {
    throw new RangeError(`Tahun surat tidak valid: ${String(parts.year)}`);
  }
  const values: Record<LetterToken, string> = {
    klasifikasi: parts.klasifikasi.trim(),
    urut: String(parts.urut).padStart(pad, '0'),
    unit: parts.unit.trim(),
    bulan_romawi: bulanRomawi,
    bulan: String(parts.month).padStart(2, '0'),
    tahun: String(parts.year),
  };
  return template.replace(TOKEN_RE, (_match, token: string) => {
    const v = isLetterToken(token) ? values[token] : '';
    if (v === '') throw new Error(`Bagian {${token}} nomor surat kosong`);
    return v;
  });
}

/** A numbered list as plain text: ["A", "B"] -> "1. A\n2. B" (empty list -> ""). */
export function numberedLines(items: string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/**
 * A NIP as printed on letters: the 18 digits of a civil servant's number grouped by meaning (birth
 * date, appointment month, sex, serial), "197005121998031007" -> "19700512 199803 1 007"; any other
 * value as written.
 */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  return /^\d{18}$/.test(digits) ? `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}` : nip.trim();
}
